package dev.airlock.classify.shell.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Unit tests of the parser's output contract beyond the tree shapes in the case file. */
class ShellParserTest {

  private static Script parse(String source) {
    return ShellParser.parse(source, Limits.DEFAULT);
  }

  private static SimpleCommand onlyCommand(Script script) {
    assertThat(script.body()).hasSize(1);
    return (SimpleCommand) script.body().get(0);
  }

  private static <T> T present(@Nullable T value) {
    assertThat(value).isNotNull();
    return Objects.requireNonNull(value);
  }

  private static Limits limits(int depth, int words) {
    Limits d = Limits.DEFAULT;
    return new Limits(
        d.maxInputChars(),
        depth,
        words,
        d.maxNesting(),
        d.maxFindings(),
        d.maxStatements(),
        d.json());
  }

  @Test
  void spans_simpleCommand_coverEachWordExactly() {
    String src = "rm  -rf /tmp ";
    SimpleCommand c = onlyCommand(parse(src));
    assertThat(c.span()).isEqualTo(new Span(0, 12));
    assertThat(c.words()).extracting(w -> w.span().of(src)).containsExactly("rm", "-rf", "/tmp");
  }

  @Test
  void spans_continuationInsideWord_coverTheJoinedCharacters() {
    String src = "r\\\nm -rf /";
    Word w = onlyCommand(parse(src)).words().get(0);
    assertThat(w.span()).isEqualTo(new Span(0, 4));
    assertThat(w.parts())
        .singleElement()
        .isEqualTo(new Literal("rm", false, false, new Span(0, 4)));
  }

  @Test
  void commandSub_nestedScript_sharesTheTopLevelSourceAndOffsets() {
    String src = "echo \"$(rm -rf /)\"";
    Script script = parse(src);
    DoubleQuoted dq = (DoubleQuoted) onlyCommand(script).words().get(1).parts().get(0);
    CommandSub sub = (CommandSub) dq.parts().get(0);
    assertThat(sub.backtick()).isFalse();
    assertThat(sub.span().of(src)).isEqualTo("$(rm -rf /)");
    assertThat(sub.body().source()).isSameAs(src);
    SimpleCommand inner = onlyCommand(sub.body());
    assertThat(inner.span().of(src)).isEqualTo("rm -rf /");
    assertThat(inner.words().get(2).span().of(src)).isEqualTo("/");
  }

  @Test
  void backtick_innerNodes_takeTheSpanOfTheWholeSubstitution() {
    String src = "echo `echo \\`rm -rf /\\``";
    CommandSub outer = (CommandSub) onlyCommand(parse(src)).words().get(1).parts().get(0);
    assertThat(outer.backtick()).isTrue();
    assertThat(outer.span()).isEqualTo(new Span(5, src.length()));
    SimpleCommand echo = onlyCommand(outer.body());
    assertThat(echo.span()).isEqualTo(outer.span());
    CommandSub inner = (CommandSub) echo.words().get(1).parts().get(0);
    SimpleCommand rm = onlyCommand(inner.body());
    assertThat(rm.words()).extracting(WordText::of).containsExactly("rm", "-rf", "/");
    assertThat(rm.span()).isEqualTo(outer.span());
    assertThat(inner.body().source()).isSameAs(src);
  }

  @Test
  void backtick_errorInside_isReportedAtTheBacktickAndInTheTopLevelScript() {
    String src = "echo ok `echo 'x`";
    Script script = parse(src);
    CommandSub sub = (CommandSub) onlyCommand(script).words().get(2).parts().get(0);
    assertThat(sub.body().errors()).extracting(SyntaxError::offset).containsExactly(8);
    assertThat(script.errors())
        .extracting(SyntaxError::message)
        .contains("unterminated single quote");
    assertThat(script.ok()).isFalse();
  }

  @Test
  void commandSub_errorInside_isListedInTheNestedScriptToo() {
    Script script = parse("echo $(echo 'x) done");
    CommandSub sub = (CommandSub) onlyCommand(script).words().get(1).parts().get(0);
    assertThat(sub.body().ok()).isFalse();
    assertThat(script.errors()).containsAll(sub.body().errors());
  }

