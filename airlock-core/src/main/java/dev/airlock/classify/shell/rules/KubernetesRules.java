package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Set;

/**
 * {@code kubectl} and {@code oc} (also reached through {@code k3s kubectl} and {@code microk8s
 * kubectl}): deletes are judged by {@link KubeDelete}; scaling to zero, draining, pruning applies,
 * forced replaces and rollbacks are destructive; commands that print credentials ({@code get secret
 * -o yaml}, {@code config view --raw}, {@code create token}) reveal them; {@code exec}, {@code
 * debug} and {@code run} hand the command run in the pod back to the shell classifier; reads are
 * safe. {@code --context}, {@code --cluster}, {@code --server}, {@code --kubeconfig} and the
 * namespace name the environment.
 */
public final class KubernetesRules implements CommandRules {

  private static final String[] VALUES = {
    "--context",
    "--cluster",
    "-n",
    "--namespace",
    "--kubeconfig",
    "-s",
    "--server",
    "--user",
    "--token",
    "--as",
    "--as-group",
    "--as-uid",
    "--certificate-authority",
    "--client-certificate",
    "--client-key",
    "--request-timeout",
    "--tls-server-name",
    "-v",
    "--v",
    "--cache-dir",
    "--password",
    "--username",
    "--profile",
    "-f",
    "--filename",
    "-l",
    "--selector",
    "-o",
    "--output",
    "-c",
    "--container",
    "--field-selector",
    "--replicas",
    "--grace-period",
    "--timeout",
    "-k",
    "--kustomize",
    "--type",
    "-p",
    "--patch",
    "--patch-file",
    "--for",
    "--raw",
    "--sort-by",
    "--template",
    "--prune-allowlist",
    "--prune-whitelist",
    "--image",
    "--port",
    "--target-port",
    "--name",
    "--cascade",
    "--field-manager",
    "-L",
    "--label-columns",
    "--tail",
    "--since",
    "--since-time",
    "--current-replicas",
    "--resource-version",
    "--to-revision",
    "--chunk-size",
    "--overrides",
    "--pod-running-timeout",
    "--max-log-requests",
    "--from-literal",
    "--from-file",
    "--from-env-file",
    "--docker-password",
    "--docker-username",
    "--docker-server",
    "--docker-email",
    "--cert",
    "--key",
    "--duration",
    "--audience",
    "--env",
    "--labels",
    "--limits",
    "--requests",
    "--serviceaccount",
    "--restart",
    "--image-pull-policy",
    "--copy-to",
    "--target",
    "--custom",
    "--subresource",
    "--selector-override"
  };

  private static final Set<String> READS =
      Set.of(
          "get",
          "auth",
          "describe",
          "logs",
          "log",
          "top",
          "explain",
          "api-resources",
          "api-versions",
          "version",
          "cluster-info",
          "diff",
          "wait",
          "events",
          "completion",
          "kustomize",
          "plugin",
          "help",
          "whoami",
          "status",
          "options",
          "ctx",
          "ns",
          "krew",
          "neat",
          "tree",
          "images",
          "who-can",
          "access-matrix",
          "resource-capacity",
          "stern",
          "tail",
          "view-allocations",
          "df-pv",
          "get-all",
          "projects",
          "--version",
          "--help");

  private static final Set<String> WRITES =
      Set.of(
          "create",
          "expose",
          "run",
          "set",
          "edit",
          "patch",
          "label",
          "annotate",
          "autoscale",
          "apply",
          "replace",
          "cordon",
          "uncordon",
          "taint",
          "certificate",
          "attach",
          "port-forward",
          "proxy",
          "cp",
          "rollout",
          "scale",
          "login",
          "logout",
          "project",
          "new-project",
          "new-app",
          "new-build",
          "start-build",
          "rsync",
          "import-image",
          "tag",
          "policy",
          "extract",
          "process",
          "idle",
          "secrets",
          "serviceaccounts",
          "image",
          "node-shell",
          "convert",
          "alpha",
          "config");

  private static final Set<String> SECRET_OPTIONS =
      Set.of("--token", "--password", "--docker-password", "--from-literal", "--client-key");

  @Override
  public String name() {
    return "kube";
  }

