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
 * Infrastructure as code: Terraform, OpenTofu and Terragrunt ({@link TerraformCommands}), Pulumi
 * ({@link PulumiCommands}), the AWS CDK and CDKTF, the Serverless Framework, AWS SAM, AWS Copilot,
 * and Ansible ad-hoc commands. Tearing down a stack or application is catastrophic whatever prompt
 * stands in the way; deploying without review is destructive; synthesising, diffing and listing are
 * reads.
 */
public final class InfraAsCodeRules implements CommandRules {

  private static final String[] CDK_VALUES =
      CloudCall.arrayOf(
          "-a --app -c --context --profile -o --output -r --role-arn --concurrency "
              + "--require-approval --toolkit-stack-name --parameters --outputs-file --method "
              + "--change-set-name --progress --plugin -p --ca-bundle-path --proxy "
              + "--notification-arns --tags -t --build-exclude --asset-parallelism --var "
              + "--var-file");

  private static final String[] SLS_VALUES =
      CloudCall.arrayOf(
          "-s --stage -r --region --aws-profile -c --config --param -f --function --app "
              + "--org --stack-name --profile --config-env --config-file --s3-bucket --s3-prefix "
              + "--template-file -t --template --parameter-overrides --image-repository "
              + "--capabilities --tags --role-arn -n --name -e --env -a --svc");

  private static final String[] ANSIBLE_VALUES =
      CloudCall.arrayOf(
          "-i --inventory --inventory-file -m --module-name -a --args -u --user -e "
              + "--extra-vars -l --limit -f --forks -M --module-path -B --background -P --poll "
              + "--become-user --become-method -c --connection -T --timeout --private-key "
              + "--key-file --vault-id --vault-password-file -t --tree --playbook-dir");

  private static final Set<String> CDK_READS =
      CloudCall.setOf(
          "synth synthesize diff ls list doctor docs doc notices metadata acknowledge ack "
              + "version drift output plan get");

  private static final Set<String> ANSIBLE_SHELLS =
      Set.of("command", "shell", "raw", "win_shell", "win_command");

  private static final Set<String> ANSIBLE_READS =
      CloudCall.setOf("ping setup debug gather_facts stat slurp find win_ping");

  private static final CloudTable STACKS =
      CloudTable.of(
          "iac",
          "",
          """
          remove => catastrophic destroy remove service : removes the deployed service and \
          every resource of its stack, tables and buckets included
          delete => catastrophic destroy delete stack --stack-name : deletes {} with every \
          resource in it, the packaged artifacts and the ECR repositories
          app delete => catastrophic destroy delete application -n,--name : deletes {} with \
          every environment, service and job in it
          env delete => catastrophic destroy delete environment -n,--name : deletes {} and the \
          infrastructure its services run on
          svc|job|pipeline delete => destructive service-delete delete service -n,--name : \
          deletes {} and its stack
          """);

  @Override
  public String name() {
    return "iac";
  }

  @Override
  public Set<String> programs() {
    return CloudCall.setOf(
        "terraform tofu terragrunt pulumi cdk cdktf serverless sls sam copilot ansible");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    switch (inv.program()) {
      case "terraform", "tofu", "terragrunt" -> TerraformCommands.terraform(inv, ctx);
      case "pulumi" -> PulumiCommands.classify(inv, ctx);
      case "cdk", "cdktf" -> cdk(inv, ctx);
      case "ansible" -> ansible(inv, ctx);
      default -> stacks(inv, ctx);
    }
  }

  private static void cdk(Invocation inv, ShellContext ctx) {
    CloudCall c = new CloudCall(inv, ctx, CDK_VALUES);
    String p = inv.program();
    if (c.helpRequested(true)) {
      c.help("iac");
      return;
    }
    Environment env = c.markers("--profile", "-c", "--context", "--var", "--var-file");
    env = env.combine(c.wordMarkers(1));
    String stacks = stacks(c);
    String sub = c.word(0);
    if (sub.equals("destroy")) {
      c.report(
          "shell.iac.destroy",
          Severity.CATASTROPHIC,
          "destroy",
          stacks,
          env,
          p
              + " destroy deletes "
              + stacks
              + " and every resource in them that is not set to be retained"
              + c.noPrompt("--force", "-f", "--auto-approve"));
    } else if (sub.equals("deploy") || sub.equals("apply") || sub.equals("watch")) {
      boolean unreviewed =
          c.text("--require-approval").equalsIgnoreCase("never")
              || c.flag("--auto-approve")
              || c.stdinFed();
      if (unreviewed && !sub.equals("watch")) {
        c.report(
            "shell.iac.apply-auto-approve",
            Severity.DESTRUCTIVE,
            "deploy",
            stacks,
            env,
            p
                + " deploys "
                + stacks
                + " without asking for any approval; stack updates can replace or delete"
                + " resources");
      } else {
        c.write(
            "shell.iac.apply-prompted",
            "deploy",
            stacks,
            env,
            p
                + " "
                + sub
                + " deploys "
                + stacks
                + (p.equals("cdk")
                    ? "; cdk asks before security-sensitive changes"
                    : " after asking for approval"));
      }
    } else if (sub.equals("gc")) {
      c.report(
          "shell.iac.gc",
          Severity.DESTRUCTIVE,
          "delete",
          "bootstrap assets",
          env,
          p + " gc deletes the assets in the bootstrap bucket and repository it judges unused");
    } else if (CDK_READS.contains(sub)) {
      c.read("shell.iac.read", stacks, env, p + " " + sub + " only reads");
    } else if (!c.unlistedDelete("iac", 2, env) && !sub.isEmpty()) {
      c.write("shell.iac.write", sub, stacks, env, p + " " + sub + " deletes nothing");
    }
  }

