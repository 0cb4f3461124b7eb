package dev.airlock.classify.shell.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import dev.airlock.classify.http.HttpClassifier;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellClassifier;
import dev.airlock.classify.sql.SqlClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the filesystem, disk, git and Windows packs: no argument list makes them throw,
 * every finding they make is well formed, the flag spellings and orders of a held {@code rm} stay
 * held with the same severity, and the held commands of the pack cases keep their severity through
 * the real shell walk when spaced, quoted, wrapped or written in other letter case.
 */
class PackProperties {

  private static final List<CommandRules> PACKS =
      List.of(new FilesystemRules(), new DiskRules(), new GitRules(), new WindowsRules());

  private static final List<String> PROGRAMS = programs();

  private static List<String> programs() {
    Set<String> all = new TreeSet<>();
    for (CommandRules p : PACKS) {
      all.addAll(p.programs());
    }
    return List.copyOf(all);
  }

  /** Words that exercise the packs' parsers: options, subcommands, paths, odd and empty text. */
  private static final List<String> WORDS =
      List.of(
          "-",
          "--",
          "-r",
          "-rf",
          "-R",
          "-f",
          "--force",
          "--recursive",
          "--delete",
          "-d",
          "-D",
          "--hard",
          "--",
          "/",
          "/*",
          "~",
          "~/",
          ".",
          "..",
          "*",
          ".git",
          ".env",
          "node_modules",
          "/dev/sda",
          "of=/dev/sda",
          "if=/dev/zero",
          "of=",
          "if=",
          "C:\\",
          "C:",
          "C:\\*.*",
          "\\\\.\\PhysicalDrive0",
          "/s",
          "/q",
          "/S",
          "/c",
          "-Recurse",
          "-Force",
          "-Path",
          "-c",
          "-Command",
          "-EncodedCommand",
          "-enc",
          "ZwBpAHQA",
          "=",
          "==",
          "push",
          "reset",
          "clean",
          "checkout",
          "restore",
          "stash",
          "drop",
          "branch",
          "destroy",
          "delete",
          "create",
          "eraseDisk",
          "origin",
          ":main",
          "+main",
          "main",
          "HEAD",
          "{}",
          ";",
          "+",
          "-exec",
          "-delete",
          "-name",
          "$X",
          "${HOME}",
          "$(cmd)",
          "%USERPROFILE%",
          "$env:TEMP",
          "a,b",
          "{a,b}",
          "",
          " ",
          "\u0000",
          "日本",
          "x".repeat(300),
          "-s",
          "0",
          "-L",
          "-e",
          "--prune=now",
          "-n",
          "apfs",
          "luksFormat",
          "shadows",
          "/delete",
          "-WhatIf",
          "--exec",
          "run",
          "foreach");

  @Provide
  Arbitrary<Invocation> invocations() {
    Arbitrary<String> program = Arbitraries.of(PROGRAMS);
    Arbitrary<Arg> arg =
        Combinators.combine(
                Arbitraries.oneOf(
                    Arbitraries.of(WORDS), Arbitraries.strings().ofMaxLength(12).ascii()),
                Arbitraries.integers().between(0, 127),
                Arbitraries.integers().between(-5, 400),
                Arbitraries.integers().between(0, 40))
            .as((v, flags, start, len) -> new Arg(v, flags, start, start + len));
    return Combinators.combine(
            program, arg.list().ofMaxSize(12), Arbitraries.strings().ascii().ofMaxLength(60))
        .as((p, args, text) -> new Invocation(p, args, 0, text.length(), text, null));
  }

  @Property(tries = 2000)
  void packs_anyArguments_neverThrowAndMakeWellFormedFindings(
      @ForAll("invocations") Invocation inv) {
    RecordingContext ctx = new RecordingContext();
    ctx.dispatch(inv);
    for (Finding f : ctx.findings()) {
      assertThat(f.ruleId()).startsWith("shell.");
      assertThat(f.reason()).isNotBlank();
      assertThat(f.evidence().start()).isLessThanOrEqualTo(f.evidence().end());
    }
  }

  private static final List<List<String>> RECURSIVE_FORCE =
      List.of(
          List.of("-rf"),
          List.of("-fr"),
          List.of("-r", "-f"),
          List.of("-f", "-r"),
          List.of("-Rf"),
          List.of("-fR"),
          List.of("-R", "-f"),
          List.of("--recursive", "--force"),
          List.of("--force", "--recursive"),
          List.of("-r", "--force"),
          List.of("--recursive", "-f"),
          List.of("-rfv"),
          List.of("-vRf"),
          List.of("-r", "-f", "-v", "-I"),
          List.of("-r"),
          List.of("--recursive"),
          List.of("-R"));

