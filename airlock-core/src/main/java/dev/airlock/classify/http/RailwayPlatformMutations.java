package dev.airlock.classify.http;

import static dev.airlock.classify.Severity.CATASTROPHIC;
import static dev.airlock.classify.Severity.DESTRUCTIVE;
import static dev.airlock.classify.Severity.SAFE;
import static dev.airlock.classify.http.GraphqlCatalog.Reach.ALL_UNLESS_ENVIRONMENT;
import static dev.airlock.classify.http.GraphqlCatalog.Reach.DECLARED;
import static dev.airlock.classify.http.GraphqlCatalog.Reach.PROJECT;
import static dev.airlock.classify.http.GraphqlCatalog.entry;
import static dev.airlock.classify.http.GraphqlCatalog.refined;

import dev.airlock.classify.http.GraphqlCatalog.Entry;
import dev.airlock.json.Json;
import java.util.Locale;
import java.util.Map;

/**
 * Railway's public GraphQL API (v2), the rest of the catalog: environment patches, domains,
 * proxies, plugins, bucket credentials, tokens and access. See {@link RailwayMutations}.
 */
final class RailwayPlatformMutations {

  private static final String TOKEN =
      "; creating API tokens is privilege escalation, and a new token outlives this session";

  private static final String GRANT =
      "; it changes who can act on the project's environments, production included";

  private RailwayPlatformMutations() {}

  static void addTo(Map<String, Entry> m) {
    m.put(
        "environmentPatchCommitStaged",
        entry(
            "environment-commit-staged",
            DESTRUCTIVE,
            "apply-changes",
            "environment",
            DECLARED,
            "applies the changes staged for environment {t}, which this request does not show;"
                + " staged changes can delete services and volumes",
            "environmentId"));
    Entry patch =
        refined(
            entry(
                "environment-patch",
                SAFE,
                "write",
                "environment",
                DECLARED,
                "applies a configuration patch to environment {t}",
                "environmentId"),
            (j, args, t) ->
                deletesInPatch(args) ? j.withSeverity(DESTRUCTIVE, deletingPatch(t)) : j);
    m.put("environmentPatchCommit", patch);
    m.put("environmentApplyChangeSet", patch);
    // Domains, proxies, plugins, buckets.
    m.put(
        "customDomainDelete",
        entry(
            "custom-domain-delete",
            DESTRUCTIVE,
            "delete",
            "custom domain",
            DECLARED,
            "deletes custom domain {t}; its traffic stops reaching the service",
            "id"));
    m.put(
        "serviceDomainDelete",
        entry(
            "service-domain-delete",
            DESTRUCTIVE,
            "delete",
            "service domain",
            DECLARED,
            "deletes service domain {t}; its traffic stops reaching the service",
            "id"));
    m.put(
        "tcpProxyDelete",
        entry(
            "tcp-proxy-delete",
            DESTRUCTIVE,
            "delete",
            "TCP proxy",
            DECLARED,
            "deletes TCP proxy {t}; clients that connect through it are cut off",
            "id"));
    m.put(
        "pluginDelete",
        entry(
            "plugin-delete",
            CATASTROPHIC,
            "delete",
            "plugin",
            ALL_UNLESS_ENVIRONMENT,
            "deletes legacy plugin {t}; Railway plugins are databases (PostgreSQL, MySQL, Redis,"
                + " MongoDB) and their data goes with them",
            "id"));
    m.put(
        "pluginReset",
        entry(
            "plugin-reset",
            DESTRUCTIVE,
            "reset",
            "plugin",
            DECLARED,
            "resets the container and variables of plugin {t}",
            "id"));
    m.put(
        "pluginResetCredentials",
        entry(
            "plugin-credentials-reset",
            DESTRUCTIVE,
            "reset",
            "plugin",
            DECLARED,
            "resets the database credentials of plugin {t}; every service using them breaks",
            "id"));
    m.put(
        "bucketCredentialsReset",
        entry(
            "bucket-credentials-reset",
            DESTRUCTIVE,
            "reset",
            "bucket",
            DECLARED,
            "resets the credentials of bucket {t}; every service using them breaks",
            "bucketId"));
    m.put(
        "privateNetworksForEnvironmentDelete",
        entry(
            "private-networks-delete",
            DESTRUCTIVE,
            "delete",
            "private networks of environment",
            DECLARED,
            "deletes every private network of environment {t}; services stop reaching each other",
            "environmentId"));
    m.put(
        "volumeInstancePITRRestore",
        entry(
            "volume-pitr-restore",
            SAFE,
            "write",
            "volume instance",
            DECLARED,
            "creates a new service restored to a point in time from volume instance {t}; the"
                + " source stays untouched",
            "volumeInstanceId"));
    // Tokens and access.
    m.put(
        "apiTokenCreate",
        entry(
            "api-token-create",
            DESTRUCTIVE,
            "create-token",
            "API token",
            PROJECT,
            "creates Railway API token {t}" + TOKEN,
            "input.name"));
    m.put(
        "projectTokenCreate",
        entry(
            "project-token-create",
            DESTRUCTIVE,
            "create-token",
            "project token",
            DECLARED,
            "creates project token {t}" + TOKEN,
            "input.name",
            "input.projectId"));
    for (String f : new String[] {"apiTokenDelete", "projectTokenDelete"}) {
      m.put(
          f,
          entry(
              "token-delete",
              DESTRUCTIVE,
              "revoke",
              "token",
              DECLARED,
              "deletes token {t}; whatever uses it stops working",
              "id"));
    }
    for (String f : new String[] {"projectMemberRemove", "workspaceUserRemove"}) {
      m.put(
          f,
          entry(
              "member-remove",
              DESTRUCTIVE,
              "remove",
              "member",
              DECLARED,
              "removes member {t} from the project or workspace",
              "input.userId",
              "input.email"));
    }
    for (String f :
        new String[] {
          "projectMemberAdd",
          "projectMemberUpdate",
          "projectInviteUser",
          "projectInvitationCreate",
          "workspaceUserInvite",
          "workspaceInviteCodeCreate",
          "workspacePermissionChange",
          "trustedDomainCreate"
        }) {
      m.put(
          f,
          entry(
              "grant-access",
              DESTRUCTIVE,
              "grant-access",
              "access",
              DECLARED,
              "grants access {t}" + GRANT,
              "input.email",
              "input.userId",
              "input.role",
              "input.domain"));
    }
  }

