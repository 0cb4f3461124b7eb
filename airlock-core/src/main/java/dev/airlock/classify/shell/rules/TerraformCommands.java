package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Terraform, OpenTofu, Terragrunt and Pulumi: the tools that apply a whole configuration at once.
 * Destroying a configuration or stack is catastrophic; applying changes nobody reviewed, applying a
 * saved plan and editing state are destructive; planning, validating and reading state are safe
 * reads.
 *
 * <p>Environment comes from {@code -var-file}, {@code -var}, {@code -chdir}, {@code -state}, {@code
 * -backend-config}, Terragrunt's working directory, workspace names and Pulumi's {@code --stack}
 * and {@code --cwd}: {@code -var-file=prod.tfvars}, {@code -chdir=envs/production} and {@code
 * --stack acme/api/prod} all mark production.
 */
final class TerraformCommands {

  private TerraformCommands() {}

  private static final String[] TF_VALUES =
      withDoubleDash(
          CloudCall.arrayOf(
              "-chdir -var -var-file -target -replace -out -state -state-out -backup "
                  + "-lock-timeout -parallelism -backend-config -plugin-dir -from-module "
                  + "-lockfile -exclude -platform -terragrunt-working-dir -working-dir "
                  + "-terragrunt-config -config -terragrunt-iam-role -iam-assume-role "
                  + "-terragrunt-include-dir -terragrunt-exclude-dir -queue-include-dir "
                  + "-queue-exclude-dir -terragrunt-parallelism"));

  private static final String[] TF_ENV =
      withDoubleDash(
          CloudCall.arrayOf(
              "-var-file -var -chdir -state -backend-config -terragrunt-working-dir "
                  + "-working-dir -terragrunt-config -config"));

  private static final Set<String> TF_READS =
      CloudCall.setOf(
          "validate show output version graph console metadata modules providers hclfmt "
              + "render-json render output-module-groups graph-dependencies validate-inputs "
              + "terragrunt-info info find list dag");

  private static final Set<String> TF_WRITES =
      CloudCall.setOf("init get login logout refresh test untaint import fmt");

  private static String[] withDoubleDash(String... names) {
    List<String> out = new ArrayList<>(names.length * 2);
    for (String n : names) {
      out.add(n);
      out.add("-" + n);
    }
    return out.toArray(String[]::new);
  }

  // ---- terraform, tofu, terragrunt

  static void terraform(Invocation inv, ShellContext ctx) {
    CloudCall c = new CloudCall(inv, ctx, TF_VALUES);
    String p = inv.program();
    if (c.helpRequested(true) || c.given("-version", "--version", "-v")) {
      c.help("iac");
      return;
    }
    int at = 0;
    boolean all = c.given("--all", "-all", "--terragrunt-run-all");
    if (p.equals("terragrunt") && (c.word(0).equals("run-all") || c.word(0).equals("run"))) {
      all |= c.word(0).equals("run-all");
      at = 1;
    }
    Environment env = c.markers(TF_ENV);
    String what =
        all ? "every module under " + dir(c) : "the configuration in " + dir(c) + varFiles(c);
    String sub = c.word(at);
    switch (sub) {
      case "destroy" -> destroy(c, p, what, env, all);
      case "apply" -> apply(c, p, at, what, env, all);
      case "plan" -> {
        String out = c.text("-out", "--out");
        if (out.isEmpty()) {
          c.read("shell.iac.plan", what, env, p + " plan only computes the changes; nothing runs");
        } else {
          c.write("shell.iac.plan", "plan", what, env, p + " plan saves a plan to " + out);
        }
      }
      case "state" -> state(c, p, at + 1, env);
      case "workspace" -> workspace(c, p, at + 1, env);
      case "force-unlock" ->
          c.report(
              "shell.iac.force-unlock",
              Severity.DESTRUCTIVE,
              "unlock",
              "state lock " + c.raw(at + 1),
              env,
              p
                  + " force-unlock removes the state lock; if another run still holds it, both"
                  + " write the state at once and it can be corrupted");
      case "taint" ->
          c.report(
              "shell.iac.taint",
              Severity.DESTRUCTIVE,
              "taint",
              "resource " + c.raw(at + 1),
              env.combine(c.wordMarkers(at + 1)),
              p
                  + " taint marks "
                  + c.raw(at + 1)
                  + " to be destroyed and re-created by the next apply");
      default -> {
        if (sub.equals("fmt") && c.given("-check", "--check")
            || TF_READS.contains(sub) && !(sub.equals("providers") && !c.word(at + 1).isEmpty())) {
          c.read("shell.iac.read", what, env, p + " " + sub + " only reads");
        } else if (TF_WRITES.contains(sub) || sub.equals("providers")) {
          c.write(
              "shell.iac.write",
              sub,
              what,
              env,
              p + " " + sub + " changes only local files or the state's view of real resources");
        } else {
          c.unlistedDelete("iac", at + 2, env);
        }
      }
    }
  }

  private static String dir(CloudCall c) {
    String d = c.text("-chdir", "--chdir", "--terragrunt-working-dir", "--working-dir");
    return d.isEmpty() ? "the current directory" : d;
  }

  private static String varFiles(CloudCall c) {
    List<Arg> files = c.view().values("-var-file", "--var-file");
    return files.isEmpty() ? "" : " with " + files.getLast().value();
  }

  private static boolean autoApproved(CloudCall c) {
    return c.given("-auto-approve", "--auto-approve", "--terragrunt-non-interactive")
        || c.given("--non-interactive")
        || c.stdinFed();
  }

