package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Azure CLI: {@code az <group...> <command> --name value ...}. Deleting a resource group, a
 * database or server, a storage account or container, a cluster, a VM or disk, and purging a key
 * vault or key are catastrophic; other deletes are destructive; {@code list} and {@code show} are
 * reads. {@code vm run-command invoke --scripts} and {@code aks command invoke --command} have
 * their scripts judged as shell.
 *
 * <p>The Azure CLI takes no operands after the command path: every later argument is an option,
 * with a value unless it is a known switch, which is how it is read here.
 */
final class AzureCommands {

  private AzureCommands() {}

  private static final Set<String> SWITCHES =
      CloudCall.setOf(
          "--yes -y --no-wait --debug --verbose --only-show-errors --force --help -h --all "
              + "--no-prompt --recursive --dryrun --dry-run");

  /** Options whose values name the target or its environment. */
  private static final Set<String> NAMING =
      CloudCall.setOf(
          "--name -n --resource-group -g --subscription --server -s --account-name "
              + "--vault-name --cluster-name --ids --workspace-name --database-name "
              + "--container-name --share-name --registry --account --hsm-name --source-container "
              + "--source");

  private static final CloudTable AZ =
      CloudTable.of(
          "cloud",
          "az-",
          """
          group delete => catastrophic group-delete delete resource_group \
          --name,-n,--resource-group,-g : deletes {} and every resource in it: databases, \
          storage and VMs included
          sql|postgres|mysql|mariadb db|server|mi|flexible-server delete => catastrophic \
          database-delete delete database --name,-n : deletes {} and its data
          postgres|mysql flexible-server db delete => catastrophic database-delete delete \
          database --database-name,-d,--name,-n : deletes {} and its data
          sql db ltr-backup delete => catastrophic backup-delete delete long-term_backup \
          --backup-name,--name,-n : deletes {}{backup}
          cosmosdb delete => catastrophic database-delete delete Cosmos_DB_account --name,-n : \
          deletes {} and every database in it
          cosmosdb sql|mongodb|cassandra|gremlin|table \
          database|container|collection|keyspace|graph|table delete => catastrophic \
          database-delete delete Cosmos_DB_store --name,-n : deletes {} and its data
          storage account delete => catastrophic storage-delete delete storage_account \
          --name,-n : deletes {} with every container, blob, share and table in it
          storage container|share|fs|share-rm delete => catastrophic storage-delete delete \
          container --name,-n : deletes {} and everything stored in it
          storage blob delete-batch => destructive blob-delete delete blobs --source,-s : \
          deletes every blob in {} that matches its pattern
          storage blob delete => destructive blob-delete delete blob --name,-n : deletes {}
          keyvault delete => destructive keyvault-delete delete key_vault --name,-n : deletes \
          {}; it stays recoverable until it is purged
          keyvault purge => catastrophic keyvault-purge purge key_vault --name,-n : \
          permanently purges {}: its keys are gone, and with them everything they encrypt
          keyvault key purge => catastrophic keyvault-purge purge key --name,-n : permanently \
          purges {}: whatever it encrypted can never be decrypted
          keyvault secret|certificate purge => destructive keyvault-purge purge secret \
          --name,-n : permanently purges {}
          aks|vm|vmss|disk|redis|acr delete => catastrophic compute-delete delete resource \
          --name,-n : deletes {} and the data it holds
          snapshot delete => catastrophic backup-delete delete snapshot --name,-n : deletes \
          {}{backup}
          backup vault delete => catastrophic backup-delete delete backup_vault --name,-n : \
          deletes {} and the backups in it
          network dns zone delete => catastrophic dns-zone-delete delete DNS_zone --name,-n : \
          deletes {}: every record in it stops resolving
          ad sp|app credential reset => destructive credentials grant credentials --id : \
          resets the credentials of {}: the old ones stop working and new secrets are issued
          """);

  static void classify(Invocation inv, ShellContext ctx) {
    List<String> path = new ArrayList<>();
    List<String> valued = new ArrayList<>();
    List<Arg> args = inv.args();
    int i = 0;
    while (i < args.size() && !args.get(i).isOption()) {
      path.add(args.get(i).value().toLowerCase(Locale.ROOT));
      i++;
    }
    for (; i < args.size(); i++) {
      String v = args.get(i).value();
      if (v.startsWith("-")
          && !v.contains("=")
          && !SWITCHES.contains(v)
          && i + 1 < args.size()
          && !args.get(i + 1).isOption()) {
        valued.add(v);
        i++;
      }
    }
    CloudCall c = new CloudCall(inv, ctx, valued.toArray(String[]::new));
    if (c.helpRequested(true)) {
      c.help("cloud");
      return;
    }
    Environment env = c.markers(NAMING.toArray(String[]::new));
    String joined = String.join(" ", path);
    String name = c.text("--name", "-n");
    String note = c.noPrompt("--yes", "-y");
    if (joined.equals("vm run-command invoke") || joined.equals("aks command invoke")) {
      Arg code = c.value("--scripts", "--command", "-c");
      if (code != null) {
        ctx.shell(inv, code, "az " + joined + " on " + name, env);
        return;
      }
    }
    if (joined.equals("backup protection disable")
        && c.text("--delete-backup-data").equalsIgnoreCase("true")) {
      c.report(
          "shell.cloud.az-backup-delete",
          Severity.CATASTROPHIC,
          "delete",
          "backups of " + c.text("--item-name", "--container-name"),
          env,
          "az backup protection disable --delete-backup-data true deletes every recovery point,"
              + " the backups themselves"
              + note);
      return;
    }
    if (joined.equals("role assignment create") && adminRole(c.text("--role"))) {
      c.report(
          "shell.cloud.az-iam-escalation",
          Severity.DESTRUCTIVE,
          "grant",
          c.text("--assignee"),
          env,
          "az role assignment create gives "
              + c.text("--assignee")
              + " the "
              + c.text("--role")
              + " role: control of the scope");
      return;
    }
    if (AZ.report(c, 0, env, note)) {
      return;
    }
    String last = path.isEmpty() ? "" : path.getLast();
    if (last.equals("delete") || last.equals("purge") || last.startsWith("delete-")) {
      c.report(
          "shell.cloud.az-delete",
          Severity.DESTRUCTIVE,
          "delete",
          name,
          env,
          "az " + joined + (name.isEmpty() ? "" : " " + name) + " deletes it" + note);
    } else if (CloudCall.setOf("list show tail exists query check-name get").contains(last)
        || last.startsWith("list-")
        || last.startsWith("show-")
        || last.startsWith("get-")) {
      c.read("shell.cloud.read", name, env, "az " + joined + " only reads");
    } else if (!c.unlistedDelete("cloud", 5, env) && !joined.isEmpty()) {
      c.write(
          "shell.cloud.write",
          last,
          name,
          env,
          "az " + joined + " creates or changes something; it deletes nothing by its name");
    }
  }

  private static boolean adminRole(String role) {
    String r = role.toLowerCase(Locale.ROOT);
    return r.equals("owner") || r.equals("contributor") || r.equals("user access administrator");
  }
}
