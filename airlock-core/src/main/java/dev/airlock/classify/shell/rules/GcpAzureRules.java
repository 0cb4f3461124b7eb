package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Google Cloud ({@code gcloud}, {@code gsutil}, {@code bq}) and Azure ({@code az}, in {@link
 * AzureCommands}). Deleting a project, a database instance, a cluster, a disk, a bucket or a
 * dataset, destroying a key version and removing objects recursively are catastrophic; other
 * deletes are destructive; {@code list}, {@code describe}, {@code ls} and friends are reads.
 * Environment comes from {@code --project} and the names of what is deleted ({@code prod-db},
 * {@code acme-prod}).
 */
public final class GcpAzureRules implements CommandRules {

  private static final String[] GCLOUD_VALUES =
      CloudCall.arrayOf(
          "--project --zone --region --instance -i --format --filter --limit --account "
              + "--configuration --impersonate-service-account --verbosity --location --cluster "
              + "--database --billing-project --flags-file --trace-token --page-size --sort-by "
              + "--keyring --key --version --service --member --role --command --ssh-flag "
              + "--machine-type --bucket --num-nodes --node-pool --iam-account --user --backup-id "
              + "--backup-instance");

  private static final String[] GSUTIL_VALUES = {"-o", "-h", "-u", "-i", "-x", "-j"};

  private static final String[] BQ_VALUES =
      CloudCall.arrayOf(
          "--project_id --dataset_id --location --format --destination_table --parameter -n "
              + "--max_rows --job_id --label --api --api_version --source_format --schema "
              + "--expiration --default_table_expiration --description");

  private static final CloudTable GCLOUD =
      CloudTable.of(
          "cloud",
          "gcloud-",
          """
          projects delete => catastrophic projects-delete delete project : shuts down project \
          {}: every resource in it stops at once and is deleted for good after 30 days
          sql instances delete => catastrophic sql-instances-delete delete Cloud_SQL_instance : \
          deletes {} with all its data and its backups
          sql databases delete => catastrophic sql-databases-delete delete database : deletes \
          {} and every table in it
          sql backups delete => catastrophic sql-backups-delete delete backup : deletes Cloud \
          SQL {}{backup}
          sql instances restore-backup|clone => destructive sql-restore overwrite \
          Cloud_SQL_instance : overwrites the data of {} with a backup
          container clusters delete => catastrophic clusters-delete delete GKE_cluster : \
          deletes {} and every workload running on it
          compute instances delete => catastrophic instances-delete delete VM_instance : \
          deletes {}; its boot disk and every disk set to auto-delete go with it
          compute disks delete => catastrophic disks-delete delete disk : deletes persistent {} \
          and every byte on it
          compute snapshots|machine-images delete => catastrophic snapshots-delete delete \
          snapshot : deletes {}{backup}
          storage buckets delete => catastrophic buckets-delete delete bucket : deletes {}
          spanner|bigtable|alloydb|redis|memcache|filestore instances|clusters delete => \
          catastrophic database-delete delete instance : deletes {} and the data it holds
          spanner|firestore databases delete => catastrophic database-delete delete database \
          --database : deletes {} and every document or row in it
          bigtable instances tables delete => catastrophic database-delete delete table : \
          deletes Bigtable {} and its rows
          firestore bulk-delete => catastrophic firestore-bulk-delete delete collections : \
          deletes every document of the collections named, in the whole database
          filestore|spanner backups delete => catastrophic backups-delete delete backup : \
          deletes {}{backup}
          bq|alpha datasets|tables delete => catastrophic bq-delete delete BigQuery_data : \
          deletes {} and its data
          kms keys versions destroy => catastrophic kms-destroy destroy key_version : destroys \
          {}: whatever was encrypted with it can never be decrypted again
          dns managed-zones delete => catastrophic dns-zone-delete delete managed_zone : \
          deletes {}: every record in it stops resolving
          iam service-accounts keys create => destructive credentials grant \
          service_account_key : creates a long-lived key for a service account, a credential \
          outliving this task
          """);

  @Override
  public String name() {
    return "cloud";
  }

  @Override
  public Set<String> programs() {
    return Set.of("gcloud", "gsutil", "bq", "az");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    switch (inv.program()) {
      case "gcloud" -> gcloud(inv, ctx);
      case "gsutil" -> gsutil(inv, ctx);
      case "bq" -> bq(inv, ctx);
      default -> AzureCommands.classify(inv, ctx);
    }
  }