  @Override
  public Set<String> programs() {
    return Set.of("kubectl", "oc", "kubecolor", "microk8s.kubectl", "k3s", "microk8s");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Reporter r = new Reporter("kube", inv, ctx);
    String p = inv.program();
    if (p.equals("k3s") || p.equals("microk8s")) {
      distribution(r, p);
    } else {
      kubectl(r, inv.args(), p.equals("oc") ? "oc" : "kubectl");
    }
    r.finish("command", "run", "nothing destructive recognised");
  }

  private static void distribution(Reporter r, String p) {
    List<Arg> args = r.invocation().args();
    String sub = args.isEmpty() ? "" : args.get(0).value();
    switch (sub) {
      case "kubectl", "helm", "helm3", "ctr", "crictl" -> r.command(args, p);
      case "reset" ->
          r.add(
              p + "-reset",
              "reset",
              "the " + p + " cluster",
              Severity.DESTRUCTIVE,
              p + " reset deletes every workload and the cluster's data");
      case "etcd-snapshot" -> {
        String action = args.size() > 1 ? args.get(1).value() : "";
        if (action.equals("delete") || action.equals("prune") || action.equals("rm")) {
          r.add(
              "etcd-snapshot-delete",
              "delete",
              "etcd snapshots",
              Severity.DESTRUCTIVE,
              "deletes etcd snapshots, the cluster's backups");
        } else {
          r.write("etcd-snapshot", action, "etcd snapshots", "takes or lists etcd snapshots");
        }
      }
      case "server" -> {
        if (Cli.has(args, "--cluster-reset")) {
          r.add(
              "cluster-reset",
              "reset",
              "the k3s cluster",
              Severity.DESTRUCTIVE,
              "resets the cluster's etcd membership, possibly restoring an older snapshot");
        } else {
          r.write("server", "start", "", "runs the k3s server");
        }
      }
      case "disable" -> {
        boolean destroy = args.size() > 1 && args.get(1).value().contains("destroy-storage");
        r.add(
            "disable",
            "disable",
            "addon " + (args.size() > 1 ? args.get(1).value() : ""),
            destroy ? Severity.DESTRUCTIVE : Severity.SAFE,
            destroy ? "disables the storage addon and deletes its volumes" : "disables an addon");
      }
      default -> r.write(p, sub, "", p + " " + sub + ": nothing destructive recognised");
    }
  }

