package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;

/**
 * Pulumi: {@code destroy} deletes every resource of a stack (catastrophic), {@code stack rm
 * --force} forgets a stack that still has resources (catastrophic), {@code up --yes} applies an
 * unreviewed update and state surgery is destructive; {@code preview} only reads. Environment comes
 * from {@code --stack}, {@code --cwd} and the stack named: {@code -s acme/api/prod} is production.
 */
final class PulumiCommands {

  private PulumiCommands() {}

  private static final String[] PULUMI_VALUES =
      CloudCall.arrayOf(
          "-s --stack -C --cwd -m --message -p --parallel --config-file -t --target "
              + "--target-replace --replace -x --exclude --secrets-provider --policy-pack "
              + "--policy-pack-config --color -v --verbose --tracing -c --config --plan "
              + "--import-file --file --exec-kind --exec-agent --profiling");

  static void classify(Invocation inv, ShellContext ctx) {
    CloudCall c = new CloudCall(inv, ctx, PULUMI_VALUES);
    if (c.helpRequested(true)) {
      c.help("iac");
      return;
    }
    String stackName = c.text("-s", "--stack");
    Environment env = c.markers("-s", "--stack", "-C", "--cwd", "--config-file");
    String stack = stackName.isEmpty() ? "the selected stack" : "stack " + stackName;
    String yes =
        c.flag("-y", "--yes")
            ? "; --yes skips the confirmation prompt"
            : c.stdinFed() ? "; the confirmation is answered from standard input" : "";
    switch (c.word(0)) {
      case "destroy" -> {
        if (c.flag("--preview-only")) {
          c.read("shell.iac.plan", stack, env, "pulumi destroy --preview-only only previews");
        } else if (!c.view().values("-t", "--target").isEmpty()) {
          String t = c.text("-t", "--target");
          c.report(
              "shell.iac.destroy-targeted",
              Severity.DESTRUCTIVE,
              "destroy",
              "resource " + t,
              env,
              "pulumi destroy --target destroys " + t + " in " + stack + yes);
        } else {
          c.report(
              "shell.iac.destroy",
              Severity.CATASTROPHIC,
              "destroy",
              stack,
              env,
              "pulumi destroy deletes every resource in "
                  + stack
                  + ", and it cannot be undone"
                  + (c.flag("--remove") ? "; --remove then deletes the stack too" : "")
                  + yes);
        }
      }
      case "up", "update" -> {
        boolean auto = !yes.isEmpty() || c.flag("-f", "--skip-preview");
        String replace = c.text("--replace", "--target-replace");
        if (!replace.isEmpty()) {
          c.report(
              "shell.iac.apply-replace",
              Severity.DESTRUCTIVE,
              "replace",
              "resource " + replace,
              env,
              "pulumi up --replace destroys " + replace + " and creates it anew" + yes);
        } else if (auto) {
          c.report(
              "shell.iac.apply-auto-approve",
              Severity.DESTRUCTIVE,
              "apply",
              stack,
              env,
              "pulumi up applies an unreviewed update to "
                  + stack
                  + " that may replace or destroy resources"
                  + (yes.isEmpty() ? "; --skip-preview applies without a preview" : yes));
        } else {
          c.write(
              "shell.iac.apply-prompted",
              "apply",
              stack,
              env,
              "pulumi up previews and asks before changing anything; without a terminal it"
                  + " refuses to proceed");
        }
      }
      case "preview", "whoami", "version", "about", "logs", "schema", "console", "convert" ->
          c.read("shell.iac.read", stack, env, "pulumi " + c.word(0) + " only reads");
      case "stack" -> pulumiStack(c, stack, env, yes);
      case "state" -> pulumiState(c, stack, env);
      case "cancel" ->
          c.report(
              "shell.iac.cancel",
              Severity.DESTRUCTIVE,
              "cancel",
              stack,
              env,
              "pulumi cancel stops the update running on "
                  + stack
                  + "; resources it was changing are left in an unknown state"
                  + yes);
      default -> {
        if (!c.unlistedDelete("iac", 2, env) && !c.word(0).isEmpty()) {
          c.write(
              "shell.iac.write",
              c.word(0),
              stack,
              env,
              "pulumi " + c.word(0) + " changes no resources");
        }
      }
    }
  }

  private static void pulumiStack(CloudCall c, String stack, Environment env, String yes) {
    String sub = c.word(1);
    String named = c.raw(2);
    String target = named.isEmpty() ? stack : "stack " + named;
    Environment e = env.combine(c.wordMarkers(2));
    switch (sub) {
      case "rm", "remove" -> {
        boolean force = c.flag("-f", "--force");
        c.report(
            "shell.iac.stack-rm",
            force ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
            "delete",
            target,
            e,
            "pulumi stack rm deletes "
                + target
                + " with its configuration and update history"
                + (force
                    ? "; --force does so even while it still has resources, which are left"
                        + " running with nothing managing them"
                    : "; Pulumi refuses while the stack still has resources")
                + yes);
      }
      case "import" ->
          c.report(
              "shell.iac.state-push",
              Severity.DESTRUCTIVE,
              "state-push",
              target,
              e,
              "pulumi stack import overwrites the state of " + target + " with a file");
      case "ls", "output", "history", "export", "graph", "tag", "" ->
          c.read("shell.iac.read", target, e, "pulumi stack " + sub + " only reads");
      default ->
          c.write(
              "shell.iac.write",
              "stack-" + sub,
              target,
              e,
              "pulumi stack " + sub + " changes no resources");
    }
  }

  private static void pulumiState(CloudCall c, String stack, Environment env) {
    String sub = c.word(1);
    String urn = c.raw(2);
    switch (sub) {
      case "delete", "edit", "move", "unprotect" ->
          c.report(
              "shell.iac.state-" + sub,
              Severity.DESTRUCTIVE,
              "state-" + sub,
              urn.isEmpty() ? stack : "resource " + urn,
              env.combine(c.wordMarkers(2)),
              switch (sub) {
                case "delete" ->
                    "pulumi state delete forgets " + urn + ": Pulumi stops managing it";
                case "unprotect" ->
                    "pulumi state unprotect lifts the protection that stops Pulumi deleting " + urn;
                default -> "pulumi state " + sub + " rewrites the state of " + stack;
              });
      default ->
          c.write(
              "shell.iac.write",
              "state-" + sub,
              stack,
              env,
              "pulumi state " + sub + " keeps resources");
    }
  }
}