  @Test
  void heredoc_span_coversTheBodyLinesAfterTheCommandLine() {
    String src = "cat <<EOF | sh\nrm -rf ~\necho $HOME\nEOF\necho next";
    Script script = parse(src);
    assertThat(script.ok()).isTrue();
    Pipeline p = (Pipeline) script.body().get(0);
    Redirect r = ((SimpleCommand) p.stages().get(0)).redirects().get(0);
    Heredoc h = present(r.heredoc());
    assertThat(h.delimiter()).isEqualTo("EOF");
    assertThat(h.quoted()).isFalse();
    assertThat(h.body()).isEqualTo("rm -rf ~\necho $HOME\n");
    assertThat(h.span().of(src)).isEqualTo(h.body());
    assertThat(h.parts()).hasSize(3);
    assertThat(h.parts().get(1)).isInstanceOf(Param.class);
    assertThat(h.parts().get(1).span().of(src)).isEqualTo("$HOME");
    assertThat(r.span().of(src)).isEqualTo("<<EOF");
    assertThat(r.target()).isNotNull();
    assertThat(script.body()).hasSize(2);
  }

  @Test
  void heredoc_quotedDelimiter_hasLiteralBodyAndNoParts() {
    Heredoc h =
        present(onlyCommand(parse("cat <<'E'\"O\"F\n$(id)\nEOF")).redirects().get(0).heredoc());
    assertThat(h.quoted()).isTrue();
    assertThat(h.delimiter()).isEqualTo("EOF");
    assertThat(h.body()).isEqualTo("$(id)\n");
    assertThat(h.parts()).isEmpty();
  }

  @Test
  void heredoc_missingTerminator_keepsTheBodyAndReportsTheOperator() {
    Script script = parse("cat <<END\nrm -rf /\n");
    Heredoc h = present(onlyCommand(script).redirects().get(0).heredoc());
    assertThat(h.body()).isEqualTo("rm -rf /\n");
    assertThat(script.errors())
        .containsExactly(new SyntaxError(4, "here-document delimited by `END` is not terminated"));
  }

  @Test
  void heredoc_insideBackticks_isParsedByTheInnerParser() {
    Word value =
        present(onlyCommand(parse("x=`cat <<EOF\nhi\nEOF\n`")).assignments().get(0).value());
    CommandSub sub = (CommandSub) value.parts().get(0);
    Heredoc h = present(onlyCommand(sub.body()).redirects().get(0).heredoc());
    assertThat(h.body()).isEqualTo("hi\n");
  }

  @Test
  void redirect_fields_holdDescriptorOperatorAndTarget() {
    List<Redirect> rs = onlyCommand(parse("cmd 2>&1 >>log 10<in &>all")).redirects();
    assertThat(rs).extracting(Redirect::fd).containsExactly(2, -1, 10, -1);
    assertThat(rs).extracting(Redirect::operator).containsExactly(">&", ">>", "<", "&>");
    assertThat(rs)
        .extracting(r -> WordText.of(present(r.target())))
        .containsExactly("1", "log", "in", "all");
    assertThat(rs).extracting(Redirect::heredoc).containsOnlyNulls();
  }

  @Test
  void assignment_fields_holdNameValueArrayAndAppend() {
    List<Assignment> as = onlyCommand(parse("A=1 B+=x C=(p q) D= cmd")).assignments();
    assertThat(as).extracting(Assignment::name).containsExactly("A", "B", "C", "D");
    assertThat(as).extracting(Assignment::append).containsExactly(false, true, false, false);
    assertThat(WordText.of(present(as.get(0).value()))).isEqualTo("1");
    assertThat(as.get(2).value()).isNull();
    assertThat(as.get(2).array()).extracting(WordText::of).containsExactly("p", "q");
    assertThat(present(as.get(3).value()).parts()).isEmpty();
  }

  @Test
  void param_fields_holdNameRawOperatorAndNested() {
    Param p = (Param) onlyCommand(parse("echo ${TARGET:-$(pwd)/x}")).words().get(1).parts().get(0);
    assertThat(p.name()).isEqualTo("TARGET");
    assertThat(p.raw()).isEqualTo("${TARGET:-$(pwd)/x}");
    assertThat(p.operator()).isEqualTo(":-");
    assertThat(p.nested()).singleElement().satisfies(w -> assertThat(w.parts()).hasSize(2));
    assertThat(p.nested().get(0).parts().get(0)).isInstanceOf(CommandSub.class);
  }

  @Test
  void literal_flags_markUnquotedGlobsAndBraces() {
    List<Word> ws = onlyCommand(parse("ls *.txt \\*.txt '*' {a,b} \"{a,b}\" [ab] [")).words();
    assertThat(ws)
        .extracting(w -> w.parts().get(0))
        .extracting(p -> p instanceof Literal l && l.glob())
        .containsExactly(false, true, false, false, false, false, true, false);
    assertThat(((Literal) ws.get(4).parts().get(0)).brace()).isTrue();
  }