  /** Held targets of a recursive rm and the severity they must keep. */
  private static final List<Object[]> HELD =
      List.of(
          new Object[] {"/", Severity.CATASTROPHIC},
          new Object[] {"/*", Severity.CATASTROPHIC},
          new Object[] {"~", Severity.CATASTROPHIC},
          new Object[] {"~/", Severity.CATASTROPHIC},
          new Object[] {"$HOME", Severity.CATASTROPHIC},
          new Object[] {"/etc", Severity.CATASTROPHIC},
          new Object[] {"/var/lib/postgresql", Severity.CATASTROPHIC},
          new Object[] {"/srv/data", Severity.CATASTROPHIC},
          new Object[] {".git", Severity.DESTRUCTIVE},
          new Object[] {"*", Severity.DESTRUCTIVE},
          new Object[] {".", Severity.DESTRUCTIVE},
          new Object[] {"$DIR", Severity.DESTRUCTIVE},
          new Object[] {"src/legacy", Severity.DESTRUCTIVE},
          new Object[] {"~/.ssh", Severity.DESTRUCTIVE});

  @Property(tries = 1000)
  void rm_flagSpellingsOrdersAndPositions_keepTheSeverity(
      @ForAll @IntRange(min = 0, max = 10_000) int flagForm,
      @ForAll @IntRange(min = 0, max = 10_000) int target,
      @ForAll @IntRange(min = 0, max = 5) int layout) {
    List<String> flags = RECURSIVE_FORCE.get(flagForm % RECURSIVE_FORCE.size());
    Object[] held = HELD.get(target % HELD.size());
    String path = (String) held[0];
    Severity expected = (Severity) held[1];
    String prog = List.of("rm", "/bin/rm", "/usr/bin/rm", "RM", "rm.exe", "rm").get(layout);
    List<String> words = new ArrayList<>();
    words.add(prog);
    switch (layout % 3) {
      case 0 -> {
        words.addAll(flags);
        words.add(path);
      }
      case 1 -> {
        words.add(path);
        words.addAll(flags);
      }
      default -> {
        words.addAll(flags);
        words.add("--");
        words.add(path);
      }
    }
    RecordingContext ctx = RecordingContext.classify(String.join(" ", words));
    assertThat(ctx.worst())
        .as("%s → %s", String.join(" ", words), PackCasesTest.describe(ctx.findings()))
        .isEqualTo(expected);
  }

  @Property(tries = 300)
  void rm_heldTargetAmongRegenerableOnes_staysHeld(
      @ForAll @IntRange(min = 0, max = 10_000) int target,
      @ForAll @IntRange(min = 0, max = 3) int position) {
    Object[] held = HELD.get(target % HELD.size());
    List<String> targets = new ArrayList<>(List.of("node_modules", "dist", "/tmp/x"));
    targets.add(position, (String) held[0]);
    String line = "rm -rf " + String.join(" ", targets);
    RecordingContext ctx = RecordingContext.classify(line);
    assertThat(ctx.worst()).as(line).isEqualTo(held[1]);
  }

