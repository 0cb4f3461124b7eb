package dev.airlock.classify.shell.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Finding;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.rules.PackHarness.Nested;
import dev.airlock.classify.shell.rules.PackHarness.Result;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the data, container, Kubernetes and GitHub packs: they are total (any argument
 * list, any flags, any standard input yields a finding or a handoff and never an exception), and
 * moving options around a held command keeps the same judgement.
 */
class DataPackProperties {

  private static final List<String> PROGRAMS = programs();

  private static List<String> programs() {
    Set<String> out = new TreeSet<>();
    List<CommandRules> dataPacks =
        List.of(
            new DatabaseCliRules(),
            new DatabaseAdminRules(),
            new MongoRules(),
            new RedisRules(),
            new MigrationRules(),
            new FrameworkRules(),
            new SupabaseRules(),
            new ContainerRules(),
            new KubernetesRules(),
            new HelmRules(),
            new GithubCliRules());
    for (CommandRules p : dataPacks) {
      out.addAll(p.programs());
    }
    return List.copyOf(out);
  }

  /** Words the packs look for, so that random argument lists reach deep into them. */
  private static final List<String> TOKENS =
      List.of(
          "delete",
          "rm",
          "remove",
          "volume",
          "ns",
          "namespace",
          "pvc",
          "--all",
          "-A",
          "-n",
          "-f",
          "-",
          "--",
          "-c",
          "-e",
          "-p",
          "-u",
          "-h",
          "-v",
          "-X",
          "-F",
          "-f",
          "exec",
          "run",
          "db",
          "reset",
          "--linked",
          "--local",
          "--db-url",
          "FLUSHALL",
          "FLUSHDB",
          "DEL",
          "CONFIG",
          "SET",
          "dir",
          "EVAL",
          "EVALSHA",
          "SELECT",
          "--eval",
          "--cluster",
          "call",
          "import",
          "--uri",
          "api",
          "DELETE",
          "graphql",
          "f=x",
          "query=mutation",
          "repo",
          "secret",
          "get",
          "-o",
          "yaml",
          "auth",
          "token",
          ".shell",
          ".restore",
          ".open",
          ".read",
          "{",
          "}",
          "(",
          ")",
          "[",
          "]",
          "'",
          "\"",
          "=",
          "",
          " ",
          "\n",
          "//",
          "/*",
          "redis.call(",
          "db.x.drop()",
          "db.dropDatabase()",
          "deleteMany({})",
          "runCommand({",
          "mongodb://",
          "postgres://u:p@h/d",
          "host=",
          "service=",
          "$X",
          "~",
          "/",
          "/host",
          "-v",
          "/:/host",
          "--mount",
          "type=bind,source=/,target=/h",
          "--entrypoint",
          "compose",
          "down",
          "system",
          "prune",
          "migrate",
          "rollback",
          "--force",
          "--replicas=0",
          "scale",
          "drain",
          "apply",
          "--prune",
          "config",
          "view",
          "--raw",
          "uninstall",
          "rollback",
          "runner",
          "console",
          "db:drop",
          "RAILS_ENV=production",
          "-pX",
          "--password",
          "--password=x",
          "-a",
          "--pass",
          "use x\n",
          "-cmd",
          "-init",
          "-key",
          "--file",
          "--stdin",
          "storage",
          "-r",
          "ss:///b",
          "projects",
          "functions",
          "--visibility",
          "--admin",
          "merge",
          "down-to",
          "0",
          "base",
          "drop",
          "clean",
          "dropAll",
          "execute-sql",
          "--sql",
          "query",
          "node/x",
          "debug",
          "rsh",
          "adm",
          "kubectl",
          "helm",
          "etcd-snapshot",
          "--dry-run",
          "--dry-run=none",
          "--cluster-from-pass",
          "AUTH",
          "MIGRATE",
          "ACL",
          "SETUSER",
          ">pw",
          "SCRIPT",
          "FLUSH");

  private static final int[] FLAGS = {
    0,
    0,
    0,
    Arg.DYNAMIC,
    Arg.GLOB,
    Arg.QUOTED,
    Arg.HOME,
    Arg.INPUT,
    Arg.DYNAMIC | Arg.SUBST,
    Arg.BRACE
  };

