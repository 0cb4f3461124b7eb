package dev.airlock.classify.shell.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Context;
import dev.airlock.action.Environment;
import dev.airlock.action.ShellAction;
import dev.airlock.classify.Classification;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.engine.ActionClassifier;
import dev.airlock.engine.Gate;
import dev.airlock.engine.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;

/**
 * Properties of the cloud packs: no argument list makes them throw or report a finding without a
 * rule id and a reason; option order and {@code --flag value} versus {@code --flag=value} spellings
 * of a held command keep it held, with the same environment; and through the whole shell walk,
 * whitespace, quoting, wrapper ({@code sudo}, {@code env}, {@code timeout}, ...) and program letter
 * case variants of a held command keep its severity and its production environment.
 */
class CloudPacksProperties {

  private static final List<String> PROGRAMS =
      CloudTestContext.PACKS.stream()
          .flatMap(p -> p.programs().stream())
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
          .stream()
          .toList();

  /** Words the packs look for, mixed with noise: the interesting inputs are near-misses. */
  private static final List<String> VOCABULARY =
      List.of(
          "destroy",
          "delete",
          "rm",
          "remove",
          "apply",
          "plan",
          "state",
          "workspace",
          "stack",
          "volume",
          "volumes",
          "environment",
          "down",
          "run",
          "ssh",
          "connect",
          "s3",
          "s3api",
          "rds",
          "delete-db-instance",
          "sql",
          "instances",
          "projects",
          "group",
          "storage",
          "rb",
          "sync",
          "query",
          "apps:destroy",
          "pg:reset",
          "firestore:delete",
          "database:remove",
          "d1",
          "execute",
          "branches",
          "branch",
          "kv",
          "namespace",
          "compute",
          "ssh",
          "run-all",
          "-auto-approve",
          "-destroy",
          "-target",
          "-var-file",
          "-chdir=",
          "--yes",
          "-y",
          "-f",
          "--force",
          "--recursive",
          "-r",
          "--delete",
          "--profile",
          "--project",
          "--stack",
          "-s",
          "-e",
          "--environment",
          "--app",
          "-a",
          "--volume",
          "-v",
          "--command",
          "-C",
          "-c",
          "--",
          "--all",
          "--prod",
          "--local",
          "--remote",
          "--all-collections",
          "-m",
          "-I",
          "-d",
          "--scripts",
          "--parameters",
          "commands=[\"x\"]",
          "prod",
          "staging",
          "dev",
          "/",
          "",
          "-",
          "=",
          "==",
          "--=",
          "-=x",
          "s3://",
          "s3://b",
          "gs://b/**",
          "a:b.c",
          "$X",
          "*",
          "héllo",
          "\u0000",
          "{}",
          "main",
          "help",
          "--help",
          "-h");

  @Provide
  Arbitrary<Invocation> anyInvocation() {
    Arbitrary<String> program = Arbitraries.of(PROGRAMS);
    Arbitrary<String> word =
        Arbitraries.oneOf(
            Arbitraries.of(VOCABULARY),
            Arbitraries.strings().ofMaxLength(12).withCharRange(' ', '~'));
    Arbitrary<Integer> flags = Arbitraries.of(0, 0, 0, Arg.DYNAMIC, Arg.GLOB, Arg.QUOTED);
    Arbitrary<Arg> arg = Combinators.combine(word, flags).as((w, f) -> new Arg(w, f, 0, 0));
    Arbitrary<Invocation.@Nullable Input> input =
        Arbitraries.of(Invocation.InputKind.values())
            .map(k -> new Invocation.Input(k, "DROP TABLE x", false, 0, 0))
            .injectNull(0.7);
    return Combinators.combine(program, arg.list().ofMaxSize(14), input)
        .as((p, args, in) -> new Invocation(p, args, 0, 0, "", in));
  }

  @Property(tries = 3000)
  void anyArguments_neverThrowAndExplainEveryFinding(@ForAll("anyInvocation") Invocation inv) {
    CloudTestContext ctx = CloudTestContext.classify(inv);
    // Reasons quote the arguments; a "{}" the input did not bring is an unfilled template.
    boolean inputHasBraces = inv.args().stream().anyMatch(a -> a.value().contains("{}"));
    for (Finding f : ctx.findings()) {
      String report = inv + "\n" + CloudPackCasesTest.describe(ctx.findings());
      assertThat(f.ruleId()).as(report).startsWith("shell.");
      assertThat(f.reason()).as(report).isNotBlank();
      if (!inputHasBraces) {
        assertThat(f.reason()).as(report).doesNotContain("{}");
      }
      assertThat(f.program()).as(report).isEqualTo(inv.program());
    }
  }