  private static void gcloud(Invocation inv, ShellContext ctx) {
    CloudCall c = new CloudCall(inv, ctx, GCLOUD_VALUES);
    if (c.helpRequested(true)) {
      c.help("cloud");
      return;
    }
    int at = Set.of("alpha", "beta", "preview").contains(c.word(0)) ? 1 : 0;
    Environment env =
        c.markers(
            "--project",
            "--configuration",
            "--instance",
            "-i",
            "--cluster",
            "--database",
            "--key",
            "--keyring");
    String quiet = c.noPrompt("--quiet", "-q");
    String path = path(c, at);
    if (path.equals("storage rm")) {
      GcsDelete.rm(c, c.words().subList(at + 2, c.size()), c.flag("-r", "-R", "--recursive"), env);
    } else if (path.endsWith("ssh") && (c.value("--command") != null || dashDash(inv) >= 0)) {
      Arg code = c.value("--command");
      if (code == null) {
        code = c.joined(inv.args().subList(dashDash(inv) + 1, inv.args().size()));
      }
      if (code != null) {
        String host = c.raw(at + 2);
        ctx.shell(inv, code, "gcloud " + path + " " + host, env.combine(c.wordMarkers(at + 2)));
      }
    } else if (path.equals("sql connect") && c.stdinFed()) {
      Invocation.Input in = inv.input();
      if (in != null) {
        ctx.sql(inv, in.text(), env.combine(c.wordMarkers(at + 2)));
      }
    } else if (path.equals("container clusters resize") && c.text("--num-nodes").equals("0")) {
      c.report(
          "shell.cloud.gcloud-scale-to-zero",
          Severity.DESTRUCTIVE,
          "scale",
          "GKE cluster " + c.raw(at + 3),
          env.combine(c.wordMarkers(at + 3)),
          "resizes GKE cluster " + c.raw(at + 3) + " to zero nodes: every workload stops");
    } else if (grantsOwner(c, path)) {
      c.report(
          "shell.cloud.gcloud-iam-escalation",
          Severity.DESTRUCTIVE,
          "grant",
          c.text("--member"),
          env.combine(c.wordMarkers(at + 2)),
          "grants " + c.text("--role") + " to " + c.text("--member") + ": control of the project");
    } else if (!GCLOUD.report(c, at, env, quiet)) {
      generic(c, "gcloud", path, at, env, quiet);
    }
  }

  private static boolean grantsOwner(CloudCall c, String path) {
    String role = c.text("--role").toLowerCase(Locale.ROOT);
    return path.endsWith("add-iam-policy-binding")
        && (role.endsWith("/owner") || role.endsWith("/editor") || role.contains("admin"));
  }