  @Property(tries = 300)
  void windows_letterCaseVariants_keepTheSeverity(
      @ForAll @IntRange(min = 0, max = 3) int command, @ForAll long seed) {
    String line =
        List.of(
                "Remove-Item -Recurse -Force C:\\",
                "rmdir /s /q C:\\",
                "del /f /s /q C:\\*.*",
                "vssadmin delete shadows /all /quiet")
            .get(command);
    StringBuilder sb = new StringBuilder();
    long bits = seed;
    for (char c : line.toCharArray()) {
      sb.append((bits & 1) == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
      bits = Long.rotateRight(bits, 1);
    }
    RecordingContext ctx = RecordingContext.classify(sb.toString());
    assertThat(ctx.worst())
        .as(sb + " → " + PackCasesTest.describe(ctx.findings()))
        .isEqualTo(Severity.CATASTROPHIC);
  }

  @Property(tries = 200)
  void git_forcePushToSharedBranch_isCatastrophicInAnySpelling(
      @ForAll @IntRange(min = 0, max = 5) int spelling,
      @ForAll @IntRange(min = 0, max = 4) int branch) {
    String b = List.of("main", "master", "develop", "release/1.2", "production").get(branch);
    String line =
        switch (spelling) {
          case 0 -> "git push --force origin " + b;
          case 1 -> "git push -f origin " + b;
          case 2 -> "git push origin +" + b;
          case 3 -> "git push origin HEAD:" + b + " --force";
          case 4 -> "git -C repo push -f origin refs/heads/" + b;
          default -> "git push origin " + b + " -f";
        };
    RecordingContext ctx = RecordingContext.classify(line);
    assertThat(ctx.worst()).as(line).isEqualTo(Severity.CATASTROPHIC);
    assertThat(ctx.findings())
        .anyMatch(f -> f.resource().toLowerCase(Locale.ROOT).contains("on origin"));
  }

  // ---- through the real shell walk

  private static final ShellClassifier SHELL =
      new ShellClassifier(new SqlClassifier(), new HttpClassifier());

  /** Held pack cases that are one plain simple command (no quotes, operators or expansions). */
  private static final List<String> HELD_CASES =
      PackCasesTest.cases().stream()
          .filter(c -> c.severity() != Severity.SAFE && c.severity() != Severity.UNKNOWN)
          .map(PackCasesTest.Case::cmd)
          .filter(s -> s.chars().noneMatch(ch -> "'\"$`|;&<>\\(){}*?[]#~\n".indexOf(ch) >= 0))
          .filter(s -> Character.isLetter(s.charAt(0)) || s.charAt(0) == '/')
          .toList();

  @Provide
  Arbitrary<String> heldCases() {
    return Arbitraries.of(HELD_CASES);
  }

  /** The worst severity the full shell classifier gives a command line. */
  private static Severity walk(String line) {
    Analysis out = new Analysis(Limits.DEFAULT, Trace.OFF);
    SHELL.classify(line, Scope.root("command", Environment.DEVELOPMENT), out);
    Severity worst = Severity.SAFE;
    for (Finding f : out.findings()) {
      worst = Severity.worst(worst, f.severity());
    }
    return worst;
  }

  private static void assertSame(String original, String variant) {
    Severity expected = walk(original);
    assertThat(expected).as("original [%s]", original).isNotEqualTo(Severity.SAFE);
    assertThat(walk(variant)).as("variant [%s] of [%s]", variant, original).isEqualTo(expected);
  }

  @Property(tries = 300)
  void walk_whitespaceVariants_keepTheSeverity(
      @ForAll("heldCases") String command, @ForAll @IntRange(min = 0, max = 1000) int seed) {
    String[] words = command.trim().split(" +");
    String[] gaps = {" ", "  ", "\t", " \t ", " \\\n "};
    StringBuilder sb = new StringBuilder(seed % 3 == 0 ? " \t" : "");
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        sb.append(gaps[(seed + i * 7) % gaps.length]);
      }
      sb.append(words[i]);
    }
    sb.append(seed % 2 == 0 ? "  " : "");
    assertSame(command, sb.toString());
  }

  @Property(tries = 400)
  void walk_quotingVariants_keepTheSeverity(
      @ForAll("heldCases") String command,
      @ForAll @IntRange(min = 0, max = 5) int form,
      @ForAll @IntRange(min = 0, max = 30) int wordAt) {
    List<String> words = new ArrayList<>(List.of(command.trim().split(" +")));
    int i = wordAt % words.size();
    String w = words.get(i);
    words.set(
        i,
        switch (form) {
          case 0 -> "'" + w + "'";
          case 1 -> "\"" + w + "\"";
          case 2 -> w.charAt(0) + "''" + w.substring(1);
          case 3 -> "\\" + w;
          case 4 -> "\"" + w.charAt(0) + "\"" + w.substring(1);
          default -> w.length() < 2 ? w : w.charAt(0) + "\\\n" + w.substring(1);
        });
    assertSame(command, String.join(" ", words));
  }

  @Property(tries = 400)
  void walk_wrapperVariants_keepTheSeverity(
      @ForAll("heldCases") String command, @ForAll @IntRange(min = 0, max = 12) int form) {
    String wrapped =
        switch (form) {
          case 0 -> "sudo " + command;
          case 1 -> "sudo -u root -E " + command;
          case 2 -> "env FOO=1 " + command;
          case 3 -> "nice -n 10 " + command;
          case 4 -> "timeout 30 " + command;
          case 5 -> "nohup " + command;
          case 6 -> "command " + command;
          case 7 -> "bash -c '" + command + "'";
          case 8 -> "sh -c \"" + command + "\"";
          case 9 -> "( " + command + " )";
          case 10 -> "{ " + command + "; }";
          case 11 -> "true && " + command;
          default -> "echo start; " + command + "; echo done";
        };
    assertSame(command, wrapped);
  }

  @Property(tries = 200)
  void walk_upperCaseProgram_staysHeld(@ForAll("heldCases") String command) {
    int sp = command.indexOf(' ');
    String prog = sp < 0 ? command : command.substring(0, sp);
    String rest = sp < 0 ? "" : command.substring(sp);
    String variant = prog.toUpperCase(Locale.ROOT) + rest;
    assertThat(walk(variant)).as("variant [%s]", variant).isNotEqualTo(Severity.SAFE);
  }

  /**
   * Options after the program {@code command} runs belong to that program: {@code command rm -v -rf
   * /} runs rm, it does not look rm up. Regression for the look-up read anywhere in argv.
   */
  @Example
  void walk_commandWrapperWithAVerboseFlag_runsTheCommand() {
    assertThat(walk("command shred -v -n 1 /dev/sda")).isEqualTo(walk("shred -v -n 1 /dev/sda"));
    assertThat(walk("command rm -v -rf /")).isEqualTo(Severity.CATASTROPHIC);
    assertThat(walk("command -v rm")).isEqualTo(Severity.SAFE);
  }
}
