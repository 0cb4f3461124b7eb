package dev.airlock.classify.http;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.Severity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What known GraphQL APIs' mutations do, keyed by provider and field name: Railway's public API
 * (backboard.railway.app and backboard.railway.com, {@code /graphql/v2}) first and in full, then
 * GitHub's GraphQL API. Each entry names the argument that holds the target, its severity and its
 * blast radius. Sources are listed in {@code docs/providers.md}.
 */
final class GraphqlCatalog {

  /** How far an entry's effect reaches beyond the environment the caller declared. */
  enum Reach {
    /** Only what the caller declared. */
    DECLARED,
    /** The whole project, every environment: production. */
    PROJECT,
    /** Every environment unless the {@code environmentId} argument narrows it. */
    ALL_UNLESS_ENVIRONMENT
  }

  /** Turns an entry and a field's arguments into a judgment. */
  interface Refine {
    Judgment apply(Judgment base, GraphqlValues args, String target);
  }

  /** One mutation of one provider. */
  record Entry(
      String rule,
      Severity severity,
      String verb,
      String noun,
      Reach reach,
      String reason,
      List<String> targets,
      @Nullable Refine refine) {}

  /** A GraphQL API with a catalog. */
  record Provider(String id, String program, Map<String, Entry> entries) {}

  static final Provider RAILWAY =
      new Provider("railway", "railway-graphql", RailwayMutations.all());

  static final Provider GITHUB = new Provider("github", "github-graphql", githubEntries());

  private GraphqlCatalog() {}

  /** The provider a GraphQL endpoint belongs to, or null for an API without a catalog. */
  static @Nullable Provider of(Url url) {
    String h = url.host();
    if (h.equals("backboard.railway.app")
        || h.equals("backboard.railway.com")
        || (!url.isHttp() && h.contains("railway"))) {
      return RAILWAY;
    }
    if (h.equals("api.github.com") || (!url.isHttp() && h.contains("github"))) {
      return GITHUB;
    }
    return null;
  }

  /** The program name reported for a GraphQL API without a catalog. */
  static String program(Url url) {
    String h = url.host();
    if (h.endsWith(".myshopify.com")) {
      return "shopify-graphql";
    }
    if (h.equals("api.linear.app")) {
      return "linear-graphql";
    }
    if (h.equals("api.fly.io")) {
      return "fly-graphql";
    }
    if (h.endsWith("gitlab.com")) {
      return "gitlab-graphql";
    }
    return "graphql";
  }

  /** Judges a field of a provider's catalog; null if the provider does not list it. */
  static @Nullable Judgment judge(Provider p, String field, GraphqlValues args) {
    Entry e = p.entries().get(field);
    if (e == null) {
      return null;
    }
    String target = args.text(e.targets());
    String t = target == null ? "(not named)" : target;
    String resource =
        e.targets().isEmpty() ? e.noun() : e.noun().isEmpty() ? t : e.noun() + " " + t;
    Environment env =
        switch (e.reach()) {
          case DECLARED -> Environment.UNKNOWN;
          case PROJECT -> Environment.PRODUCTION;
          case ALL_UNLESS_ENVIRONMENT ->
              args.has("environmentId") ? Environment.UNKNOWN : Environment.PRODUCTION;
        };
    Judgment j =
        new Judgment(
            "http.graphql." + p.id() + "." + e.rule(),
            p.program(),
            e.verb(),
            resource,
            e.severity(),
            e.severity() == Severity.SAFE && e.verb().equals("read") ? Access.READ : Access.WRITE,
            env,
            field + " " + e.reason().replace("{t}", t));
    return e.refine() == null ? j : e.refine().apply(j, args, t);
  }

  /** Builds an entry; {@code targets} are argument paths tried in order. */
  static Entry entry(
      String rule,
      Severity severity,
      String verb,
      String noun,
      Reach reach,
      String reason,
      String... targets) {
    return new Entry(rule, severity, verb, noun, reach, reason, List.of(targets), null);
  }

  static Entry refined(Entry e, Refine refine) {
    return new Entry(
        e.rule(), e.severity(), e.verb(), e.noun(), e.reach(), e.reason(), e.targets(), refine);
  }

  private static Map<String, Entry> githubEntries() {
    Map<String, Entry> m = new HashMap<>();
    m.put(
        "deleteRef",
        entry(
            "ref-delete",
            Severity.DESTRUCTIVE,
            "delete",
            "ref",
            Reach.DECLARED,
            "deletes Git ref {t} (a branch or tag); the node id does not say which, so it may be"
                + " the default branch",
            "input.refId"));
    m.put(
        "updateRefs",
        entry(
            "refs-update",
            Severity.DESTRUCTIVE,
            "update-refs",
            "repository",
            Reach.DECLARED,
            "creates, moves or deletes several refs of repository {t} at once, and can force them",
            "input.repositoryId"));
    m.put(
        "updateRef",
        refined(
            entry(
                "ref-update",
                Severity.SAFE,
                "write",
                "ref",
                Reach.DECLARED,
                "moves Git ref {t} to another commit",
                "input.refId"),
            (j, args, t) ->
                args.isTrue("input.force")
                    ? new Judgment(
                        "http.graphql.github.ref-force-update",
                        j.program(),
                        "force-update",
                        j.resource(),
                        Severity.DESTRUCTIVE,
                        Access.WRITE,
                        j.environment(),
                        "updateRef with force: true rewrites ref "
                            + t
                            + "; commits only it pointed to are lost")
                    : j));
    m.put(
        "deleteBranchProtectionRule",
        entry(
            "branch-protection-delete",
            Severity.DESTRUCTIVE,
            "delete",
            "branch protection rule",
            Reach.DECLARED,
            "deletes branch protection rule {t}; the branch can then be force-pushed or deleted",
            "input.branchProtectionRuleId"));
    m.put(
        "deleteRepositoryRuleset",
        entry(
            "ruleset-delete",
            Severity.DESTRUCTIVE,
            "delete",
            "ruleset",
            Reach.DECLARED,
            "deletes repository ruleset {t} and the protections it enforced",
            "input.repositoryRulesetId"));
    m.put(
        "deleteEnvironment",
        entry(
            "environment-delete",
            Severity.DESTRUCTIVE,
            "delete",
            "deployment environment",
            Reach.DECLARED,
            "deletes deployment environment {t} with its secrets and protection rules",
            "input.id"));
    m.put(
        "deleteProjectV2",
        entry(
            "project-board-delete",
            Severity.DESTRUCTIVE,
            "delete",
            "project board",
            Reach.DECLARED,
            "deletes project board {t} and its fields and views",
            "input.projectId"));
    m.put(
        "archiveRepository",
        entry(
            "repo-archive",
            Severity.DESTRUCTIVE,
            "archive",
            "repository",
            Reach.DECLARED,
            "archives repository {t}; it becomes read-only for everyone",
            "input.repositoryId"));
    return Map.copyOf(m);
  }
}
