package dev.airlock.classify.shell.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the shell parser: it is total, its spans are sane, and quoting is undone. */
class ShellParserPropertiesTest {

  private static final Limits SMALL =
      new Limits(1_000_000, 16, 400, 12, 256, 1_000, Limits.DEFAULT.json());

  /** Parses, then checks the spans; a bound may be exceeded, nothing else may be thrown. */
  private static void parseAndCheck(String source, Limits limits) {
    Script script;
    try {
      script = ShellParser.parse(source, limits);
    } catch (LimitExceededException e) {
      assertThat(e.limit()).isIn("maxParseDepth", "maxWords");
      return;
    }
    assertThat(script.source()).isSameAs(source);
    SpanCheck.check(script);
  }

  @Property(tries = 1000)
  void parse_anyString_neverThrowsAndSpansAreSane(@ForAll String source) {
    parseAndCheck(source, Limits.DEFAULT);
  }

  @Property(tries = 3000)
  void parse_shellishText_neverThrowsAndSpansAreSane(@ForAll("shellish") String source) {
    parseAndCheck(source, Limits.DEFAULT);
    parseAndCheck(source, SMALL);
  }

  @Provide
  Arbitrary<String> shellish() {
    Arbitrary<String> token =
        Arbitraries.of(
            "rm",
            "-rf",
            "/",
            "x",
            "1",
            " ",
            " ",
            "\t",
            "\n",
            ";",
            "&",
            "&&",
            "|",
            "||",
            "|&",
            "(",
            ")",
            "((",
            "))",
            "{",
            "}",
            "{a,b}",
            "[[",
            "]]",
            "[",
            "]",
            "'",
            "\"",
            "`",
            "\\",
            "\\\n",
            "$",
            "$(",
            "$((",
            "$[",
            "${",
            "${x:-",
            "${#",
            "${!",
            "$x",
            "$'",
            "$\"",
            "<",
            ">",
            ">>",
            "<<",
            "<<-",
            "<<<",
            "EOF",
            "\nEOF\n",
            "'EOF'",
            "2>&1",
            "&>",
            "#",
            "!",
            "*",
            "?",
            "~",
            "=",
            "x=",
            "a=(",
            "a[",
            "if",
            "then",
            "elif",
            "else",
            "fi",
            "for",
            "in",
            "do",
            "done",
            "while",
            "until",
            "case",
            "esac",
            ";;",
            ";&",
            ";;&",
            "function",
            "f()",
            "coproc",
            "time",
            "select",
            "<(",
            ">(",
            "@(",
            "!(",
            "=~",
            "\u0000",
            "\r",
            "é",
            "日",
            "😀");
    return token.list().ofMaxSize(60).map(list -> String.join("", list));
  }

  @Property(tries = 2000)
  void quotingVariants_ofOneWord_joinBackToTheWord(@ForAll("quoted") String[] wordAndVariant) {
    String word = wordAndVariant[0];
    String variant = wordAndVariant[1];
    Script script = ShellParser.parse("echo " + variant, Limits.DEFAULT);
    assertThat(script.errors()).as(variant).isEmpty();
    assertThat(script.body()).as(variant).singleElement().isInstanceOf(SimpleCommand.class);
    SimpleCommand c = (SimpleCommand) script.body().get(0);
    assertThat(c.words()).as(variant).hasSize(2);
    assertThat(WordText.of(c.words().get(1))).as(variant).isEqualTo(word);
    SpanCheck.check(script);
  }

  @Provide
  Arbitrary<String[]> quoted() {
    Arbitrary<String> word =
        Arbitraries.strings()
            .withChars("abcXYZ019-_./:@%+,=*?[]{}();&|<>$`'\"\\ #!~\n\t\u0000é日")
            .withChars("😀")
            .ofMinLength(1)
            .ofMaxLength(16);
    return Combinators.combine(word, Arbitraries.longs())
        .as((w, seed) -> new String[] {w, variant(w, new Random(seed))});
  }

  /** Writes {@code word} as shell text: chunks in random quoting styles and joins. */
  static String variant(String word, Random r) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < word.length()) {
      int n = 1 + r.nextInt(Math.min(4, word.length() - i));
      String chunk = word.substring(i, i + n);
      i += n;
      switch (r.nextInt(5)) {
        case 0 -> plain(out, chunk);
        case 1 -> out.append('\'').append(chunk.replace("'", "'\\''")).append('\'');
        case 2 -> doubleQuoted(out.append('"'), chunk).append('"');
        case 3 -> doubleQuoted(out.append("$\""), chunk).append('"');
        default -> ansiC(out, chunk, r);
      }
      int extra = r.nextInt(8);
      if (extra == 0) {
        out.append("''");
      } else if (extra == 1) {
        out.append("\"\"");
      } else if (extra == 2) {
        out.append("\\\n");
      }
    }
    return out.toString();
  }

  private static void plain(StringBuilder out, String chunk) {
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      if (c == '\n') {
        out.append("$'\\n'");
      } else if (Character.isLetterOrDigit(c) || "-_./:@%+,=".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('\\').append(c);
      }
    }
  }

  private static StringBuilder doubleQuoted(StringBuilder out, String chunk) {
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      if (c == '"' || c == '\\' || c == '$' || c == '`') {
        out.append('\\');
      }
      out.append(c);
    }
    return out;
  }

  private static void ansiC(StringBuilder out, String chunk, Random r) {
    out.append("$'");
    for (int i = 0; i < chunk.length(); i++) {
      char c = chunk.charAt(i);
      if (c == '\'' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c > ' ' && c < 0x7f && r.nextBoolean()) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('\'');
  }
}