  private static boolean deletesInPatch(GraphqlValues args) {
    for (String p : new String[] {"patch", "input"}) {
      Json v = args.get(p);
      if (GraphqlValues.MISSING.equals(v)) {
        return true;
      }
      if (v != null && mentionsDeletion(v, 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mentionsDeletion(Json v, int depth) {
    if (depth > 32) {
      return true;
    }
    return switch (v) {
      case Json.Obj o -> {
        for (Map.Entry<String, Json> e : o.members().entrySet()) {
          String k = e.getKey();
          if ((k.equals("isDeleted") || k.equals("deleted")) && !Json.FALSE.equals(e.getValue())) {
            yield true;
          }
          if (Verbs.destroying(k.toLowerCase(Locale.ROOT)) != null
              || mentionsDeletion(e.getValue(), depth + 1)) {
            yield true;
          }
        }
        yield false;
      }
      case Json.Arr a -> {
        for (Json item : a.items()) {
          if (mentionsDeletion(item, depth + 1)) {
            yield true;
          }
        }
        yield false;
      }
      case Json.Str(String s) -> {
        String l = s.toLowerCase(Locale.ROOT);
        yield l.contains("isdeleted") || l.equals("delete") || l.equals("remove");
      }
      default -> false;
    };
  }

  private static String deletingPatch(String t) {
    return "applies a configuration patch to environment "
        + t
        + " that deletes services or volumes (or whose content is not given)";
  }
}
