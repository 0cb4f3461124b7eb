package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The AWS CLI: {@code aws <service> <operation>}. Operations named like deletions ({@code delete-},
 * {@code terminate-}, {@code remove-}, ...) are destructive; those that destroy a data store, its
 * backups or shared infrastructure ({@link AwsOperations}) are catastrophic, and so are recursive
 * S3 deletes and bucket removals; credentials and administrator policies handed out are
 * destructive; {@code describe-}, {@code list-}, {@code get-} and {@code s3 ls} are reads.
 * Environment comes from {@code --profile} and from the names of the resources targeted.
 *
 * <p>The AWS CLI takes no short options and (outside {@code s3}) no operands: every argument after
 * the operation is {@code --name value} or a boolean {@code --flag}, which is how it is read here.
 * The high-level {@code s3} commands take S3 URLs and local paths as operands.
 */
public final class AwsRules implements CommandRules {

  private static final Set<String> GLOBAL_VALUES =
      CloudCall.setOf(
          "--profile --region --endpoint-url --output --query --color --ca-bundle "
              + "--cli-read-timeout --cli-connect-timeout --cli-binary-format");

  private static final Set<String> S3_VALUES =
      CloudCall.setOf(
          "--exclude --include --acl --sse --sse-c --sse-c-key --sse-kms-key-id "
              + "--storage-class --grants --website-redirect --content-type --cache-control "
              + "--content-disposition --content-encoding --content-language --expires "
              + "--source-region --metadata --metadata-directive --expected-size --page-size "
              + "--request-payer --checksum-mode --checksum-algorithm --copy-props --expires-in "
              + "--index-document --error-document --sse-c-copy-source --sse-c-copy-source-key");

  private static final Set<String> S3_COMMANDS =
      CloudCall.setOf("ls cp mv rm sync mb rb presign website");

  private static final Set<String> ADMIN_POLICIES =
      Set.of("administratoraccess", "iamfullaccess", "poweruseraccess");

  /** One parsed run: service, operation, operands and options. */
  private record Call(
      String service,
      String op,
      @Nullable Arg opArg,
      List<Arg> operands,
      Map<String, Arg> values,
      Set<String> flags) {

    String value(String name) {
      Arg a = values.get(name);
      return a == null ? "" : a.value();
    }

    boolean has(String name) {
      return flags.contains(name) || values.containsKey(name);
    }
  }

  @Override
  public String name() {
    return "aws";
  }

  @Override
  public Set<String> programs() {
    return Set.of("aws");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Call a = parse(inv);
    CloudCall c = new CloudCall(inv, ctx);
    if (a.service().isEmpty()
        || a.service().equals("help")
        || a.op().equals("help")
        || a.operands().stream().anyMatch(x -> x.value().equals("help"))) {
      c.help("aws");
      return;
    }
    Environment env = environment(a);
    if (a.service().equals("s3") && S3_COMMANDS.contains(a.op())) {
      AwsS3.classify(c, a.op(), a.operands(), a.flags(), a.values(), env);
      return;
    }
    String svcOp = a.service() + " " + a.op();
    String target = target(a);
    AwsOperations.Catastrophe cat = AwsOperations.catastrophe(a.service(), a.op());
    if (cat != null) {
      catastrophe(c, a, cat, env);
    } else if (escalation(c, a, env, target)) {
      return;
    } else if (special(c, inv, ctx, a, env, target)) {
      return;
    } else if (AwsOperations.destructive(a.op())) {
      c.report(
          "shell.aws.destructive-operation",
          Severity.DESTRUCTIVE,
          verb(a.op()),
          target,
          env,
          "aws "
              + svcOp
              + (target.isEmpty() ? "" : " on " + target)
              + " deletes, stops or takes away something that may not come back");
    } else if (AwsOperations.read(a.service(), a.op())) {
      c.read("shell.aws.read", target, env, "aws " + svcOp + " only reads");
    } else {
      c.write(
          "shell.aws.write",
          verb(a.op()),
          target,
          env,
          "aws " + svcOp + " creates or changes something; it deletes nothing by its name");
    }
  }