  private static String stacks(CloudCall c) {
    if (c.flag("--all")) {
      return "every stack of the app";
    }
    List<Arg> names = c.words().subList(Math.min(1, c.size()), c.size());
    if (names.isEmpty()) {
      return "the app's stacks";
    }
    StringBuilder sb = new StringBuilder(names.size() == 1 ? "stack " : "stacks ");
    for (Arg a : names) {
      sb.append(sb.charAt(sb.length() - 1) == ' ' ? "" : ", ").append(a.value());
    }
    return sb.toString();
  }

  /** serverless, sls, sam and copilot: teardown by table, everything else a deploy or a read. */
  private static void stacks(Invocation inv, ShellContext ctx) {
    CloudCall c = new CloudCall(inv, ctx, SLS_VALUES);
    if (c.helpRequested(true)) {
      c.help("iac");
      return;
    }
    Environment env =
        c.markers(
            "-s",
            "--stage",
            "--aws-profile",
            "--profile",
            "--stack-name",
            "--config-env",
            "-e",
            "--env",
            "-a",
            "--app",
            "-n",
            "--name");
    String stage = c.text("-s", "--stage");
    String note =
        (stage.isEmpty() ? "" : " (stage " + stage + ")")
            + c.noPrompt("--no-prompts", "--yes", "-y", "--force");
    String sub = c.word(0);
    if (STACKS.report(c, 0, env, note)) {
      return;
    }
    Set<String> reads = CloudCall.setOf("info logs print metrics list ls show status validate");
    if (reads.contains(sub) || reads.contains(c.word(1))) {
      c.read("shell.iac.read", "service", env, inv.program() + " " + sub + " only reads");
    } else if (!c.unlistedDelete("iac", 2, env) && !sub.isEmpty()) {
      c.write(
          "shell.iac.write",
          sub,
          "service",
          env,
          inv.program() + " " + sub + " deploys or builds; it removes nothing by itself");
    }
  }

  /** Ansible ad-hoc commands: shell modules run their command on every matched host. */
  private static void ansible(Invocation inv, ShellContext ctx) {
    CloudCall c = new CloudCall(inv, ctx, ANSIBLE_VALUES);
    if (c.helpRequested(true)) {
      c.help("iac");
      return;
    }
    String hosts = c.raw(0);
    Environment env =
        c.markers("-i", "--inventory", "--inventory-file", "-l", "--limit")
            .combine(c.wordMarkers(0));
    String module = c.text("-m", "--module-name");
    module = module.isEmpty() ? "command" : module.toLowerCase(Locale.ROOT);
    module = module.substring(module.lastIndexOf('.') + 1);
    Arg args = c.value("-a", "--args");
    String on = "hosts " + hosts;
    if (c.flag("-C", "--check")) {
      c.read("shell.iac.read", on, env, "ansible --check only reports what would change");
    } else if (ANSIBLE_SHELLS.contains(module) && args != null) {
      ctx.shell(inv, args, "ansible -m " + module + " on " + hosts, env);
    } else if (module.equals("script") && args != null) {
      c.report(
          "shell.iac.ansible-script",
          Severity.UNKNOWN,
          "execute",
          on,
          env,
          "ansible runs the local script "
              + args.value()
              + " on "
              + on
              + "; Airlock reads no files");
    } else if (args != null && args.value().replace(" ", "").contains("state=absent")) {
      String path = field(args.value(), "path", field(args.value(), "name", ""));
      c.report(
          "shell.iac.ansible-absent",
          Severity.worst(Severity.DESTRUCTIVE, PathJudge.delete(path, true)),
          "delete",
          path.isEmpty() ? on : path + " on " + on,
          env,
          "ansible -m " + module + " state=absent removes " + path + " on " + on);
    } else if (ANSIBLE_READS.contains(module)) {
      c.read("shell.iac.read", on, env, "ansible -m " + module + " only reads");
    } else {
      c.write("shell.iac.write", module, on, env, "ansible runs module " + module + " on " + on);
    }
  }

  private static String field(String args, String key, String fallback) {
    for (String part : args.split("\\s+")) {
      if (part.startsWith(key + "=")) {
        return part.substring(key.length() + 1).replace("\"", "").replace("'", "");
      }
    }
    return fallback;
  }
}