  private static String confirmation(CloudCall c, String p, boolean all) {
    if (c.given("-auto-approve", "--auto-approve")) {
      return "; -auto-approve skips the confirmation prompt";
    }
    if (c.given("--terragrunt-non-interactive", "--non-interactive")) {
      return "; non-interactive mode answers its prompts with yes";
    }
    if (c.stdinFed()) {
      return "; the confirmation is answered from standard input";
    }
    return all
        ? "; " + p + " asks once for every module"
        : "; " + p + " asks for confirmation first, a prompt the agent can answer itself";
  }

  private static void destroy(CloudCall c, String p, String what, Environment env, boolean all) {
    List<Arg> targets = c.view().values("-target", "--target");
    if (!targets.isEmpty() && !all) {
      c.report(
          "shell.iac.destroy-targeted",
          Severity.DESTRUCTIVE,
          "destroy",
          "resource " + targets.getFirst().value(),
          env.combine(CloudCall.markersOf(targets.getFirst())),
          p
              + " destroy -target destroys "
              + targets.getFirst().value()
              + " and everything that depends on it"
              + confirmation(c, p, false));
      return;
    }
    c.report(
        "shell.iac.destroy",
        Severity.CATASTROPHIC,
        "destroy",
        what,
        env,
        p
            + " destroys every resource managed by "
            + what
            + ": databases, volumes and buckets included, and it cannot be undone"
            + confirmation(c, p, all));
  }

  private static void apply(
      CloudCall c, String p, int at, String what, Environment env, boolean all) {
    if (c.given("-destroy", "--destroy")) {
      destroy(c, p, what, env, all);
      return;
    }
    if (c.given("-refresh-only", "--refresh-only")) {
      c.write(
          "shell.iac.write", "refresh", what, env, p + " apply -refresh-only updates state only");
      return;
    }
    Arg plan = c.wordArg(at + 1);
    List<Arg> replace = c.view().values("-replace", "--replace");
    if (!replace.isEmpty()) {
      c.report(
          "shell.iac.apply-replace",
          Severity.DESTRUCTIVE,
          "replace",
          "resource " + replace.getFirst().value(),
          env.combine(CloudCall.markersOf(replace.getFirst())),
          p
              + " apply -replace destroys "
              + replace.getFirst().value()
              + " and creates it anew: its data goes with it"
              + confirmation(c, p, all));
    } else if (plan != null) {
      c.report(
          "shell.iac.apply-plan",
          Severity.DESTRUCTIVE,
          "apply",
          "plan " + plan.value(),
          env.combine(CloudCall.markersOf(plan)),
          p
              + " applies the saved plan "
              + plan.value()
              + " without asking; Airlock cannot see whether it replaces or destroys resources");
    } else if (all || autoApproved(c)) {
      c.report(
          "shell.iac.apply-auto-approve",
          Severity.DESTRUCTIVE,
          "apply",
          what,
          env,
          p
              + " applies an unreviewed plan to "
              + what
              + " that may replace or destroy resources"
              + confirmation(c, p, all));
    } else {
      c.write(
          "shell.iac.apply-prompted",
          "apply",
          what,
          env,
          p
              + " apply shows its plan and asks for confirmation before changing anything; run"
              + " without a terminal it stops at the prompt");
    }
  }

  private static void state(CloudCall c, String p, int at, Environment env) {
    String sub = c.word(at);
    String addr = c.raw(at + 1);
    Environment e = env.combine(c.wordMarkers(at + 1));
    String why =
        switch (sub) {
          case "rm" ->
              " forgets "
                  + addr
                  + ": "
                  + p
                  + " stops managing it, and a later apply may create a duplicate";
          case "mv" ->
              " re-addresses " + addr + "; a wrong address makes the next apply destroy it";
          case "push" ->
              " overwrites the remote state with "
                  + (addr.isEmpty() ? "a local file" : addr)
                  + (c.given("-force", "--force") ? ", even an older one (-force)" : "");
          case "replace-provider" -> " rewrites the provider of every resource in the state";
          default -> "";
        };
    if (!why.isEmpty()) {
      c.report(
          "shell.iac.state-" + sub,
          Severity.DESTRUCTIVE,
          "state-" + sub,
          addr.isEmpty() ? "state" : "state " + addr,
          e,
          p + " state " + sub + why);
    } else if (Set.of("list", "show", "pull", "identities").contains(sub)) {
      c.read("shell.iac.read", "state", e, p + " state " + sub + " only reads the state");
    } else {
      c.unlistedDelete("iac", at + 1, env);
    }
  }

  private static void workspace(CloudCall c, String p, int at, Environment env) {
    String sub = c.word(at);
    String name = c.raw(at + 1);
    Environment e = env.combine(c.wordMarkers(at + 1));
    switch (sub) {
      case "delete" ->
          c.report(
              "shell.iac.workspace-delete",
              Severity.DESTRUCTIVE,
              "delete",
              "workspace " + name,
              e,
              p
                  + " workspace delete removes workspace "
                  + name
                  + " and its state"
                  + (c.given("-force", "--force")
                      ? "; -force does so even while it still tracks resources, leaving them"
                          + " unmanaged"
                      : ""));
      case "list", "show" ->
          c.read("shell.iac.read", "workspaces", e, p + " workspace " + sub + " only reads");
      default ->
          c.write(
              "shell.iac.write",
              "workspace-" + sub,
              "workspace " + name,
              e,
              p + " workspace " + sub + " changes which state later commands use");
    }
  }
}