  private static Call parse(Invocation inv) {
    String service = "";
    String op = "";
    Arg opArg = null;
    List<Arg> operands = new ArrayList<>();
    Map<String, Arg> values = new HashMap<>();
    Set<String> flags = new java.util.HashSet<>();
    List<Arg> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      if (v.startsWith("--") && v.length() > 2) {
        int eq = v.indexOf('=');
        String name = (eq > 0 ? v.substring(0, eq) : v).toLowerCase(Locale.ROOT);
        Arg next = i + 1 < args.size() ? args.get(i + 1) : null;
        boolean s3 = service.equals("s3") && S3_COMMANDS.contains(op);
        if (eq > 0) {
          values.put(name, a.withValue(v.substring(eq + 1)));
        } else if (next != null
            && !next.value().startsWith("--")
            && (GLOBAL_VALUES.contains(name)
                || !op.isEmpty() && (s3 ? S3_VALUES.contains(name) : !name.startsWith("--no-")))) {
          values.put(name, next);
          i++;
        } else {
          flags.add(name);
        }
      } else if (service.isEmpty()) {
        service = v.toLowerCase(Locale.ROOT);
      } else if (op.isEmpty()) {
        op = v.toLowerCase(Locale.ROOT);
        opArg = a;
      } else {
        operands.add(a);
      }
    }
    return new Call(service, op, opArg, operands, values, flags);
  }

  /** The profile's markers and those of every option naming a resource, and of S3 URLs. */
  private static Environment environment(Call a) {
    Environment env = CloudCall.markersOf(a.values().get("--profile"));
    for (Map.Entry<String, Arg> e : a.values().entrySet()) {
      if (namesResource(e.getKey())) {
        env = env.combine(CloudCall.markersOf(e.getValue()));
      }
    }
    for (Arg o : a.operands()) {
      env = env.combine(CloudCall.markersOf(o));
    }
    return env;
  }

  private static boolean namesResource(String option) {
    for (String end : List.of("name", "names", "identifier", "id", "ids", "arn", "arns")) {
      if (option.endsWith("-" + end)) {
        return true;
      }
    }
    return CloudCall.setOf("--bucket --cluster --service --table --stack --key --group")
        .contains(option);
  }

  /** The value of the first option naming a resource, as "option value". */
  private static String target(Call a) {
    for (Map.Entry<String, Arg> e : a.values().entrySet()) {
      if (namesResource(e.getKey()) && !e.getKey().equals("--profile")) {
        return e.getValue().value();
      }
    }
    return "";
  }

  private static String verb(String op) {
    int dash = op.indexOf('-');
    return dash > 0 ? op.substring(0, dash) : op;
  }

  private static void catastrophe(
      CloudCall c, Call a, AwsOperations.Catastrophe cat, Environment env) {
    String name = cat.option().isEmpty() ? target(a) : a.value(cat.option());
    String resource = name.isEmpty() ? cat.noun() : cat.noun() + " " + name;
    String reason = "aws " + a.service() + " " + a.op() + " " + cat.reason().replace("{}", name);
    Severity severity = Severity.CATASTROPHIC;
    switch (a.service() + " " + a.op()) {
      case "rds delete-db-instance",
          "rds delete-db-cluster",
          "docdb delete-db-cluster",
          "neptune delete-db-cluster" ->
          reason += finalSnapshot(a, "--skip-final-snapshot", "--final-db-snapshot-identifier");
      case "redshift delete-cluster" ->
          reason +=
              finalSnapshot(
                  a, "--skip-final-cluster-snapshot", "--final-cluster-snapshot-identifier");
      default -> {}
    }
    c.report(
        "shell.aws." + a.service() + "." + a.op(), severity, verb(a.op()), resource, env, reason);
  }

  private static String finalSnapshot(Call a, String skip, String finalId) {
    String s;
    if (a.has(skip)) {
      s = "; " + skip + " takes no final snapshot, so nothing of it is kept";
    } else if (!a.value(finalId).isEmpty()) {
      s = "; a final snapshot " + a.value(finalId) + " is taken first";
    } else {
      s = "";
    }
    if (a.has("--no-delete-automated-backups")) {
      return s + "; its automated backups are kept";
    }
    return s
        + (a.has("--delete-automated-backups")
            ? "; --delete-automated-backups deletes its automated backups too"
            : "; its automated backups are deleted with it unless --no-delete-automated-backups"
                + " is given");
  }

  /** Credentials and administrator rights handed out: a privilege escalation. */
  private static boolean escalation(CloudCall c, Call a, Environment env, String target) {
    if (!a.service().equals("iam")) {
      return false;
    }
    String op = a.op();
    String why = null;
    if (op.equals("create-access-key")) {
      why = "creates a long-lived access key for " + who(a) + ", a credential outliving this task";
    } else if (op.equals("create-login-profile") || op.equals("update-login-profile")) {
      why = "gives " + who(a) + " a console password";
    } else if (op.startsWith("attach-") && op.endsWith("-policy")) {
      String arn = a.value("--policy-arn").toLowerCase(Locale.ROOT);
      String policy = arn.substring(arn.lastIndexOf('/') + 1);
      if (ADMIN_POLICIES.contains(policy)) {
        why = "attaches " + a.value("--policy-arn") + " to " + who(a) + ": full control";
      }
    } else if (op.startsWith("put-") && op.endsWith("-policy")) {
      String doc = a.value("--policy-document").replaceAll("\\s", "").toLowerCase(Locale.ROOT);
      if (doc.contains("\"action\":\"*\"") || doc.contains("\"action\":[\"*\"]")) {
        why = "grants every action (\"Action\": \"*\") to " + who(a);
      }
    } else if (op.equals("add-user-to-group")
        && a.value("--group-name").toLowerCase(Locale.ROOT).contains("admin")) {
      why = "adds " + who(a) + " to the group " + a.value("--group-name");
    }
    if (why == null) {
      return false;
    }
    c.report(
        "shell.aws.iam-escalation",
        Severity.DESTRUCTIVE,
        "grant",
        target,
        env,
        "aws iam " + op + " " + why + "; an agent should not widen its own or anyone's access");
    return true;
  }

  private static String who(Call a) {
    for (String o : List.of("--user-name", "--role-name", "--group-name")) {
      if (!a.value(o).isEmpty()) {
        return o.substring(2, o.indexOf("-name")) + " " + a.value(o);
      }
    }
    return "the caller";
  }

  /** Scale-to-zero, lifecycle expirations, versioning suspended, and remote command runs. */
  private static boolean special(
      CloudCall c, Invocation inv, ShellContext ctx, Call a, Environment env, String target) {
    String svcOp = a.service() + " " + a.op();
    switch (svcOp) {
      case "ecs update-service",
          "autoscaling update-auto-scaling-group",
          "autoscaling set-desired-capacity" -> {
        for (String o : List.of("--desired-count", "--desired-capacity", "--max-size")) {
          if (a.value(o).equals("0")) {
            c.report(
                "shell.aws.scale-to-zero",
                Severity.DESTRUCTIVE,
                "scale",
                target,
                env,
                "aws " + svcOp + " " + o + " 0 stops every task or instance of " + target);
            return true;
          }
        }
        return false;
      }
      case "s3api put-bucket-lifecycle-configuration", "s3api put-bucket-lifecycle" -> {
        String conf = a.value("--lifecycle-configuration");
        if (conf.contains("Expiration") || conf.startsWith("file://")) {
          c.report(
              "shell.aws.s3-lifecycle-expiration",
              conf.startsWith("file://") ? Severity.DESTRUCTIVE : Severity.CATASTROPHIC,
              "expire",
              "bucket " + a.value("--bucket"),
              env,
              "aws "
                  + svcOp
                  + (conf.startsWith("file://")
                      ? " sets lifecycle rules from "
                          + conf
                          + ", which Airlock cannot read; they"
                          + " may expire objects"
                      : " sets objects in bucket "
                          + a.value("--bucket")
                          + " to expire: S3 then"
                          + " deletes them by itself"));
          return true;
        }
        return false;
      }
      case "s3api put-bucket-versioning" -> {
        if (a.value("--versioning-configuration").contains("Suspended")) {
          c.report(
              "shell.aws.s3-versioning-suspended",
              Severity.DESTRUCTIVE,
              "suspend",
              "bucket " + a.value("--bucket"),
              env,
              "suspends versioning on bucket "
                  + a.value("--bucket")
                  + ": overwritten and deleted"
                  + " objects are no longer kept");
          return true;
        }
        return false;
      }
      case "secretsmanager delete-secret", "ecr delete-repository" -> {
        boolean now = a.has("--force-delete-without-recovery") || a.has("--force");
        String what = a.op().equals("delete-secret") ? "secret " : "repository ";
        c.report(
            "shell.aws." + a.service() + "." + a.op(),
            now ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
            "delete",
            what + target,
            env,
            "aws "
                + svcOp
                + " deletes "
                + what
                + target
                + (a.op().equals("delete-secret")
                    ? now
                        ? " at once, with no recovery window"
                        : "; it stays recoverable during its recovery window"
                    : now ? " and, with --force, every image in it" : "; it must be empty"));
        return true;
      }
      case "ssm send-command", "ecs execute-command" -> {
        Arg code = a.op().equals("send-command") ? ssmCommands(a) : a.values().get("--command");
        if (code == null) {
          return false;
        }
        ctx.shell(inv, code, "aws " + svcOp + (target.isEmpty() ? "" : " on " + target), env);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** The shell commands of {@code --parameters commands=[...]} (AWS-RunShellScript). */
  private static @Nullable Arg ssmCommands(Call a) {
    Arg p = a.values().get("--parameters");
    if (p == null) {
      return null;
    }
    String v = p.value();
    int k = v.indexOf("commands");
    if (k < 0) {
      return null;
    }
    String rest = v.substring(k + "commands".length());
    int s = 0;
    while (s < rest.length() && "\"'=: [".indexOf(rest.charAt(s)) >= 0) {
      s++;
    }
    int e = rest.length();
    while (e > s && "\"'] }".indexOf(rest.charAt(e - 1)) >= 0) {
      e--;
    }
    return e > s ? p.withValue(rest.substring(s, e).replace("\",\"", "; ")) : null;
  }
}
