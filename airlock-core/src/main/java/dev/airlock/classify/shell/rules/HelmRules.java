package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.Set;

/**
 * {@code helm}: uninstalling a release and rolling one back are destructive, and so is an upgrade
 * with {@code --force} (it deletes and recreates resources); installs and upgrades are safe writes;
 * listing, status, templates and repositories are safe. A release's persistent volume claims made
 * by StatefulSets usually survive an uninstall, which is why even a database release is destructive
 * rather than catastrophic. {@code --kube-context} and {@code -n} name the environment.
 */
public final class HelmRules implements CommandRules {

  private static final String[] VALUES = {
    "--kube-context",
    "-n",
    "--namespace",
    "--kubeconfig",
    "--kube-apiserver",
    "--kube-token",
    "--kube-as-user",
    "--kube-as-group",
    "--kube-ca-file",
    "--kube-tls-server-name",
    "--registry-config",
    "--repository-cache",
    "--repository-config",
    "--burst-limit",
    "--qps",
    "-f",
    "--values",
    "--set",
    "--set-string",
    "--set-file",
    "--set-json",
    "--set-literal",
    "--version",
    "--timeout",
    "--description",
    "-o",
    "--output",
    "--post-renderer",
    "--post-renderer-args",
    "--repo",
    "--username",
    "--password",
    "--ca-file",
    "--cert-file",
    "--key-file",
    "--max-history",
    "--revision",
    "--history-max",
    "-l",
    "--selector",
    "--filter",
    "--cascade",
    "--name-template",
    "--max",
    "--offset",
    "--template",
    "--api-versions",
    "--kube-version",
    "--devel",
    "--show-only",
    "-s"
  };

  private static final Set<String> READS =
      Set.of(
          "list",
          "ls",
          "status",
          "get",
          "template",
          "show",
          "inspect",
          "search",
          "version",
          "history",
          "hist",
          "lint",
          "env",
          "verify",
          "completion",
          "help",
          "diff",
          "");

  private static final Set<String> WRITES =
      Set.of(
          "install",
          "upgrade",
          "repo",
          "dependency",
          "dep",
          "pull",
          "fetch",
          "package",
          "test",
          "plugin",
          "registry",
          "create",
          "push",
          "cm-push",
          "unittest",
          "mapkubeapis",
          "secrets",
          "s3");

  @Override
  public String name() {
    return "helm";
  }

  @Override
  public Set<String> programs() {
    return Set.of("helm", "helm3");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Reporter r = new Reporter("helm", inv, ctx);
    for (int i = 0; i < inv.args().size(); i++) {
      Arg a = inv.args().get(i);
      String v = a.value();
      if ((v.equals("--kube-token") || v.equals("--password")) && i + 1 < inv.args().size()) {
        r.secret(inv.args().get(i + 1));
      } else if (v.startsWith("--kube-token=") || v.startsWith("--password=")) {
        r.secret(a, v.substring(0, v.indexOf('=') + 1));
      }
    }
    ArgView v = inv.view(VALUES);
    r.mark(Cli.value(v.value("--kube-context")));
    String ns = Cli.value(v.value("-n", "--namespace"));
    r.mark(ns);
    r.mark(Cli.value(v.value("--kubeconfig")));
    String verb = v.word(0);
    String release = v.word(1);
    r.mark(release);
    String where = ns == null ? "" : " in namespace " + ns;
    String what = "release " + release + where;
    boolean dryRun = v.flag("--dry-run") && !"none".equals(Cli.value(v.value("--dry-run")));
    switch (verb) {
      case "uninstall", "delete", "del", "un" -> {
        if (dryRun) {
          r.read(
              "uninstall-dry-run",
              "uninstall",
              what,
              "helm " + verb + " --dry-run changes nothing");
          return;
        }
        String releases = Cli.join(v.positionals().subList(1, v.positionals().size()));
        r.add(
            "uninstall",
            "uninstall",
            "release " + releases + where,
            Severity.DESTRUCTIVE,
            "helm "
                + verb
                + " deletes every Kubernetes object of release "
                + releases
                + where
                + (v.flag("--keep-history") ? "" : " and its history")
                + "; volume claims made by StatefulSets usually survive, other data does not");
      }
      case "rollback" ->
          r.add(
              "rollback",
              "rollback",
              what,
              Severity.DESTRUCTIVE,
              "rolls "
                  + what
                  + " back to an earlier revision, whose code or schema may not fit the current data");
      case "upgrade", "install" -> {
        if (dryRun) {
          r.read(verb + "-dry-run", verb, what, "helm " + verb + " --dry-run changes nothing");
        } else if (v.flag("--force")) {
          r.add(
              verb + "-force",
              verb,
              what,
              Severity.DESTRUCTIVE,
              "helm " + verb + " --force deletes and recreates resources it cannot update");
        } else {
          r.write(verb, verb, what, "installs or upgrades a release");
        }
      }
      default -> {
        if (READS.contains(verb)) {
          r.read(verb.isEmpty() ? "help" : verb, verb, what, "helm " + verb + " only reads");
        } else if (WRITES.contains(verb)) {
          r.write(verb, verb, "", "helm " + verb + " loses no data");
        } else {
          r.unknown(
              "unknown", verb, "", "helm " + verb + " is not a command or plugin Airlock knows");
        }
      }
    }
    r.finish("command", "run", "nothing destructive recognised");
  }
}