  @Provide
  Arbitrary<String> program() {
    return Arbitraries.of(PROGRAMS);
  }

  @Provide
  Arbitrary<List<Arg>> args() {
    Arbitrary<String> word =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.of(TOKENS)),
            net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(24)));
    Arbitrary<Arg> arg =
        Combinators.combine(
                word,
                Arbitraries.integers().between(0, FLAGS.length - 1),
                Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 40))
            .as((w, f, s, len) -> new Arg(w, FLAGS[f], s, s + len));
    return arg.list().ofMaxSize(14);
  }

  @Provide
  Arbitrary<Optional<Invocation.Input>> stdin() {
    Arbitrary<Invocation.Input> some =
        Combinators.combine(
                Arbitraries.of(Invocation.InputKind.values()),
                Arbitraries.oneOf(
                    Arbitraries.of(TOKENS),
                    Arbitraries.strings().ofMaxLength(80),
                    Arbitraries.of(
                        "DROP TABLE x;\n.shell rm -rf /\n",
                        "use app\ndb.users.deleteMany({})",
                        "SELECT 2\nFLUSHDB\n",
                        "kind: Namespace\n")),
                Arbitraries.of(true, false))
            .as((k, t, d) -> new Invocation.Input(k, t, d, 0, 0));
    return some.optional(0.6);
  }

  @Property(tries = 3000)
  void packs_neverThrow_andAlwaysSaySomething(
      @ForAll("program") String program,
      @ForAll("args") List<Arg> args,
      @ForAll("stdin") Optional<Invocation.Input> stdin) {
    StringBuilder text = new StringBuilder(program);
    for (Arg a : args) {
      text.append(' ').append(a.value());
    }
    Invocation inv =
        new Invocation(program, args, 0, text.length(), text.toString(), stdin.orElse(null));
    Result r = PackHarness.run(inv, Environment.UNKNOWN);
    assertThat(r.findings().size() + r.nested().size()).as(inv.text()).isPositive();
    for (Finding f : r.findings()) {
      assertThat(f.reason()).as(inv.text()).isNotBlank();
      assertThat(f.ruleId()).as(inv.text()).startsWith("shell.");
    }
  }

  /**
   * A held command: {@code base} words, and option groups that may sit anywhere from index {@code
   * from} up to {@code fixedTail} words before the end.
   */
  record Held(List<String> base, int from, int fixedTail, List<List<String>> groups) {}

  private static final List<Held> HELD =
      List.of(
          held(
              "kubectl delete namespace production",
              1,
              0,
              "-n prod",
              "--context prod-eu",
              "--wait=false"),
          held("kubectl delete pvc", 1, 0, "--all", "-n prod", "--context x"),
          held("kubectl scale deployment/api", 1, 0, "--replicas=0", "-n production"),
          held("kubectl delete deploy api", 1, 0, "-n production", "--cascade=foreground"),
          held("kubectl exec statefulset/postgres", 1, 0, "-n production", "-it", "-c db"),
          held("helm uninstall postgresql", 1, 0, "-n production", "--kube-context prod", "--wait"),
          held(
              "psql",
              1,
              0,
              "-h prod-db.acme.internal",
              "-c DROP_TABLE",
              "-U admin",
              "-d app",
              "-X"),
          held("mysql shop", 1, 0, "-h prod-mysql", "-e DELETE_ALL", "-u root", "-pSECRET"),
          held("dropdb app_production", 1, 0, "-h prod-db", "-U postgres", "--if-exists", "-e"),
          held("docker volume rm pgdata", 3, 0, "-f"),
          held("docker system prune", 3, 0, "-a", "--volumes", "-f"),
          held("docker compose down", 3, 0, "-v", "--remove-orphans", "-t 5"),
          held("redis-cli FLUSHALL", 1, 1, "-h prod-cache", "-p 6379", "-a SECRET", "-n 2"),
          held("mongosh app", 1, 0, "--eval db.dropDatabase()", "--quiet", "--host prod-mongo"),
          held("gh repo delete acme/x", 3, 0, "--yes"),
          held("supabase db reset", 3, 0, "--linked", "--debug", "--workdir ."),
          held(
              "prisma migrate reset",
              3,
              0,
              "--force",
              "--skip-seed",
              "--schema prisma/schema.prisma"),
          held("sqlite3 prod.db DROP_TABLE", 1, 2, "-bail", "-batch", "-header"),
          held("mongorestore dump/", 1, 0, "--drop", "--uri mongodb://prod/app"),
          held("gh api repos/acme/x", 2, 0, "-X DELETE", "-H Accept:json"),
          held("pg_restore dump.backup", 1, 0, "--clean", "-d app", "-h prod-db"),
          held("mysqladmin drop shop", 1, 2, "-h prod-mysql", "-u root", "-f"),
          held(
              "rails db:drop",
              1,
              0,
              "RAILS_ENV=production",
              "DISABLE_DATABASE_ENVIRONMENT_CHECK=1"));

  private static Held held(String base, int from, int fixedTail, String... groups) {
    List<List<String>> g = new ArrayList<>();
    for (String group : groups) {
      List<String> words = new ArrayList<>();
      for (String w : group.split(" ")) {
        words.add(
            w.replace("DROP_TABLE", "DROP TABLE users;")
                .replace("DELETE_ALL", "DELETE FROM orders"));
      }
      g.add(words);
    }
    List<String> b = new ArrayList<>();
    for (String w : base.split(" ")) {
      b.add(w.replace("DROP_TABLE", "DROP TABLE users;"));
    }
    return new Held(b, from, fixedTail, g);
  }

  private static Result run(List<String> words) {
    List<Arg> args = new ArrayList<>();
    int pos = words.get(0).length() + 1;
    for (String w : words.subList(1, words.size())) {
      args.add(new Arg(w, 0, pos, pos + w.length()));
      pos += w.length() + 1;
    }
    String text = String.join(" ", words);
    if (words.get(0).equals("kubectl") && words.contains("statefulset/postgres")) {
      args.add(new Arg("--", 0, pos, pos + 2));
      args.add(new Arg("psql", 0, pos + 3, pos + 7));
      args.add(new Arg("-c", 0, pos + 8, pos + 10));
      args.add(new Arg("DROP TABLE orders;", 0, pos + 11, pos + 29));
      text = text + " -- psql -c DROP TABLE orders;";
    }
    return PackHarness.run(
        new Invocation(words.get(0), args, 0, text.length(), text, null), Environment.UNKNOWN);
  }

  private static String signature(Result r) {
    List<String> nested = new ArrayList<>();
    for (Nested n : r.nested()) {
      nested.add(n.kind() + ":" + n.text() + "@" + n.env());
    }
    Collections.sort(nested);
    Finding w = r.worstFinding();
    return (w == null ? "-" : w.severity() + " " + w.ruleId() + "@" + w.environment())
        + " "
        + nested;
  }

  @Property(tries = 600)
  void optionOrder_ofHeldCommands_keepsTheJudgement(
      @ForAll @IntRange(min = 0, max = 22) int which, @ForAll long seed) {
    Held h = HELD.get(which % HELD.size());
    List<String> canonical = new ArrayList<>(h.base());
    for (List<String> g : h.groups()) {
      canonical.addAll(canonical.size() - h.fixedTail(), g);
    }
    Result expected = run(canonical);
    assertThat(expected.heldOrHandedOn()).as("canonical %s: %s", canonical, expected).isTrue();
    Random rnd = new Random(seed);
    List<List<String>> groups = new ArrayList<>(h.groups());
    Collections.shuffle(groups, rnd);
    List<List<String>> units = new ArrayList<>();
    for (String w : h.base()) {
      units.add(List.of(w));
    }
    for (List<String> g : groups) {
      int hi = units.size() - h.fixedTail();
      units.add(h.from() + rnd.nextInt(hi - h.from() + 1), g);
    }
    List<String> variant = new ArrayList<>();
    for (List<String> u : units) {
      variant.addAll(u);
    }
    Result got = run(variant);
    assertThat(signature(got))
        .as("variant %s of %s", variant, canonical)
        .isEqualTo(signature(expected));
  }
}
