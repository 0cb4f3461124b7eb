package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Context;
import dev.airlock.action.Environment;
import dev.airlock.action.HttpAction;
import dev.airlock.action.ShellAction;
import dev.airlock.action.SqlAction;
import dev.airlock.testing.Corpus;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties over the whole gate: whitespace, quoting, wrapper and letter-case variants of a held
 * shell command stay held, and no input of any kind makes the gate throw.
 */
class HeldVariantsProperties {

  private static final Gate GATE = Gate.standard();
  private static final Context DEV = Context.of(Environment.DEVELOPMENT);

  /** Held starter commands that are one plain simple command (no quotes, pipes or expansions). */
  private static final List<String> HELD =
      Corpus.starter().stream()
          .filter(c -> c.json().string("kind") != null && c.json().string("kind").equals("shell"))
          .filter(c -> c.expect().equals("hold"))
          .map(c -> String.valueOf(c.json().string("input")))
          .filter(s -> s.chars().noneMatch(ch -> "'\"$`|;&<>\\(){}*\n".indexOf(ch) >= 0))
          .filter(s -> Character.isLetter(s.charAt(0)) || s.charAt(0) == '/')
          .toList();

  @Provide
  Arbitrary<String> held() {
    return Arbitraries.of(HELD);
  }

  @Property(tries = 300)
  void whitespaceVariants_stayHeld(
      @ForAll("held") String command, @ForAll @IntRange(min = 0, max = 1000) int seed) {
    String[] words = command.trim().split(" +");
    StringBuilder sb = new StringBuilder(seed % 3 == 0 ? "  " : "");
    String[] gaps = {" ", "  ", "\t", " \t ", " \\\n "};
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        sb.append(gaps[(seed + i * 7) % gaps.length]);
      }
      sb.append(words[i]);
    }
    sb.append(seed % 2 == 0 ? " " : "");
    assertHeld(command, sb.toString());
  }

  @Property(tries = 300)
  void quotingVariants_ofTheProgram_stayHeld(
      @ForAll("held") String command, @ForAll @IntRange(min = 0, max = 5) int form) {
    int sp = command.indexOf(' ');
    String prog = sp < 0 ? command : command.substring(0, sp);
    String rest = sp < 0 ? "" : command.substring(sp);
    if (prog.length() < 2) {
      return;
    }
    String quoted =
        switch (form) {
          case 0 -> "'" + prog + "'";
          case 1 -> "\"" + prog + "\"";
          case 2 -> prog.charAt(0) + "''" + prog.substring(1);
          case 3 -> "\\" + prog;
          case 4 -> "\"" + prog.charAt(0) + "\"" + prog.substring(1);
          default -> prog.charAt(0) + "\\\n" + prog.substring(1);
        };
    assertHeld(command, quoted + rest);
  }

  @Property(tries = 400)
  void wrapperVariants_stayHeld(
      @ForAll("held") String command, @ForAll @IntRange(min = 0, max = 13) int form) {
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
          case 12 -> "echo start; " + command + "; echo done";
          default -> "time " + command;
        };
    assertHeld(command, wrapped);
  }

  @Property(tries = 200)
  void letterCaseVariants_ofTheProgram_stayHeld(@ForAll("held") String command) {
    int sp = command.indexOf(' ');
    String prog = sp < 0 ? command : command.substring(0, sp);
    String rest = sp < 0 ? "" : command.substring(sp);
    assertHeld(command, prog.toUpperCase(Locale.ROOT) + rest);
  }

  private static void assertHeld(String original, String variant) {
    assertThat(GATE.check(new ShellAction(original, DEV)).decision().holds())
        .as("original %s", original)
        .isTrue();
    var v = GATE.check(new ShellAction(variant, DEV));
    assertThat(v.decision().holds())
        .as("variant [%s] of [%s]: %s", variant, original, v.ruling().reason())
        .isTrue();
  }

  @Property(tries = 500)
  void gate_neverThrows_onArbitraryText(@ForAll String text) {
    assertThat(GATE.check(new ShellAction(text, DEV)).decision()).isNotNull();
    assertThat(GATE.check(new SqlAction(text, DEV)).decision()).isNotNull();
    assertThat(
            GATE.check(
                    new HttpAction(
                        "POST", "https://backboard.railway.app/graphql/v2", List.of(), text, DEV))
                .decision())
        .isNotNull();
    assertThat(GATE.check(new HttpAction(text, text, List.of(), text, DEV)).decision()).isNotNull();
  }

  @Property(tries = 300)
  void gate_neverThrows_onShellishText(@ForAll("shellish") String text) {
    assertThat(GATE.check(new ShellAction(text, DEV)).decision()).isNotNull();
  }

  @Provide
  Arbitrary<String> shellish() {
    return Arbitraries.strings().withChars("rm -f/~$()`'\"\\|&;<>{}[]*?#=\n\tabc").ofMaxLength(200);
  }
}
