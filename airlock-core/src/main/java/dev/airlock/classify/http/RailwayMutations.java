package dev.airlock.classify.http;

import static dev.airlock.classify.Severity.CATASTROPHIC;
import static dev.airlock.classify.Severity.DESTRUCTIVE;
import static dev.airlock.classify.Severity.SAFE;
import static dev.airlock.classify.http.GraphqlCatalog.Reach.DECLARED;
import static dev.airlock.classify.http.GraphqlCatalog.Reach.PROJECT;
import static dev.airlock.classify.http.GraphqlCatalog.entry;
import static dev.airlock.classify.http.GraphqlCatalog.refined;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.http.GraphqlCatalog.Entry;
import dev.airlock.json.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * Railway's public GraphQL API (v2) mutations, as its published schema and guides describe them. A
 * Railway volume belongs to the project and is attached to every environment; deleting one takes no
 * environment and so always reaches production. That is the incident Airlock answers.
 */
final class RailwayMutations {

  private static final String PROJECT_WIDE =
      "; a Railway volume belongs to the project and is attached to every environment, so this"
          + " touches production whatever environment was declared";

  private RailwayMutations() {}

  static Map<String, Entry> all() {
    Map<String, Entry> m = new HashMap<>();
    // Volumes and their backups.
    m.put(
        "volumeDelete",
        entry(
            "volume-delete",
            CATASTROPHIC,
            "delete",
            "volume",
            PROJECT,
            "permanently deletes Railway volume {t}, its data and the backups kept with it"
                + PROJECT_WIDE,
            "volumeId",
            "id"));
    m.put(
        "volumeInstanceBackupDelete",
        entry(
            "volume-backup-delete",
            CATASTROPHIC,
            "delete",
            "volume backup",
            DECLARED,
            "deletes volume backup {t}; a deleted backup cannot be recovered, and it may be the"
                + " only way back",
            "volumeInstanceBackupId",
            "backupId"));
    m.put(
        "volumeInstanceBackupBatchDelete",
        entry(
            "volume-backup-batch-delete",
            CATASTROPHIC,
            "delete",
            "backups of volume instance",
            DECLARED,
            "deletes several backups of volume instance {t} at once; deleted backups cannot be"
                + " recovered",
            "volumeInstanceId"));
    m.put(
        "volumeInstanceBackupRestore",
        refined(
            entry(
                "volume-backup-restore",
                DESTRUCTIVE,
                "restore",
                "volume instance",
                DECLARED,
                "restores volume instance {t} from a backup, replacing the data it holds now",
                "volumeInstanceId"),
            (j, args, t) ->
                args.get("wipeServiceIds") instanceof Json.Arr a && !a.items().isEmpty()
                    ? j.withSeverity(
                        CATASTROPHIC,
                        j.reason()
                            + ", and wipes the volumes of "
                            + a.items().size()
                            + " other services (wipeServiceIds)")
                    : j));
    m.put(
        "volumeInstanceUpdate",
        refined(
            entry(
                "volume-instance-update",
                SAFE,
                "write",
                "volume",
                DECLARED,
                "changes the settings of volume {t}",
                "volumeId"),
            (j, args, t) -> {
              boolean everywhere = !args.has("environmentId");
              if (Json.NULL.equals(args.get("input.serviceId"))) {
                return new Judgment(
                    "http.graphql.railway.volume-detach",
                    j.program(),
                    "detach",
                    j.resource(),
                    DESTRUCTIVE,
                    Access.WRITE,
                    everywhere ? Environment.PRODUCTION : Environment.UNKNOWN,
                    "volumeInstanceUpdate with serviceId: null detaches volume "
                        + t
                        + " from its service, which loses its data until it is attached again"
                        + (everywhere
                            ? "; with no environmentId it applies to every environment"
                            : ""));
              }
              return everywhere ? j.in(Environment.PRODUCTION) : j;
            }));
    // Environments, services, projects, workspaces.
    m.put(
        "environmentDelete",
        entry(
            "environment-delete",
            CATASTROPHIC,
            "delete",
            "environment",
            DECLARED,
            "deletes Railway environment {t} with every service instance, deployment, variable"
                + " and volume instance in it",
            "id"));
    m.put(
        "serviceDelete",
        entry(
            "service-delete",
            CATASTROPHIC,
            "delete",
            "service",
            PROJECT,
            "deletes Railway service {t} with its deployments and variables; Railway deletes it"
                + " from every environment that is not a fork, production included, even when an"
                + " environmentId is given",
            "id"));
    m.put(
        "projectDelete",
        entry(
            "project-delete",
            CATASTROPHIC,
            "delete",
            "project",
            PROJECT,
            "deletes Railway project {t}: every environment, service, volume and backup in it",
            "id"));
    m.put(
        "projectScheduleDelete",
        entry(
            "project-schedule-delete",
            DESTRUCTIVE,
            "delete",
            "project",
            PROJECT,
            "schedules Railway project {t} for deletion after a 48-hour grace period, with every"
                + " environment in it",
            "id"));
    m.put(
        "projectScheduleDeleteForce",
        entry(
            "project-delete-force",
            CATASTROPHIC,
            "delete",
            "project",
            PROJECT,
            "deletes Railway project {t} at once, skipping the grace period",
            "id"));
    m.put(
        "projectScheduleDeleteCancel",
        entry(
            "project-schedule-delete-cancel",
            SAFE,
            "write",
            "project",
            DECLARED,
            "cancels the scheduled deletion of project {t}",
            "id"));
    m.put(
        "workspaceDelete",
        entry(
            "workspace-delete",
            CATASTROPHIC,
            "delete",
            "workspace",
            PROJECT,
            "deletes Railway workspace {t} and all data associated with it, every project"
                + " included",
            "id"));
    m.put(
        "userDelete",
        entry(
            "account-delete",
            CATASTROPHIC,
            "delete",
            "account",
            PROJECT,
            "deletes the Railway account that owns the token, with every project it owns"));
    for (String f :
        new String[] {
          "projectTransfer",
          "projectTransferInitiate",
          "projectTransferConfirm",
          "projectTransferToTeam"
        }) {
      m.put(
          f,
          entry(
              "project-transfer",
              DESTRUCTIVE,
              "transfer",
              "project",
              PROJECT,
              "moves project {t} to another workspace; people who can reach it now may lose"
                  + " access, and others gain it",
              "projectId",
              "id",
              "input.projectId"));
    }
    // Variables.
    m.put(
        "variableDelete",
        entry(
            "variable-delete",
            DESTRUCTIVE,
            "delete",
            "variable",
            DECLARED,
            "deletes variable {t}; services that read it break on their next deploy",
            "input.name"));
    m.put(
        "variableCollectionUpsert",
        refined(
            entry(
                "variable-collection-upsert",
                SAFE,
                "write",
                "variables of service",
                DECLARED,
                "sets several variables of service {t}",
                "input.serviceId",
                "input.environmentId"),
            (j, args, t) ->
                args.isTrue("input.replace")
                    ? new Judgment(
                        "http.graphql.railway.variable-collection-replace",
                        j.program(),
                        "replace",
                        j.resource(),
                        DESTRUCTIVE,
                        Access.WRITE,
                        j.environment(),
                        "variableCollectionUpsert with replace: true deletes every variable of "
                            + (t.equals("(not named)") ? "the environment" : "service " + t)
                            + " that is not in the new set")
                    : j));
    // Deployments.
    m.put(
        "deploymentRemove",
        entry(
            "deployment-remove",
            DESTRUCTIVE,
            "remove",
            "deployment",
            DECLARED,
            "removes deployment {t}; if it is the live one, the service goes down",
            "id"));
    m.put(
        "deploymentStop",
        entry(
            "deployment-stop",
            DESTRUCTIVE,
            "stop",
            "deployment",
            DECLARED,
            "stops deployment {t}; the service is down until it is redeployed",
            "id"));
    m.put(
        "deploymentCancel",
        entry(
            "deployment-cancel",
            SAFE,
            "write",
            "deployment",
            DECLARED,
            "cancels deployment {t} while it builds or waits; what runs now keeps running",
            "id"));
    for (String f :
        new String[] {
          "deploymentRedeploy", "deploymentRestart", "deploymentRollback",
          "serviceInstanceRedeploy", "serviceInstanceDeploy", "serviceInstanceDeployV2"
        }) {
      m.put(
          f,
          entry(
              "deploy",
              SAFE,
              "deploy",
              f.startsWith("deployment") ? "deployment" : "service",
              DECLARED,
              "deploys again; nothing is deleted and the previous deployment can be rolled back to",
              "id",
              "serviceId"));
    }
    RailwayPlatformMutations.addTo(m);
    return Map.copyOf(m);
  }
}
