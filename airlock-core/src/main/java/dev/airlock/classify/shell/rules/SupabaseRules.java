package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Set;

/**
 * The Supabase CLI, all of it: {@code db reset} of a linked or remote project is catastrophic and
 * of the local stack destructive; {@code projects delete} is catastrophic; deleting functions,
 * secrets, branches, storage objects and domains is destructive; commands that print keys ({@code
 * projects api-keys}, {@code encryption get-root-key}) reveal credentials. {@code --local} means
 * development; {@code --linked} and {@code --db-url} name a remote database.
 */
public final class SupabaseRules implements CommandRules {

  private static final String[] VALUES = {
    "--workdir",
    "-o",
    "--output",
    "--profile",
    "--network-id",
    "--dns-resolver",
    "--db-url",
    "--project-ref",
    "--version",
    "-p",
    "--password",
    "--token",
    "--org-id",
    "--region",
    "--db-password",
    "--schema",
    "-s",
    "--file",
    "-f",
    "--name",
    "--status",
    "--env-file",
    "--include",
    "--exclude",
    "--level",
    "--last",
    "--import-map"
  };

  private static final Set<String> SAFE_GROUPS =
      Set.of(
          "init",
          "start",
          "status",
          "link",
          "unlink",
          "login",
          "logout",
          "inspect",
          "services",
          "bootstrap",
          "completion",
          "help",
          "orgs",
          "snippets",
          "test",
          "seed",
          "config",
          "network-restrictions",
          "network-bans",
          "ssl-enforcement",
          "postgres-config",
          "gen",
          "--version",
          "-v");

  private static final Set<String> READ_COMMANDS =
      Set.of("list", "ls", "get", "dump", "diff", "lint", "status", "show", "fetch");

  @Override
  public String name() {
    return "supabase";
  }

