package dev.airlock.classify.http;

import static dev.airlock.classify.Severity.CATASTROPHIC;
import static dev.airlock.classify.Severity.DESTRUCTIVE;
import static dev.airlock.classify.Severity.SAFE;
import static dev.airlock.classify.http.RestCatalog.rule;

import dev.airlock.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GitHub's REST API (api.github.com, and GitHub Enterprise Server under {@code /api/v3}):
 * repository, ref, branch protection, release, hook, environment, secret, collaborator and
 * organisation operations. Sources are listed in {@code docs/providers.md}.
 */
final class GithubRest {

  private static final Set<String> DEFAULT_BRANCHES =
      Set.of(
          "main",
          "master",
          "trunk",
          "production",
          "prod",
          "release",
          "live",
          "default",
          "stable",
          "develop");

  private GithubRest() {}

  static RestCatalog.Provider provider() {
    return new RestCatalog.Provider(
        "github",
        "github-api",
        u ->
            u.host().equals("api.github.com")
                || (u.host().contains("github") && u.path().startsWith("/api/v3/")),
        "api/v3",
        List.of(
            rule(
                "DELETE",
                "/repos/{owner}/{repo}",
                "repo-delete",
                CATASTROPHIC,
                "delete",
                "repository {owner}/{repo}",
                "deletes repository {owner}/{repo} with its issues, pull requests, wiki and"
                    + " releases"),
            rule(
                    "DELETE",
                    "/repos/{owner}/{repo}/git/refs/{ref+}",
                    "ref-delete",
                    DESTRUCTIVE,
                    "delete",
                    "ref {ref} of {owner}/{repo}",
                    "deletes ref {ref} of {owner}/{repo}")
                .refine(
                    (j, c, r) -> {
                      String ref = c.getOrDefault("ref", "");
                      String branch = ref.startsWith("heads/") ? ref.substring(6) : ref;
                      return DEFAULT_BRANCHES.contains(branch.toLowerCase(Locale.ROOT))
                          ? j.withSeverity(
                              CATASTROPHIC,
                              j.reason()
                                  + ", the default-looking branch "
                                  + branch
                                  + " that deploys and history hang on")
                          : j;
                    }),
            rule(
                    "PATCH|POST",
                    "/repos/{owner}/{repo}/git/refs/{ref+}",
                    "ref-update",
                    SAFE,
                    "write",
                    "ref {ref} of {owner}/{repo}",
                    "moves ref {ref} of {owner}/{repo}")
                .refine(
                    (j, c, r) -> {
                      Json force = r.member("force");
                      if (r.problem() != null) {
                        return RestCatalog.unreadable(j, r, "whether it forces");
                      }
                      return Json.TRUE.equals(force)
                          ? new Judgment(
                              "http.rest.github.ref-force-update",
                              j.program(),
                              "force-update",
                              j.resource(),
                              DESTRUCTIVE,
                              j.access(),
                              j.environment(),
                              j.reason() + " with force: true; commits only it held are lost")
                          : j;
                    }),
            destructive(
                "/repos/{owner}/{repo}/branches/{branch}/protection",
                "branch-protection-delete",
                "protection of branch {branch} in {owner}/{repo}",
                "removes the protection of branch {branch}; it can then be force-pushed or"
                    + " deleted"),
            destructive(
                "/repos/{owner}/{repo}/branches/{branch}/protection/{rest+}",
                "branch-protection-delete",
                "protection of branch {branch} in {owner}/{repo}",
                "removes part of the protection of branch {branch} ({rest})"),
            destructive(
                "/repos/{owner}/{repo}/rulesets/{id}",
                "ruleset-delete",
                "ruleset {id} of {owner}/{repo}",
                "deletes a repository ruleset and the protections it enforced"),
            destructive(
                "/repos/{owner}/{repo}/releases/{id+}",
                "release-delete",
                "release {id} of {owner}/{repo}",
                "deletes a release (or release asset) of {owner}/{repo}"),
            destructive(
                "/repos/{owner}/{repo}/hooks/{id}",
                "hook-delete",
                "webhook {id} of {owner}/{repo}",
                "deletes a webhook; whatever it notified stops hearing about the repository"),
            destructive(
                    "/repos/{owner}/{repo}/environments/{name}",
                    "environment-delete",
                    "environment {name} of {owner}/{repo}",
                    "deletes deployment environment {name} with its secrets and protection rules")
                .env("name"),
            destructive(
                "/repos/{owner}/{repo}/deployments/{id}",
                "deployment-delete",
                "deployment {id} of {owner}/{repo}",
                "deletes a deployment record"),
            destructive(
                "/repos/{owner}/{repo}/actions/secrets/{name}",
                "secret-delete",
                "secret {name} of {owner}/{repo}",
                "deletes Actions secret {name}; workflows that use it fail"),
            destructive(
                    "/repos/{owner}/{repo}/environments/{env}/secrets/{name}",
                    "secret-delete",
                    "secret {name} of environment {env}",
                    "deletes secret {name} of environment {env}; deploys that use it fail")
                .env("env"),
            destructive(
                "/repos/{owner}/{repo}/contents/{path+}",
                "file-delete",
                "file {path} in {owner}/{repo}",
                "commits the deletion of {path}"),
            destructive(
                "/repos/{owner}/{repo}/keys/{id}",
                "deploy-key-delete",
                "deploy key {id} of {owner}/{repo}",
                "deletes a deploy key; whatever uses it loses access"),
            destructive(
                "/repos/{owner}/{repo}/collaborators/{user}",
                "collaborator-remove",
                "collaborator {user} of {owner}/{repo}",
                "removes {user}'s access to {owner}/{repo}"),
            rule(
                "PUT",
                "/repos/{owner}/{repo}/collaborators/{user}",
                "collaborator-add",
                DESTRUCTIVE,
                "grant-access",
                "collaborator {user} of {owner}/{repo}",
                "grants {user} access to {owner}/{repo}"),
            rule(
                "POST",
                "/repos/{owner}/{repo}/keys",
                "deploy-key-create",
                DESTRUCTIVE,
                "create-token",
                "deploy keys of {owner}/{repo}",
                "adds a deploy key to {owner}/{repo}: creating credentials is privilege"
                    + " escalation"),
            rule(
                "POST",
                "/repos/{owner}/{repo}/transfer",
                "repo-transfer",
                DESTRUCTIVE,
                "transfer",
                "repository {owner}/{repo}",
                "transfers {owner}/{repo} to another owner; its current people may lose access"),
            rule(
                    "PATCH",
                    "/repos/{owner}/{repo}",
                    "repo-update",
                    SAFE,
                    "write",
                    "repository {owner}/{repo}",
                    "changes the settings of {owner}/{repo}")
                .refine(
                    (j, c, r) -> {
                      Json vis = r.member("visibility");
                      Json priv = r.member("private");
                      Json archived = r.member("archived");
                      if (r.problem() != null) {
                        return RestCatalog.unreadable(j, r, "whether it publishes or archives");
                      }
                      if (new Json.Str("public").equals(vis) || Json.FALSE.equals(priv)) {
                        return changed(
                            j,
                            "repo-make-public",
                            "make-public",
                            " and makes it public: everything in it becomes readable by anyone");
                      }
                      if (Json.TRUE.equals(archived)) {
                        return changed(
                            j,
                            "repo-archive",
                            "archive",
                            " and archives it; it becomes read-only for everyone");
                      }
                      return j;
                    }),
            rule(
                "POST",
                "/app/installations/{id}/access_tokens",
                "installation-token-create",
                DESTRUCTIVE,
                "create-token",
                "installation {id}",
                "creates an installation access token; creating API tokens is privilege"
                    + " escalation"),
            rule(
                "DELETE",
                "/orgs/{org}",
                "org-delete",
                CATASTROPHIC,
                "delete",
                "organization {org}",
                "deletes organization {org} with every repository in it"),
            destructive(
                "/orgs/{org}/{kind}/{name+}",
                "org-item-delete",
                "{kind} {name} of organization {org}",
                "deletes {kind} {name} of organization {org}"),
            rule(
                "PUT",
                "/orgs/{org}/memberships/{user}",
                "member-add",
                DESTRUCTIVE,
                "grant-access",
                "membership of {user} in {org}",
                "adds {user} to organization {org} or changes their role"),
            destructive("/gists/{id}", "gist-delete", "gist {id}", "deletes a gist")));
  }

  private static Judgment changed(Judgment j, String rule, String verb, String more) {
    return new Judgment(
        "http.rest.github." + rule,
        j.program(),
        verb,
        j.resource(),
        DESTRUCTIVE,
        j.access(),
        j.environment(),
        j.reason() + more);
  }

  static RestCatalog.Rule destructive(String path, String rule, String resource, String reason) {
    return rule("DELETE", path, rule, DESTRUCTIVE, "delete", resource, reason);
  }
}
