package dev.airlock.classify.http;

import static dev.airlock.classify.Severity.CATASTROPHIC;
import static dev.airlock.classify.Severity.DESTRUCTIVE;
import static dev.airlock.classify.Severity.SAFE;
import static dev.airlock.classify.http.RestCatalog.rule;

import dev.airlock.classify.http.RestCatalog.Provider;
import dev.airlock.classify.http.RestCatalog.Rule;
import dev.airlock.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Catalog entries for source hosting, payments and application platforms: GitHub, Stripe, Heroku,
 * Vercel and Supabase. Sources are listed in {@code docs/providers.md}.
 */
final class RestProviders {

  /** Every provider, infrastructure ones included, in the order hosts are tried. */
  static final List<Provider> ALL = all();

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

  private RestProviders() {}

  private static List<Provider> all() {
    List<Provider> p = new ArrayList<>();
    p.add(github());
    p.add(stripe());
    p.add(heroku());
    p.add(vercel());
    p.add(supabase());
    p.addAll(RestInfraProviders.all());
    return List.copyOf(p);
  }

  private static Provider github() {
    return new Provider(
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

  private static Rule destructive(String path, String rule, String resource, String reason) {
    return rule("DELETE", path, rule, DESTRUCTIVE, "delete", resource, reason);
  }

  private static Provider stripe() {
    String money = "moves real money; a payment or payout cannot be taken back by deleting it";
    return new Provider(
        "stripe",
        "stripe-api",
        u -> u.host().equals("api.stripe.com") || u.host().equals("files.stripe.com"),
        "",
        List.of(
            destructive(
                "/v1/customers/{id}",
                "customer-delete",
                "Stripe customer {id}",
                "deletes Stripe customer {id} and cancels their subscriptions"),
            destructive(
                "/v1/subscriptions/{id}",
                "subscription-cancel",
                "Stripe subscription {id}",
                "cancels subscription {id} at once"),
            destructive(
                "/v1/subscription_items/{id}",
                "subscription-item-delete",
                "Stripe subscription item {id}",
                "removes an item from a live subscription"),
            destructive(
                "/v1/accounts/{id}",
                "account-delete",
                "Stripe account {id}",
                "deletes connected account {id}"),
            destructive(
                "/v1/{kind}/{id+}",
                "object-delete",
                "Stripe {kind} {id}",
                "deletes Stripe {kind} {id}"),
            rule("POST", "/v1/refunds", "refund-create", DESTRUCTIVE, "refund", "refunds", money),
            rule("POST", "/v1/payouts", "payout-create", DESTRUCTIVE, "payout", "payouts", money),
            rule(
                "POST",
                "/v1/transfers",
                "transfer-create",
                DESTRUCTIVE,
                "transfer",
                "transfers",
                money),
            rule("POST", "/v1/charges", "charge-create", DESTRUCTIVE, "charge", "charges", money),
            rule(
                "POST",
                "/v1/payment_intents/{id}/confirm",
                "payment-confirm",
                DESTRUCTIVE,
                "charge",
                "payment intent {id}",
                money),
            rule(
                "POST",
                "/v1/invoices/{id}/void",
                "invoice-void",
                DESTRUCTIVE,
                "void",
                "invoice {id}",
                "voids invoice {id}; a voided invoice cannot be reopened")));
  }

  private static Provider heroku() {
    return new Provider(
        "heroku",
        "heroku-api",
        u -> u.host().equals("api.heroku.com"),
        "",
        List.of(
            rule(
                    "DELETE",
                    "/apps/{app}",
                    "app-delete",
                    CATASTROPHIC,
                    "delete",
                    "Heroku app {app}",
                    "deletes Heroku app {app} with its add-ons, config and releases")
                .env("app"),
            rule(
                    "DELETE",
                    "/apps/{app}/addons/{addon}",
                    "addon-delete",
                    CATASTROPHIC,
                    "delete",
                    "add-on {addon} of {app}",
                    "deletes add-on {addon}; Heroku Postgres and Redis databases are add-ons, and"
                        + " their data goes with them")
                .env("app"),
            rule(
                "DELETE",
                "/addons/{addon}",
                "addon-delete",
                CATASTROPHIC,
                "delete",
                "add-on {addon}",
                "deletes add-on {addon}; databases are add-ons, and their data goes with them"),
            rule(
                "DELETE",
                "/spaces/{space}",
                "space-delete",
                CATASTROPHIC,
                "delete",
                "space {space}",
                "deletes private space {space}"),
            rule(
                    "DELETE",
                    "/apps/{app}/dynos",
                    "dyno-restart",
                    SAFE,
                    "restart",
                    "dynos of {app}",
                    "restarts every dyno of {app}; nothing is deleted")
                .env("app"),
            rule(
                    "DELETE",
                    "/apps/{app}/dynos/{dyno}",
                    "dyno-restart",
                    SAFE,
                    "restart",
                    "dyno {dyno} of {app}",
                    "restarts dyno {dyno} of {app}; nothing is deleted")
                .env("app"),
            rule(
                    "PATCH",
                    "/apps/{app}/config-vars",
                    "config-vars-update",
                    SAFE,
                    "write",
                    "config vars of {app}",
                    "sets config vars of {app}")
                .env("app")
                .refine(
                    (j, c, r) -> {
                      Json body = r.json();
                      if (r.problem() != null) {
                        return RestCatalog.unreadable(j, r, "whether it deletes variables");
                      }
                      if (body instanceof Json.Obj o && o.members().containsValue(Json.NULL)) {
                        return j.withSeverity(
                            DESTRUCTIVE, j.reason() + " and deletes those set to null");
                      }
                      return j;
                    }),
            rule(
                "POST",
                "/oauth/authorizations",
                "authorization-create",
                DESTRUCTIVE,
                "create-token",
                "OAuth authorizations",
                "creates an API token; creating API tokens is privilege escalation"),
            rule(
                    "POST",
                    "/apps/{app}/collaborators",
                    "collaborator-add",
                    DESTRUCTIVE,
                    "grant-access",
                    "collaborators of {app}",
                    "grants someone access to {app}")
                .env("app")));
  }

  private static Provider vercel() {
    return new Provider(
        "vercel",
        "vercel-api",
        u -> u.host().equals("api.vercel.com"),
        "",
        List.of(
            rule(
                    "DELETE",
                    "/v#/projects/{id}",
                    "project-delete",
                    CATASTROPHIC,
                    "delete",
                    "Vercel project {id}",
                    "deletes Vercel project {id} with its deployments, domains and environment"
                        + " variables")
                .env("id"),
            rule(
                "DELETE",
                "/v#/projects/{id}/env/{env}",
                "env-var-delete",
                DESTRUCTIVE,
                "delete",
                "environment variable {env} of {id}",
                "deletes an environment variable of project {id}"),
            rule(
                "DELETE",
                "/v#/projects/{id}/domains/{domain}",
                "domain-remove",
                DESTRUCTIVE,
                "remove",
                "domain {domain} of {id}",
                "removes domain {domain} from project {id}; its traffic stops"),
            rule(
                "DELETE",
                "/v#/deployments/{id}",
                "deployment-delete",
                DESTRUCTIVE,
                "delete",
                "deployment {id}",
                "deletes deployment {id}; if it is live, its URL stops serving"),
            rule(
                "DELETE",
                "/v#/now/deployments/{id}",
                "deployment-delete",
                DESTRUCTIVE,
                "delete",
                "deployment {id}",
                "deletes deployment {id}"),
            rule(
                "DELETE",
                "/v#/storage/stores/{id+}",
                "store-delete",
                CATASTROPHIC,
                "delete",
                "storage {id}",
                "deletes storage {id} (Blob, KV, Edge Config or database) with its data"),
            rule(
                "DELETE",
                "/v#/teams/{id}",
                "team-delete",
                CATASTROPHIC,
                "delete",
                "team {id}",
                "deletes team {id} with its projects"),
            rule(
                "POST",
                "/v#/user/tokens",
                "token-create",
                DESTRUCTIVE,
                "create-token",
                "user tokens",
                "creates an API token; creating API tokens is privilege escalation")));
  }

  private static Provider supabase() {
    return new Provider(
        "supabase",
        "supabase-api",
        u -> u.host().equals("api.supabase.com"),
        "",
        List.of(
            rule(
                    "DELETE",
                    "/v1/projects/{ref}",
                    "project-delete",
                    CATASTROPHIC,
                    "delete",
                    "Supabase project {ref}",
                    "deletes Supabase project {ref} with its database, storage and functions")
                .env("ref"),
            rule(
                "DELETE",
                "/v1/branches/{id}",
                "branch-delete",
                DESTRUCTIVE,
                "delete",
                "branch {id}",
                "deletes preview branch {id} and its database"),
            rule(
                "POST",
                "/v1/projects/{ref}/database/backups/{action+}",
                "backup-restore",
                DESTRUCTIVE,
                "restore",
                "database of {ref}",
                "restores the database of project {ref} from a backup, replacing what it holds"),
            rule(
                "POST",
                "/v1/projects/{ref}/pause",
                "project-pause",
                DESTRUCTIVE,
                "pause",
                "Supabase project {ref}",
                "pauses project {ref}; it stops serving"),
            rule(
                "POST",
                "/v1/projects/{ref}/api-keys",
                "api-key-create",
                DESTRUCTIVE,
                "create-token",
                "API keys of {ref}",
                "creates an API key; creating API tokens is privilege escalation")));
  }
}