  @Override
  public Set<String> programs() {
    return Set.of("supabase");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Reporter r = new Reporter("supabase", inv, ctx);
    List<Arg> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if ((v.equals("-p")
              || v.equals("--password")
              || v.equals("--token")
              || v.equals("--db-password"))
          && i + 1 < args.size()) {
        r.secret(args.get(i + 1));
      } else if (v.startsWith("--password=")
          || v.startsWith("--token=")
          || v.startsWith("--db-password=")) {
        r.secret(args.get(i), v.substring(0, v.indexOf('=') + 1));
      }
    }
    ArgView v = inv.view(VALUES);
    String group = v.word(0);
    String cmd = v.word(1);
    Arg dbUrl = v.value("--db-url");
    String ref = Cli.value(v.value("--project-ref"));
    boolean local = v.flag("--local");
    boolean remote =
        v.flag("--linked")
            || dbUrl != null && !EnvironmentMarkers.isLoopback(Targets.url(dbUrl.value()).host());
    if (dbUrl != null) {
      Targets.url(dbUrl.value()).markInto(r);
    }
    r.mark(ref);
    if (local && !remote) {
      r.mark(Environment.DEVELOPMENT);
    }
    String project =
        ref != null ? "project " + ref : remote ? "the linked project" : "the local stack";
    switch (group + " " + cmd) {
      case "db reset" -> {
        if (!remote) {
          r.mark(Environment.DEVELOPMENT);
        }
        r.add(
            "db-reset",
            "reset",
            "database of " + project,
            remote ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
            "supabase db reset drops the database of "
                + project
                + " and recreates it from migrations"
                + (remote ? ": every row of the remote database is lost" : ": local data is lost"));
      }
      case "db push" -> {
        if (v.flag("--dry-run")) {
          r.read(
              "db-push-dry-run",
              "push",
              "database of " + project,
              "only lists the migrations it would apply");
        } else {
          r.migrations("db-push", "push", "database of " + project, "supabase db push");
        }
      }
      case "migration down" ->
          r.add(
              "migration-down",
              "rollback",
              "database of " + project,
              Severity.DESTRUCTIVE,
              "supabase migration down reverts migrations, which can drop tables and columns");
      case "projects delete" ->
          r.add(
              "projects-delete",
              "delete-project",
              "project " + v.word(2),
              Severity.CATASTROPHIC,
              "deletes Supabase project "
                  + v.word(2)
                  + " with its database, storage and functions");
      case "projects api-keys", "encryption get-root-key", "gen keys", "gen signing-key" ->
          r.add(
              "reveal-credential",
              "reveal-credential",
              project,
              Severity.DESTRUCTIVE,
              "supabase " + group + " " + cmd + " prints secret keys into the agent's context");
      case "functions delete" ->
          deleted(r, "functions-delete", "function " + v.word(2), "the deployed Edge Function");
      case "secrets unset" ->
          deleted(
              r,
              "secrets-unset",
              "secrets "
                  + Cli.join(v.positionals().subList(2, v.positionals().size()))
                  + " of "
                  + project,
              "the secrets; code reading them breaks");
      case "secrets set" -> {
        for (Arg a : v.positionals().subList(2, v.positionals().size())) {
          int eq = a.value().indexOf('=');
          if (eq > 0) {
            r.secret(a, a.value().substring(0, eq + 1));
          }
        }
        r.write("secrets-set", "set-secret", project, "sets function secrets");
      }
      case "branches delete", "branches disable" ->
          deleted(
              r,
              "branches-" + cmd,
              "branch " + v.word(2) + " of " + project,
              "a preview branch with its database");
      case "domains delete", "vanity-subdomains delete", "sso remove" ->
          deleted(
              r, group + "-delete", group + " of " + project, "the " + group + " configuration");
      case "backups restore" ->
          r.add(
              "backups-restore",
              "restore",
              "database of " + project,
              Severity.DESTRUCTIVE,
              "restores the database of "
                  + project
                  + " to an earlier point: later writes are lost");
      case "storage rm" -> storageRm(r, v, project);
      case "stop " -> {
        if (v.flag("--no-backup")) {
          r.add(
              "stop-no-backup",
              "delete-volumes",
              "local data volumes",
              Severity.DESTRUCTIVE,
              "supabase stop --no-backup deletes the local database and storage volumes");
        } else {
          r.write("stop", "stop", "the local stack", "stops the local stack and keeps its data");
        }
      }
      default -> other(r, group, cmd, project);
    }
    r.finish("command", "run", "nothing destructive recognised");
  }

  private static void deleted(Reporter r, String rule, String what, String thing) {
    r.add(rule, "delete", what, Severity.DESTRUCTIVE, "deletes " + thing + " (" + what + ")");
  }

  private static void storageRm(Reporter r, ArgView v, String project) {
    List<Arg> paths =
        v.positionals().subList(Math.min(2, v.positionals().size()), v.positionals().size());
    boolean recursive = v.flag("-r", "--recursive");
    boolean bucket = false;
    for (Arg p : paths) {
      String rest = p.value().startsWith("ss:///") ? p.value().substring(6) : p.value();
      int slash = rest.indexOf('/');
      bucket |= slash < 0 || slash == rest.length() - 1;
    }
    r.add(
        "storage-rm",
        "delete",
        "objects " + Cli.join(paths) + " of " + project,
        recursive && bucket ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
        recursive && bucket
            ? "deletes every object in the bucket"
            : "deletes storage objects" + (recursive ? " and everything under them" : ""));
  }

  private static void other(Reporter r, String group, String cmd, String project) {
    String what = group + (cmd.isEmpty() ? "" : " " + cmd);
    if (group.equals("db")
        || group.equals("migration")
        || group.equals("storage")
        || group.equals("functions")
        || group.equals("secrets")
        || group.equals("projects")
        || group.equals("branches")
        || group.equals("backups")
        || group.equals("domains")
        || group.equals("encryption")
        || group.equals("sso")
        || group.equals("vanity-subdomains")
        || SAFE_GROUPS.contains(group)
        || group.isEmpty()
        || group.equals("stop")) {
      if (cmd.equals("delete") || cmd.equals("remove") || cmd.equals("rm")) {
        deleted(r, group + "-delete", group + " of " + project, what);
      } else if (READ_COMMANDS.contains(cmd) || group.equals("inspect") || group.equals("status")) {
        r.read("read", what, project, "supabase " + what + " only reads");
      } else {
        r.write(
            "write", what.isEmpty() ? "run" : what, project, "supabase " + what + " loses no data");
      }
    } else {
      r.unknown("unknown", what, project, "supabase " + what + " is not a command Airlock knows");
    }
  }
}