  @Test
  void pipeline_flags_markNegationAndTime() {
    Pipeline p = (Pipeline) parse("! time grep x f").body().get(0);
    assertThat(p.negated()).isTrue();
    assertThat(p.timed()).isTrue();
    assertThat(p.stages()).hasSize(1);
    assertThat(parse("ls | wc").body().get(0))
        .isInstanceOfSatisfying(
            Pipeline.class, q -> assertThat(q.negated() || q.timed()).isFalse());
  }

  @Test
  void functionDef_name_isTheSourceTextOfTheName() {
    Script script = parse("deploy-prod() { kubectl delete ns prod; }");
    FunctionDef f = (FunctionDef) script.body().get(0);
    assertThat(f.name()).isEqualTo("deploy-prod");
    assertThat(f.body())
        .isInstanceOfSatisfying(Compound.class, c -> assertThat(c.keyword()).isEqualTo("group"));
  }

  @Test
  void errors_badSyntax_keepEverythingParsedAround() {
    Script script = parse("rm -rf / (");
    assertThat(script.ok()).isFalse();
    assertThat(((SimpleCommand) script.body().get(0)).words())
        .extracting(WordText::of)
        .containsExactly("rm", "-rf", "/");
  }

  @Test
  void errors_messages_sayWhatWasWrong() {
    assertThat(parse("echo 'x").errors())
        .containsExactly(new SyntaxError(5, "unterminated single quote"));
    assertThat(parse("echo $(ls").errors())
        .containsExactly(new SyntaxError(5, "unterminated `$(`"));
    assertThat(parse("if a; then b").errors())
        .containsExactly(new SyntaxError(12, "expected `fi` to close `if`"));
    assertThat(parse("ls )").errors()).containsExactly(new SyntaxError(3, "unexpected `)`"));
    assertThat(parse("a |").errors())
        .containsExactly(new SyntaxError(2, "expected a command after `|`"));
  }

  @Test
  void errors_areSortedByOffset() {
    Script script = parse("cat <<EOF; echo 'x");
    assertThat(script.errors()).extracting(SyntaxError::offset).isSorted().hasSize(2);
  }

  @Test
  void limits_tooManyWords_throwMaxWords() {
    assertThatThrownBy(() -> ShellParser.parse("a b c d e f", limits(50, 5)))
        .isInstanceOfSatisfying(
            LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("maxWords"));
    assertThat(ShellParser.parse("a b c d e", limits(50, 5)).ok()).isTrue();
  }

  @Test
  void limits_tooDeep_throwMaxParseDepth() {
    assertThatThrownBy(() -> ShellParser.parse("echo $(echo $(echo $(echo x)))", limits(2, 1000)))
        .isInstanceOfSatisfying(
            LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("maxParseDepth"));
    assertThat(ShellParser.parse("echo $(echo $(echo x))", limits(2, 1000)).ok()).isTrue();
  }

  @Test
  void limits_threadStackTooSmallForTheDepth_throwMaxParseDepthNotStackOverflow()
      throws InterruptedException {
    String deep = "f() { ".repeat(199) + "x" + "; }".repeat(199);
    Throwable[] thrown = new Throwable[1];
    Thread small =
        new Thread(
            null,
            () -> {
              try {
                ShellParser.parse(deep, Limits.DEFAULT);
              } catch (Throwable t) {
                thrown[0] = t;
              }
            },
            "small-stack-parse",
            96 * 1024);
    small.start();
    small.join();
    if (thrown[0] != null) {
      assertThat(thrown[0])
          .isInstanceOfSatisfying(
              LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("maxParseDepth"));
    }
  }

  @Test
  void limits_heredocsParsedTwice_countWordsOnce() {
    assertThat(ShellParser.parse("cat <<A\nx\nA", limits(50, 4)).ok()).isTrue();
    assertThatThrownBy(() -> ShellParser.parse("cat <<A\nx\nA", limits(50, 3)))
        .isInstanceOf(LimitExceededException.class);
  }

  @Test
  void sequence_isNeverProduced_listsHoldTheCommands() {
    Script script = parse("a; b\nc & d");
    assertThat(script.body()).hasSize(4).noneMatch(n -> n instanceof Sequence);
    assertThat(script.body().get(2)).isInstanceOf(Background.class);
  }
}