  static void kubectl(Reporter r, List<Arg> args, String cli) {
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      int eq = v.indexOf('=');
      String name = eq > 0 ? v.substring(0, eq) : v;
      if (SECRET_OPTIONS.contains(name)) {
        if (eq > 0) {
          r.secret(a, name + "=");
        } else if (i + 1 < args.size()) {
          r.secret(args.get(i + 1));
        }
      }
    }
    int dd = Cli.dashDash(args);
    List<Arg> head = dd < 0 ? args : args.subList(0, dd);
    List<Arg> tail = dd < 0 ? List.of() : args.subList(dd + 1, args.size());
    ArgView v = ArgView.of(head, VALUES);
    r.mark(Cli.value(v.value("--context")));
    r.mark(Cli.value(v.value("--cluster")));
    r.mark(Cli.value(v.value("--kubeconfig")));
    r.mark(Cli.value(v.value("--user")));
    String server = Cli.value(v.value("-s", "--server"));
    r.mark(server == null ? null : Targets.isUrl(server) ? Targets.url(server).host() : server);
    String ns = Cli.value(v.value("-n", "--namespace"));
    r.mark(ns);
    String namespace = ns == null ? "the current namespace" : ns;
    List<Arg> pos = v.positionals();
    String verb = pos.isEmpty() ? "" : pos.get(0).value();
    List<Arg> ops = pos.subList(Math.min(1, pos.size()), pos.size());
    if (cli.equals("oc") && verb.equals("adm") && !ops.isEmpty()) {
      verb = ops.get(0).value();
      ops = ops.subList(1, ops.size());
      if (verb.equals("prune")) {
        prune(r, v, ops);
        return;
      }
    }
    String target = ops.isEmpty() ? "" : Cli.join(ops) + (ns == null ? "" : " in namespace " + ns);
    switch (verb) {
      case "delete" -> KubeDelete.judge(r, v, ops, namespace, cli);
      case "scale" -> {
        String replicas = Cli.value(v.value("--replicas"));
        if ("0".equals(replicas)) {
          r.add(
              "scale-to-zero",
              "scale",
              target,
              Severity.DESTRUCTIVE,
              "scales " + target + " to zero replicas: it stops serving");
        } else {
          r.write("scale", "scale", target, "changes the number of replicas");
        }
      }
      case "drain" ->
          r.add(
              "drain",
              "drain",
              "node " + Cli.join(ops),
              Severity.DESTRUCTIVE,
              "evicts every pod from node "
                  + Cli.join(ops)
                  + (v.flag("--delete-emptydir-data", "--delete-local-data")
                      ? ", deleting their emptyDir data"
                      : ""));
      case "taint" -> {
        boolean evicts = false;
        for (Arg a : ops) {
          evicts |= a.value().endsWith(":NoExecute");
        }
        if (evicts) {
          r.add(
              "taint-noexecute",
              "taint",
              target,
              Severity.DESTRUCTIVE,
              "a NoExecute taint evicts every pod that does not tolerate it");
        } else {
          r.write("taint", "taint", target, "changes node taints for future scheduling");
        }
      }
      case "apply" -> {
        if (dryRun(v)) {
          r.read("apply-dry-run", "apply", target, cli + " apply --dry-run changes nothing");
        } else if (v.flag("--prune")) {
          r.add(
              "apply-prune",
              "apply",
              "objects in " + namespace,
              Severity.DESTRUCTIVE,
              cli
                  + " apply --prune deletes every object it manages that the files no longer define");
        } else if (v.flag("--force")) {
          r.add(
              "apply-force",
              "apply",
              "objects in " + namespace,
              Severity.DESTRUCTIVE,
              cli + " apply --force deletes and recreates objects it cannot patch");
        } else {
          r.write("apply", "apply", "objects in " + namespace, "creates or updates objects");
        }
      }
      case "replace" -> {
        if (v.flag("--force")) {
          r.add(
              "replace-force",
              "replace",
              "objects in " + namespace,
              Severity.DESTRUCTIVE,
              cli + " replace --force deletes and recreates the objects");
        } else {
          r.write("replace", "replace", "objects in " + namespace, "replaces object definitions");
        }
      }
      case "rollout" -> {
        String action = ops.isEmpty() ? "" : ops.get(0).value();
        String what =
            ops.size() > 1 ? Cli.join(ops.subList(1, ops.size())) + " in " + namespace : namespace;
        if (action.equals("undo")) {
          r.add(
              "rollout-undo",
              "rollback",
              what,
              Severity.DESTRUCTIVE,
              "rolls " + what + " back to an earlier revision, which may not fit the current data");
        } else if (action.equals("status") || action.equals("history")) {
          r.read("rollout-" + action, action, what, "only shows the rollout");
        } else {
          r.write("rollout-" + action, action, what, "rollout " + action + " loses no data");
        }
      }
      case "exec", "rsh", "debug", "run" ->
          PodCommand.judge(r, v, verb, head, ops, tail, cli, namespace);
      case "get" -> get(r, v, ops, target);
      case "config" -> config(r, v, ops);
      case "create" -> {
        String what = ops.isEmpty() ? "" : ops.get(0).value();
        if (what.equals("token")) {
          r.add(
              "reveal-credential",
              "reveal-credential",
              "token for " + Cli.join(ops.subList(1, ops.size())),
              Severity.DESTRUCTIVE,
              cli
                  + " create token mints a service-account token and prints it into the agent's context");
        } else {
          r.write("create", "create", target, "creates objects");
        }
      }
      case "view-secret" ->
          r.add(
              "reveal-credential",
              "reveal-credential",
              "secret " + target,
              Severity.DESTRUCTIVE,
              "prints decoded secret values into the agent's context");
      case "whoami" -> {
        if (v.flag("-t", "--show-token")) {
          r.add(
              "reveal-credential",
              "reveal-credential",
              "the session token",
              Severity.DESTRUCTIVE,
              cli + " whoami -t prints the session's bearer token into the agent's context");
        } else {
          r.read("whoami", "whoami", "", "shows the current user");
        }
      }
      default -> {
        if (dryRun(v)) {
          r.read(verb + "-dry-run", verb, target, cli + " " + verb + " --dry-run changes nothing");
        } else if (READS.contains(verb) || verb.isEmpty()) {
          r.read(verb.isEmpty() ? "help" : verb, verb, target, cli + " " + verb + " only reads");
        } else if (WRITES.contains(verb)) {
          r.write(verb, verb, target, cli + " " + verb + " loses no data");
        } else {
          r.unknown(
              "unknown",
              verb,
              target,
              cli + " " + verb + " is not a command or plugin Airlock knows");
        }
      }
    }
  }

  private static boolean dryRun(ArgView v) {
    if (!v.flag("--dry-run")) {
      return false;
    }
    return !"none".equals(Cli.value(v.value("--dry-run")));
  }

  private static void get(Reporter r, ArgView v, List<Arg> ops, String target) {
    String out = Reporter.lower(String.valueOf(Cli.value(v.value("-o", "--output"))));
    boolean secret = false;
    for (KubeDelete.Target t : KubeDelete.targets(ops)) {
      secret |= t.kind().equals("secret");
    }
    boolean dumps =
        out.startsWith("yaml")
            || out.startsWith("json") && !out.startsWith("jsonpath")
            || (out.startsWith("jsonpath")
                    || out.contains("template")
                    || out.startsWith("custom-columns"))
                && revealsData(out);
    if (secret && dumps) {
      r.add(
          "reveal-credential",
          "reveal-credential",
          target,
          Severity.DESTRUCTIVE,
          "prints secret values (base64, trivially decoded) into the agent's context");
    } else {
      r.read("get", "get", target, "only reads");
    }
  }

  private static final String[] SECRET_WORDS = {
    "pass", "pwd", "secret", "token", "key", "cert", "crt", "credential", "auth", "private",
    "dsn", "url", "uri", "conn", "jwt", "salt", "session", "cookie", "signing", "pem"
  };

  /**
   * Whether an output expression prints secret data: the whole {@code .data}, or a key whose name
   * looks like a credential ({@code .data.password}); {@code .data.username} does not.
   */
  static boolean revealsData(String expr) {
    int at = expr.indexOf(".data");
    if (at < 0) {
      at = expr.indexOf("stringdata");
    }
    while (at >= 0) {
      int k = expr.indexOf("data", at) + 4;
      String key = "";
      if (k < expr.length() && expr.charAt(k) == '.') {
        int e = k + 1;
        while (e < expr.length()
            && (Character.isLetterOrDigit(expr.charAt(e)) || "_-".indexOf(expr.charAt(e)) >= 0)) {
          e++;
        }
        key = expr.substring(k + 1, e);
      } else if (k < expr.length() && expr.charAt(k) == '[') {
        int close = expr.indexOf(']', k);
        key = close < 0 ? "" : expr.substring(k + 1, close).replace("'", "").replace("\"", "");
      }
      if (key.isEmpty() || key.equals("*")) {
        return true;
      }
      for (String w : SECRET_WORDS) {
        if (key.contains(w)) {
          return true;
        }
      }
      at = expr.indexOf(".data", k);
    }
    return false;
  }

  private static void config(Reporter r, ArgView v, List<Arg> ops) {
    String action = ops.isEmpty() ? "" : ops.get(0).value();
    String what = ops.size() > 1 ? ops.get(1).value() : "";
    r.mark(what);
    switch (action) {
      case "view" -> {
        if (v.flag("--raw")) {
          r.add(
              "reveal-credential",
              "reveal-credential",
              "the kubeconfig",
              Severity.DESTRUCTIVE,
              "config view --raw prints the kubeconfig's tokens and keys into the agent's context");
        } else {
          r.read(
              "config-view",
              "view",
              "the kubeconfig",
              "shows the kubeconfig with secrets redacted");
        }
      }
      case "delete-user" ->
          r.add(
              "config-delete-user",
              "delete",
              "user " + what + " in the kubeconfig",
              Severity.DESTRUCTIVE,
              "removes user " + what + " and the credentials it holds from the kubeconfig");
      case "get-contexts", "current-context", "get-clusters", "get-users", "" ->
          r.read(
              "config-" + (action.isEmpty() ? "help" : action),
              action,
              "the kubeconfig",
              "only reads the kubeconfig");
      default ->
          r.write(
              "config-" + action,
              action,
              "the kubeconfig",
              "changes the local kubeconfig only; the cluster is untouched");
    }
  }

  private static void prune(Reporter r, ArgView v, List<Arg> ops) {
    String what = ops.isEmpty() ? "objects" : ops.get(0).value();
    if (v.flag("--confirm")) {
      r.add(
          "adm-prune",
          "prune",
          "old " + what,
          Severity.DESTRUCTIVE,
          "oc adm prune --confirm deletes old " + what + " across the cluster");
    } else {
      r.read(
          "adm-prune",
          "prune",
          "old " + what,
          "without --confirm, oc adm prune only lists what it would delete");
    }
  }
}