  /**
   * A held command: fixed words, option groups that may move and change spelling, operands that
   * stay after the options when the CLI reads options only before them (Go's flag package).
   */
  record Held(
      List<String> fixed,
      List<List<String>> groups,
      List<String> operands,
      boolean operandsLast,
      Severity severity,
      Environment env) {

    @Override
    public String toString() {
      return String.join(" ", fixed) + " " + groups + " " + operands;
    }
  }

  private static Held held(
      String fixed, String groups, String operands, boolean last, Severity s, Environment env) {
    List<List<String>> g = new ArrayList<>();
    for (String group : groups.split(",")) {
      if (!group.isBlank()) {
        g.add(List.of(group.strip().split(" ")));
      }
    }
    List<String> ops = operands.isBlank() ? List.of() : List.of(operands.strip().split(" "));
    return new Held(List.of(fixed.split(" ")), g, ops, last, s, env);
  }

  private static final Severity CAT = Severity.CATASTROPHIC;
  private static final Severity DES = Severity.DESTRUCTIVE;
  private static final Environment PROD = Environment.PRODUCTION;

  private static final List<Held> HELD =
      List.of(
          held(
              "terraform destroy",
              "-auto-approve, -var-file prod.tfvars, -lock=false",
              "",
              true,
              CAT,
              PROD),
          held(
              "terraform apply",
              "-destroy, -auto-approve, -var env=prod, -input=false",
              "",
              true,
              CAT,
              PROD),
          held(
              "terraform apply",
              "-auto-approve, -var-file prod.tfvars, -parallelism 4",
              "",
              true,
              DES,
              PROD),
          held("tofu destroy", "-chdir envs/production, -auto-approve", "", true, CAT, PROD),
          held("pulumi destroy", "--yes, --stack prod, --skip-preview", "", false, CAT, PROD),
          held("pulumi stack rm", "--force, --yes", "prod", false, CAT, PROD),
          held(
              "cdk destroy",
              "-f, --profile prod, --exclusively",
              "ProdDatabaseStack",
              false,
              CAT,
              PROD),
          held(
              "sam delete",
              "--stack-name api-prod, --no-prompts, --region us-east-1",
              "",
              false,
              CAT,
              PROD),
          held(
              "aws s3 rm",
              "--recursive, --profile prod, --region us-east-1",
              "s3://acme-assets",
              false,
              CAT,
              PROD),
          held(
              "aws rds delete-db-instance",
              "--db-instance-identifier prod-postgres, --skip-final-snapshot,"
                  + " --delete-automated-backups, --region eu-west-1",
              "",
              false,
              CAT,
              PROD),
          held(
              "aws dynamodb delete-table",
              "--table-name orders-prod, --region us-east-1",
              "",
              false,
              CAT,
              PROD),
          held(
              "aws iam create-access-key",
              "--user-name deploy-bot, --profile prod",
              "",
              false,
              DES,
              PROD),
          held(
              "gcloud sql instances delete",
              "--quiet, --project acme-prod, --async",
              "orders",
              false,
              CAT,
              PROD),
          held(
              "gcloud compute disks delete",
              "--zone us-central1-a, --quiet",
              "prod-data",
              false,
              CAT,
              PROD),
          held("gsutil -m rm", "-r, -a", "gs://acme-prod-uploads", true, CAT, PROD),
          held("bq rm", "-r, -f, -d", "acme-prod:analytics", true, CAT, PROD),
          held("az group delete", "--name rg-prod, --yes, --no-wait", "", false, CAT, PROD),
          held(
              "az sql db delete",
              "--name app, --server acme-prod-sql, --yes",
              "",
              false,
              CAT,
              PROD),
          held(
              "railway volume delete",
              "--volume pg-data, --yes, --environment staging",
              "",
              false,
              CAT,
              PROD),
          held("railway environment delete", "--yes", "production", false, CAT, PROD),
          held(
              "railway down",
              "--yes, --environment production, --service api",
              "",
              false,
              DES,
              PROD),
          held("fly volumes destroy", "--yes, --app acme-prod", "vol_4y5kq2r0d9", false, CAT, PROD),
          held(
              "heroku pg:reset",
              "--app acme-prod, --confirm acme-prod",
              "DATABASE_URL",
              false,
              CAT,
              PROD),
          held("heroku apps:destroy", "--app acme-prod, --confirm acme-prod", "", false, CAT, PROD),
          held(
              "firebase firestore:delete",
              "--all-collections, --project acme-prod, --force",
              "",
              false,
              CAT,
              PROD),
          held("vercel remove", "--yes, --scope acme", "acme-web-prod", false, CAT, PROD),
          held(
              "doctl kubernetes cluster delete",
              "--force, --dangerous",
              "prod-k8s",
              false,
              CAT,
              PROD),
          held("wrangler d1 delete", "-y, --env production", "acme-db", false, CAT, PROD),
          held(
              "neonctl branches delete",
              "--project-id polished-leaf",
              "production",
              false,
              CAT,
              PROD));