  private static int dashDash(Invocation inv) {
    List<Arg> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).value().equals("--")) {
        return i;
      }
    }
    return -1;
  }

  /** The command path: words up to and including the first verb ({@code sql instances delete}). */
  private static String path(CloudCall c, int at) {
    StringBuilder sb = new StringBuilder();
    for (int i = at; i < c.size() && i < at + 5; i++) {
      String w = c.word(i);
      sb.append(sb.isEmpty() ? "" : " ").append(w);
      if (verb(w)) {
        break;
      }
    }
    return sb.toString();
  }

  private static boolean verb(String w) {
    if (GENERIC_DELETE.contains(w) || READS.contains(w) || VERBS.contains(w)) {
      return true;
    }
    for (String p : VERB_PREFIXES) {
      if (w.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> GENERIC_DELETE =
      CloudCall.setOf("delete destroy remove rm purge remove-iam-policy-binding");

  private static final Set<String> READS =
      CloudCall.setOf(
          "list describe ls show get read tail info version cat du stat hash head get-value "
              + "get-iam-policy print-access-token print-identity-token list-grantable-roles wait "
              + "logs signurl");

  private static final Set<String> VERBS =
      CloudCall.setOf(
          "ssh scp connect create update patch set unset deploy resize import export clone "
              + "restart start stop reset failover enable disable add cancel call submit "
              + "execute login activate init apply upgrade rollback cp mv mb rsync bulk-delete");

  private static final String[] VERB_PREFIXES =
      CloudCall.arrayOf("get- list- add- remove- set- restore- print- describe- update-");

  /** Reads, deletes no table names, and everything else as a safe write. */
  private static void generic(
      CloudCall c, String program, String path, int at, Environment env, String quiet) {
    String last = path.contains(" ") ? path.substring(path.lastIndexOf(' ') + 1) : path;
    int words = path.isEmpty() ? 0 : path.split(" ").length;
    String target = c.raw(at + words);
    Environment e = env.combine(c.wordMarkers(at + words));
    if (GENERIC_DELETE.contains(last)) {
      c.report(
          "shell.cloud." + program + "-delete",
          Severity.DESTRUCTIVE,
          "delete",
          target,
          e,
          program + " " + path + (target.isEmpty() ? "" : " " + target) + " deletes it" + quiet);
    } else if (READS.contains(last)
        || last.startsWith("list-")
        || last.startsWith("get-") && !last.equals("get-credentials")) {
      c.read("shell.cloud.read", target, e, program + " " + path + " only reads");
    } else if (!c.unlistedDelete("cloud", at + 4, e) && !path.isEmpty()) {
      c.write(
          "shell.cloud.write",
          last,
          target,
          e,
          program + " " + path + " creates or changes something; it deletes nothing by its name");
    }
  }

  private static void gsutil(Invocation inv, ShellContext ctx) {
    CloudCall c = new CloudCall(inv, ctx, GSUTIL_VALUES);
    if (c.helpRequested(false)) {
      c.help("cloud");
      return;
    }
    Environment env = c.markers("-u");
    String cmd = c.word(0);
    List<Arg> urls = c.words().subList(Math.min(1, c.size()), c.size());
    switch (cmd) {
      case "rm", "del", "delete", "remove" -> {
        if (c.flag("-I")) {
          c.report(
              "shell.cloud.gcs-rm-list",
              Severity.DESTRUCTIVE,
              "delete",
              "objects",
              env,
              "gsutil rm -I deletes every object named on standard input; Airlock cannot count"
                  + " them");
        } else {
          GcsDelete.rm(c, urls, c.flag("-r", "-R"), env);
        }
      }
      case "rb" -> GcsDelete.rb(c, urls, env);
      case "rsync" -> GcsDelete.rsync(c, urls, c.flag("-d"), c.flag("-n"), env);
      case "lifecycle" -> {
        if (c.word(1).equals("set")) {
          c.report(
              "shell.cloud.gcs-lifecycle",
              Severity.DESTRUCTIVE,
              "expire",
              "bucket " + c.raw(3),
              env.combine(c.wordMarkers(3)),
              "gsutil lifecycle set applies rules from "
                  + c.raw(2)
                  + ", which Airlock cannot read; they may delete objects");
        } else {
          c.read("shell.cloud.read", "bucket " + c.raw(2), env, "gsutil lifecycle get only reads");
        }
      }
      default -> generic(c, "gsutil", cmd, 0, env, "");
    }
  }

  private static void bq(Invocation inv, ShellContext ctx) {
    CloudCall c = new CloudCall(inv, ctx, BQ_VALUES);
    if (c.helpRequested(false)) {
      c.help("cloud");
      return;
    }
    Environment env = c.markers("--project_id", "--dataset_id").combine(c.wordMarkers(1));
    String target = c.raw(1);
    String force = c.noPrompt("-f", "--force");
    switch (c.word(0)) {
      case "rm" -> {
        boolean model = c.flag("-m", "--model");
        boolean dataset =
            !model && (c.flag("-d", "--dataset") || !c.flag("-t", "--table") && !hasTable(target));
        boolean recursive = c.flag("-r", "--recursive");
        String kind = model ? "model" : dataset ? "dataset" : "table";
        String what;
        if (model) {
          what = "";
        } else if (dataset) {
          what = recursive ? " and every table in it" : "; bq refuses while it still has tables";
        } else {
          what = " and all its rows";
        }
        c.report(
            "shell.cloud.bq-rm-" + kind,
            model || dataset && !recursive ? Severity.DESTRUCTIVE : Severity.CATASTROPHIC,
            "delete",
            kind + " " + target,
            env,
            "bq rm deletes " + kind + " " + target + what + force);
      }
      case "query" -> {
        Arg sql = c.joined(c.words().subList(Math.min(1, c.size()), c.size()));
        if (c.flag("--dry_run")) {
          c.read("shell.cloud.read", "query", env, "bq query --dry_run only validates the query");
        } else if (sql != null) {
          ctx.sql(inv, sql, env);
        } else if (c.stdinFed() && inv.input() instanceof Invocation.Input in) {
          ctx.sql(inv, in.text(), env);
        }
      }
      case "load", "cp", "update" -> {
        boolean replaces =
            c.flag("--replace")
                || c.word(0).equals("cp") && c.flag("-f", "--force")
                || c.value("--expiration", "--default_table_expiration") != null;
        String dst = c.word(0).equals("cp") ? c.raw(2) : target;
        if (replaces) {
          c.report(
              "shell.cloud.bq-overwrite",
              Severity.DESTRUCTIVE,
              "overwrite",
              "table " + dst,
              env.combine(c.wordMarkers(2)),
              c.word(0).equals("update")
                  ? "bq update sets " + dst + " to expire: BigQuery then deletes it"
                  : "bq " + c.word(0) + " replaces the contents of table " + dst);
        } else {
          c.write(
              "shell.cloud.write",
              c.word(0),
              "table " + dst,
              env,
              "bq " + c.word(0) + " adds data");
        }
      }
      default -> generic(c, "bq", c.word(0), 0, env, force);
    }
  }

  private static boolean hasTable(String target) {
    int colon = target.indexOf(':');
    return target.indexOf('.', colon + 1) > 0;
  }
}