  @Provide
  Arbitrary<Held> held() {
    return Arbitraries.of(HELD);
  }

  @Property(tries = 1500)
  void heldCommands_stayHeldAcrossOptionOrderAndSpelling(
      @ForAll("held") Held h, @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    Random random = new Random(seed);
    List<List<String>> groups = new ArrayList<>();
    for (List<String> g : h.groups()) {
      if (g.size() == 2 && g.get(0).startsWith("-") && random.nextBoolean()) {
        groups.add(List.of(g.get(0) + "=" + g.get(1)));
      } else {
        groups.add(g);
      }
    }
    java.util.Collections.shuffle(groups, random);
    List<String> argv = new ArrayList<>(h.fixed());
    int at = h.operandsLast() ? groups.size() : random.nextInt(groups.size() + 1);
    for (int i = 0; i <= groups.size(); i++) {
      if (i == at) {
        argv.addAll(h.operands());
      }
      if (i < groups.size()) {
        argv.addAll(groups.get(i));
      }
    }
    Invocation inv = Invocation.ofWords(argv.toArray(String[]::new));
    CloudTestContext ctx = CloudTestContext.classify(inv);
    String report = inv + "\n" + CloudPackCasesTest.describe(ctx.findings());
    assertThat(ctx.worst()).as(report).isEqualTo(h.severity());
    assertThat(ctx.findings())
        .as(report)
        .anyMatch(f -> f.severity() == h.severity() && f.environment() == h.env());
  }

  @Property(tries = 200)
  void everyPack_namesItselfInItsRuleIds(@ForAll("anyInvocation") Invocation inv) {
    CommandRules pack =
        CloudTestContext.PACKS.stream()
            .filter(p -> p.programs().contains(inv.program()))
            .findFirst()
            .orElseThrow();
    for (Finding f : CloudTestContext.classify(inv).findings()) {
      assertThat(f.ruleId()).startsWith("shell." + pack.name() + ".");
    }
  }

  private static final ActionClassifier CLASSIFIER = new ActionClassifier(Limits.DEFAULT);
  private static final Gate GATE = Gate.standard();
  private static final Context DEV = Context.of(Environment.DEVELOPMENT);

  /** The held command's canonical argv: fixed words, option groups in order, then operands. */
  private static List<String> words(Held h) {
    List<String> w = new ArrayList<>(h.fixed());
    h.groups().forEach(w::addAll);
    w.addAll(h.operands());
    return w;
  }

  private static final String[] GAPS = {" ", "  ", "\t", " \t ", " \\\n "};

  /** Whitespace variant: runs of blanks, tabs and escaped newlines between words. */
  private static String spaced(List<String> words, Random r) {
    StringBuilder sb = new StringBuilder(r.nextBoolean() ? " " : "");
    for (int i = 0; i < words.size(); i++) {
      sb.append(i == 0 ? "" : GAPS[r.nextInt(GAPS.length)]).append(words.get(i));
    }
    return sb.append(r.nextBoolean() ? "\t" : "").toString();
  }

  /** Quoting variant: each word single-quoted, double-quoted, split by '' or left as it is. */
  private static String quoted(List<String> words, Random r) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      sb.append(sb.isEmpty() ? "" : " ");
      switch (r.nextInt(4)) {
        case 0 -> sb.append('\'').append(w).append('\'');
        case 1 -> sb.append('"').append(w).append('"');
        case 2 -> {
          int cut = w.isEmpty() ? 0 : r.nextInt(w.length() + 1);
          sb.append(w, 0, cut).append("''").append(w.substring(cut));
        }
        default -> sb.append(w);
      }
    }
    return sb.toString();
  }

  /** Wrapper variant: the command run through sudo, env, timeout, nice, nohup or a shell. */
  private static String wrapped(String command, int form) {
    return switch (form) {
      case 0 -> "sudo " + command;
      case 1 -> "sudo -u deploy -E " + command;
      case 2 -> "env AWS_PAGER= TF_IN_AUTOMATION=1 " + command;
      case 3 -> "env -i PATH=/usr/bin " + command;
      case 4 -> "timeout 300 " + command;
      case 5 -> "timeout -s KILL 5m " + command;
      case 6 -> "nice -n 10 nohup " + command;
      case 7 -> "sudo env CI=1 timeout 60 " + command;
      case 8 -> "bash -c '" + command + "'";
      case 9 -> "sh -c \"" + command + "\"";
      default -> "cd infra && " + command;
    };
  }

  @Provide
  Arbitrary<Held> heldWithoutQuotes() {
    return Arbitraries.of(
        HELD.stream().filter(h -> words(h).stream().noneMatch(w -> w.contains("\""))).toList());
  }

  @Property(tries = 300)
  void whitespaceVariants_ofHeldCommands_stayHeld(
      @ForAll("held") Held h, @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    assertSameHold(h, spaced(words(h), new Random(seed)));
  }

  @Property(tries = 300)
  void quotingVariants_ofHeldCommands_stayHeld(
      @ForAll("held") Held h, @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    assertSameHold(h, quoted(words(h), new Random(seed)));
  }

  @Property(tries = 400)
  void wrapperVariants_ofHeldCommands_stayHeld(
      @ForAll("heldWithoutQuotes") Held h, @ForAll @IntRange(min = 0, max = 10) int form) {
    assertSameHold(h, wrapped(String.join(" ", words(h)), form));
  }

  /**
   * Program names are matched without regard to case (as on case-insensitive file systems), and
   * environment names in option values are read without regard to case: {@code --profile PROD}.
   */
  @Property(tries = 200)
  void letterCaseVariants_ofProgramAndEnvironmentNames_stayHeld(
      @ForAll("held") Held h, @ForAll boolean upperValues) {
    List<String> w = new ArrayList<>(words(h));
    w.set(0, w.getFirst().toUpperCase(Locale.ROOT));
    if (upperValues) {
      for (int i = 1; i < w.size(); i++) {
        String v = w.get(i).toLowerCase(Locale.ROOT);
        if (v.equals("prod") || v.equals("production") || v.equals("prod.tfvars")) {
          w.set(i, w.get(i).toUpperCase(Locale.ROOT));
        }
      }
    }
    assertSameHold(h, String.join(" ", w));
  }

  private static void assertSameHold(Held h, String variant) {
    String original = String.join(" ", words(h));
    Classification o = CLASSIFIER.classify(new ShellAction(original, DEV), Trace.OFF);
    Classification v = CLASSIFIER.classify(new ShellAction(variant, DEV), Trace.OFF);
    String report =
        "variant ["
            + variant
            + "] of ["
            + original
            + "]\n"
            + CloudPackCasesTest.describe(v.findings());
    assertThat(o.severity()).as(original).isEqualTo(h.severity());
    assertThat(v.severity()).as(report).isEqualTo(h.severity());
    assertThat(v.findings())
        .as(report)
        .anyMatch(f -> f.severity() == h.severity() && f.environment() == h.env());
    Verdict verdict = GATE.check(new ShellAction(variant, DEV));
    assertThat(verdict.decision().holds()).as(report).isTrue();
  }

  /** Random argv through the whole walk: never an internal error, never an empty answer. */
  @Property(tries = 1000)
  void anyArguments_throughTheWalk_neverFaultTheClassifier(
      @ForAll("anyInvocation") Invocation inv, @ForAll @IntRange(min = 0, max = 10) int form) {
    StringBuilder sb = new StringBuilder(inv.program());
    for (Arg a : inv.args()) {
      sb.append(" '").append(a.value().replace("'", "'\\''")).append('\'');
    }
    String line = form == 10 ? sb.toString() : wrapped(sb.toString(), form % 8);
    Classification c = CLASSIFIER.classify(new ShellAction(line, DEV), Trace.OFF);
    assertThat(c.findings())
        .as(line + "\n" + CloudPackCasesTest.describe(c.findings()))
        .isNotEmpty()
        .noneMatch(f -> f.ruleId().equals(ActionClassifier.INTERNAL_ERROR));
  }
}
