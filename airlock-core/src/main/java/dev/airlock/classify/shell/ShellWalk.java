package dev.airlock.classify.shell;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.FindingBuilder;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentVariables;
import dev.airlock.classify.http.HttpRequest;
import dev.airlock.classify.shell.syntax.AndOr;
import dev.airlock.classify.shell.syntax.Assignment;
import dev.airlock.classify.shell.syntax.Background;
import dev.airlock.classify.shell.syntax.CommandSub;
import dev.airlock.classify.shell.syntax.Compound;
import dev.airlock.classify.shell.syntax.FunctionDef;
import dev.airlock.classify.shell.syntax.Heredoc;
import dev.airlock.classify.shell.syntax.Literal;
import dev.airlock.classify.shell.syntax.Node;
import dev.airlock.classify.shell.syntax.Pipeline;
import dev.airlock.classify.shell.syntax.ProcessSub;
import dev.airlock.classify.shell.syntax.Redirect;
import dev.airlock.classify.shell.syntax.Script;
import dev.airlock.classify.shell.syntax.Sequence;
import dev.airlock.classify.shell.syntax.SimpleCommand;
import dev.airlock.classify.shell.syntax.Word;
import dev.airlock.classify.shell.syntax.WordPart;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Walks the syntax tree of one piece of shell text and classifies every command that could run:
 * simple commands wherever they sit (pipelines, lists, compound commands, function bodies, command
 * and process substitutions, heredoc expansions), with wrappers looked through and nested code
 * handed to the classifier that understands it. One walk per text; nested text gets its own walk.
 *
 * <p>Implementation notes: a function body is judged where the function is defined, as if it ran,
 * and not again where it is called; variables resolve only from unconditional literal assignments
 * ({@link Bindings}); the standard input of a pipeline stage is described by {@link PipeOrigin}.
 */
final class ShellWalk implements ShellContext, WordResolver.CodeSink {

  private final ShellClassifier classifier;
  private final String text;
  private Scope scope;
  private final Analysis out;
  private final Bindings bindings;
  private final WordResolver words;
  private int conditional;
  private @Nullable PipeOrigin currentOrigin;

  /**
   * The environment named by variables this shell has set so far ({@code export AWS_PROFILE=prod},
   * a plain {@code KUBECONFIG=...}); it applies to every later command of the text, conditionally
   * set or not, since it can only make the judgement stricter (see {@link #stricter}).
   */
  private Environment assigned = Environment.UNKNOWN;

  ShellWalk(ShellClassifier classifier, String text, Scope scope, Analysis out, Bindings bindings) {
    this.classifier = classifier;
    this.text = text;
    this.scope = scope;
    this.out = out;
    this.bindings = bindings;
    this.words = new WordResolver(bindings, this);
  }

  String text() {
    return text;
  }

  Scope scope() {
    return scope;
  }

  ShellClassifier classifier() {
    return classifier;
  }

  /** Parses the text and walks it; reports syntax errors and lines that run nothing. */
  void walkText() {
    int before = out.findings().size();
    if (text.indexOf('\0') >= 0) {
      scope
          .finding(Kind.SHELL, "shell.binary-input")
          .program("sh")
          .severity(Severity.UNKNOWN)
          .reason("the command contains NUL bytes, which shells handle inconsistently; held")
          .evidence(0, Math.min(text.length(), 80), text)
          .addTo(out);
    }
    Script script = classifier.parse(text, out.limits());
    if (!script.ok()) {
      var e = script.errors().getFirst();
      int at = Math.min(Math.max(0, e.offset()), text.length());
      scope
          .finding(Kind.SHELL, "shell.syntax-error")
          .program("sh")
          .severity(Severity.UNKNOWN)
          .reason(
              "the command is not valid shell ("
                  + e.message()
                  + " at offset "
                  + e.offset()
                  + "); what a shell would make of it cannot be judged, so it is held")
          .evidence(at, Math.min(text.length(), at + 40), excerpt(at))
          .addTo(out);
    }
    if (out.trace().enabled()) {
      note(
          "shell: parsed "
              + script.body().size()
              + " top-level command"
              + (script.body().size() == 1 ? "" : "s")
              + (script.ok() ? "" : " with " + script.errors().size() + " syntax error(s)")
              + (scope.via().isEmpty() ? "" : " inside " + String.join(" > ", scope.via())));
    }
    for (Node n : script.body()) {
      walk(n, null);
    }
    if (out.findings().size() == before) {
      scope
          .finding(Kind.SHELL, "shell.nothing-to-run")
          .program("sh")
          .severity(Severity.SAFE)
          .read()
          .reason("nothing runs: the line is empty, a comment or only assignments")
          .evidence(0, Math.min(text.length(), 80), text)
          .addTo(out);
    }
  }

  private String excerpt(int at) {
    int s = Math.max(0, at - 20);
    return text.substring(s, Math.min(text.length(), at + 20));
  }

  private void walk(Node node, @Nullable PipeOrigin origin) {
    // Type tests rather than a pattern switch, which would spin up a class at every hook start.
    if (node instanceof SimpleCommand c) {
      simple(c, origin);
    } else if (node instanceof Pipeline p) {
      List<Node> stages = p.stages();
      for (int i = 0; i < stages.size(); i++) {
        walk(stages.get(i), i == 0 ? origin : PipeOrigin.of(this, stages, i));
      }
    } else if (node instanceof AndOr a) {
      walk(a.left(), origin);
      conditional++;
      walk(a.right(), null);
      conditional--;
    } else if (node instanceof Sequence s) {
      for (Node n : s.items()) {
        walk(n, null);
      }
    } else if (node instanceof Background b) {
      walk(b.command(), origin);
    } else if (node instanceof Compound c) {
      compound(c, origin);
    } else if (node instanceof FunctionDef f) {
      function(f);
    } else {
      throw new IllegalStateException("unknown shell node " + node.getClass().getSimpleName());
    }
  }

  private void compound(Compound c, @Nullable PipeOrigin origin) {
    for (Word w : c.words()) {
      words.resolve(w);
    }
    boolean branches = !(c.keyword().equals("subshell") || c.keyword().equals("group"));
    if (branches) {
      conditional++;
    }
    for (Node n : c.body()) {
      walk(n, origin);
    }
    if (branches) {
      conditional--;
    }
    redirects(c.redirects(), null);
  }

  private void function(FunctionDef f) {
    bindings.define(f);
    if (tracing()) {
      note("shell: function " + f.name() + " defined; its body is judged as if it runs");
    }
    if (callsItself(f.body(), f.name())) {
      scope
          .finding(Kind.SHELL, "shell.fork-bomb")
          .program(f.name())
          .verb("fork-bomb")
          .severity(Severity.DESTRUCTIVE)
          .reason(
              "function "
                  + f.name()
                  + " calls itself in a pipeline or in the background: a fork bomb that exhausts the machine")
          .evidence(f.span().start(), f.span().end(), f.span().of(text))
          .addTo(out);
    }
    conditional++;
    walk(f.body(), null);
    conditional--;
  }

  private static boolean callsItself(Node body, String name) {
    return switch (body) {
      case Pipeline p ->
          p.stages().size() > 1 && p.stages().stream().anyMatch(s -> invokes(s, name));
      case Background b -> invokes(b.command(), name) || callsItself(b.command(), name);
      case Sequence s -> s.items().stream().anyMatch(n -> callsItself(n, name));
      case AndOr a -> callsItself(a.left(), name) || callsItself(a.right(), name);
      case Compound c -> c.body().stream().anyMatch(n -> callsItself(n, name));
      default -> false;
    };
  }

  private static boolean invokes(Node n, String name) {
    if (n instanceof SimpleCommand s && !s.words().isEmpty()) {
      List<WordPart> parts = s.words().getFirst().parts();
      return parts.size() == 1 && parts.getFirst() instanceof Literal l && l.text().equals(name);
    }
    return n instanceof Pipeline p && p.stages().stream().anyMatch(x -> invokes(x, name));
  }

  private void simple(SimpleCommand c, @Nullable PipeOrigin origin) {
    Environment prefix = Environment.UNKNOWN;
    for (Assignment a : c.assignments()) {
      Arg value = a.value() == null ? null : words.resolve(a.value());
      for (Word w : a.array()) {
        words.resolve(w);
      }
      Environment marked =
          value == null ? Environment.UNKNOWN : EnvironmentVariables.of(a.name(), value.value());
      if (c.words().isEmpty()) {
        bindings.assign(
            a.name(),
            value != null && value.isLiteral() && !a.append() ? value.value() : null,
            conditional == 0);
        setsVariable(a.name() + "=" + (value == null ? "" : value.value()), marked);
      } else {
        prefix = prefix.combine(marked);
      }
    }
    List<Arg> args = new ArrayList<>(c.words().size());
    for (Word w : c.words()) {
      args.add(words.resolve(w));
    }
    Invocation.Input input = redirects(c.redirects(), args.isEmpty() ? null : args.getFirst());
    if (args.isEmpty()) {
      return;
    }
    if (input == null && origin != null) {
      input = origin.input();
    }
    Arg name = args.getFirst();
    if (name.dynamic() || name.value().isEmpty()) {
      dynamicCommand(c, name);
      return;
    }
    Invocation inv =
        new Invocation(
            name.value(),
            args.subList(1, args.size()),
            c.span().start(),
            c.span().end(),
            c.span().of(text),
            input);
    if (DECLARATIONS.contains(inv.program())) {
      declaration(inv);
    }
    Scope savedScope = scope;
    Environment carried = stricter(assigned.combine(prefix));
    if (carried != Environment.UNKNOWN) {
      scope = scope.detected(carried);
      if (prefix != Environment.UNKNOWN) {
        note(
            "shell: variables set for "
                + inv.program()
                + " mark "
                + prefix.id()
                + "; judged as "
                + scope.environment().id());
      }
    }
    PipeOrigin saved = currentOrigin;
    currentOrigin = input != null && input.kind() == Invocation.InputKind.PIPE ? origin : null;
    try {
      dispatch(inv);
    } finally {
      currentOrigin = saved;
      scope = savedScope;
    }
  }

  /** Builtins that set shell variables from {@code NAME=value} arguments. */
  private static final Set<String> DECLARATIONS =
      Set.of("export", "declare", "typeset", "local", "readonly");

  /** Records the variables an {@code export NAME=value} (or declare, ...) sets. */
  private void declaration(Invocation inv) {
    for (Arg a : inv.args()) {
      String v = a.value();
      int eq = v.indexOf('=');
      if (eq > 0 && isName(v.substring(0, eq))) {
        setsVariable(v, EnvironmentVariables.of(v.substring(0, eq), v.substring(eq + 1)));
      }
    }
  }

  private void setsVariable(String assignment, Environment marked) {
    Environment e = stricter(marked);
    if (e == Environment.UNKNOWN) {
      return;
    }
    assigned = assigned.combine(e);
    note("shell: " + oneLine(assignment) + " marks " + e.id() + " for the commands after it");
  }

  /**
   * The part of an environment named by a variable that may count: production always, a lower
   * environment only over a concrete one (where combining can only pick the riskier). A variable
   * never turns an unknown environment, which counts as production, into a lower one: the value of
   * an unrelated or stale variable must not make an action look safer.
   */
  Environment stricter(Environment marked) {
    if (marked == Environment.PRODUCTION) {
      return marked;
    }
    if (marked == Environment.UNKNOWN || scope.environment() == Environment.UNKNOWN) {
      return Environment.UNKNOWN;
    }
    return marked;
  }

  static boolean isName(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!(Character.isLetterOrDigit(ch) || ch == '_')) {
        return false;
      }
    }
    return true;
  }

  private void dynamicCommand(SimpleCommand c, Arg name) {
    scope
        .finding(Kind.SHELL, "shell.dynamic-command")
        .program(name.value())
        .verb("run")
        .severity(Severity.UNKNOWN)
        .reason(
            "the program to run is "
                + (name.value().isEmpty() ? "an empty word" : name.value())
                + ", which is only known when the line runs; Airlock cannot tell what it would do, so it is held")
        .evidence(c.span().start(), c.span().end(), c.span().of(text))
        .addTo(out);
  }

  /** Classifies redirections and returns the standard input they give the command, if any. */
  private Invocation.@Nullable Input redirects(List<Redirect> redirects, @Nullable Arg command) {
    Invocation.Input input = null;
    for (Redirect r : redirects) {
      Heredoc h = r.heredoc();
      if (h != null) {
        boolean dynamic = false;
        if (!h.quoted()) {
          for (WordPart p : h.parts()) {
            if (!(p instanceof Literal)) {
              dynamic = true;
              if (p instanceof CommandSub cs) {
                commandSub(cs);
              }
            }
          }
        }
        input =
            new Invocation.Input(
                Invocation.InputKind.HEREDOC, h.body(), dynamic, h.span().start(), h.span().end());
        continue;
      }
      Word target = r.target();
      if (target == null) {
        continue;
      }
      Arg t = words.resolve(target);
      switch (r.operator()) {
        case "<<<" ->
            input =
                new Invocation.Input(
                    Invocation.InputKind.HERESTRING, t.value(), t.dynamic(), t.start(), t.end());
        case "<" ->
            input =
                new Invocation.Input(
                    Invocation.InputKind.FILE, t.value(), t.dynamic(), t.start(), t.end());
        case ">", ">|", "&>", ">>", "&>>", "<>" -> Redirections.judge(this, r, t, command);
        default -> {}
      }
    }
    return input;
  }

  /** Sends an invocation through wrappers, rule packs and the generic rules. */
  void dispatch(Invocation inv) {
    if (bindings.function(inv.name()) != null) {
      finding(inv, "shell.function-call")
          .verb("call")
          .severity(Severity.SAFE)
          .reason("calls function " + inv.name() + ", whose body is judged where it is defined")
          .addTo(out);
      return;
    }
    if (Launchers.handle(inv, this)) {
      return;
    }
    CommandRules pack = classifier.pack(inv.program());
    int before = out.findings().size();
    if (pack != null) {
      if (tracing()) {
        note("shell: " + inv.program() + " judged by the " + pack.name() + " rule pack");
      }
      pack.classify(inv, this);
      if (out.findings().size() == before) {
        finding(inv, "shell." + pack.name() + ".no-match")
            .severity(Severity.SAFE)
            .reason(
                "no "
                    + pack.name()
                    + " rule matched: nothing destructive recognised in "
                    + inv.program())
            .addTo(out);
      }
      return;
    }
    GenericRules.classify(inv, this);
  }

  /** The pipe feeding the invocation being dispatched, if any. */
  @Nullable PipeOrigin origin() {
    return currentOrigin;
  }

  // ---- WordResolver.CodeSink: code inside words runs when the word is expanded

  @Override
  public void commandSub(CommandSub sub) {
    if (tracing()) {
      note(
          "shell: command substitution at "
              + sub.span().start()
              + " runs: "
              + oneLine(sub.span().of(text)));
    }
    walkScript(sub.body());
  }

  @Override
  public void processSub(ProcessSub sub) {
    walkScript(sub.body());
  }

  @Override
  public void nestedWord(Word word) {
    words.resolve(word);
  }

  private void walkScript(Script s) {
    conditional++;
    for (Node n : s.body()) {
      walk(n, null);
    }
    conditional--;
  }

  // ---- ShellContext

  @Override
  public FindingBuilder finding(Invocation invocation, String ruleId) {
    return scope
        .finding(Kind.SHELL, ruleId)
        .program(invocation.program())
        .evidence(invocation.start(), invocation.end(), invocation.text());
  }

  @Override
  public Analysis analysis() {
    return out;
  }

  @Override
  public Environment environment() {
    return scope.environment();
  }

  @Override
  public void sql(Invocation invocation, Arg arg, Environment detected) {
    if (arg.substituted()) {
      finding(invocation, "shell.sql.dynamic")
          .verb("execute")
          .severity(Severity.UNKNOWN)
          .detected(detected)
          .reason(
              "the SQL comes from a command's output ("
                  + arg.value()
                  + "), known only when it runs; held")
          .addTo(out);
      return;
    }
    Scope s =
        scope
            .detected(detected)
            .nested(out.limits(), arg.start(), arg.end(), verbatimOffset(arg))
            .through(invocation.program());
    if (tracing()) {
      note("shell: " + invocation.program() + " runs SQL: " + oneLine(arg.value()));
    }
    classifier.sql().classify(arg.value(), s, out);
  }

  @Override
  public void sql(Invocation invocation, String sqlText, Environment detected) {
    Scope s =
        scope
            .detected(detected)
            .nested(out.limits(), invocation.start(), invocation.end(), -1)
            .through(invocation.program());
    if (tracing()) {
      note("shell: " + invocation.program() + " reads SQL from its input: " + oneLine(sqlText));
    }
    classifier.sql().classify(sqlText, s, out);
  }

  @Override
  public void http(Invocation invocation, HttpRequest request, Environment detected) {
    Scope s =
        scope
            .detected(detected)
            .nested(out.limits(), invocation.start(), invocation.end(), -1)
            .through(invocation.program());
    if (tracing()) {
      note(
          "shell: "
              + invocation.program()
              + " sends "
              + request.normalizedMethod()
              + " "
              + request.url()
              + (request.body().isEmpty()
                  ? ""
                  : " with a body of " + request.body().length() + " chars"));
    }
    classifier.http().classify(request, s, out);
  }

  @Override
  public void shell(Invocation invocation, Arg code, String via, Environment detected) {
    if (code.substituted() && isWholeSubstitution(code)) {
      finding(invocation, "shell.dynamic-code")
          .verb("execute")
          .severity(Severity.UNKNOWN)
          .detected(detected)
          .reason(
              via
                  + " runs text produced by a command at run time ("
                  + code.value()
                  + "); what it does cannot be known before it runs")
          .addTo(out);
      return;
    }
    Scope s =
        scope
            .detected(detected)
            .nested(out.limits(), code.start(), code.end(), verbatimOffset(code))
            .through(via);
    if (tracing()) {
      note("shell: " + via + " runs: " + oneLine(code.value()));
    }
    new ShellWalk(classifier, code.value(), s, out, new Bindings()).walkText();
  }

  /**
   * Walks shell text that is not a verbatim part of this text (decoded, joined or read from input).
   */
  void shellText(Invocation invocation, String code, String via, Environment detected) {
    Scope s =
        scope
            .detected(detected)
            .nested(out.limits(), invocation.start(), invocation.end(), -1)
            .through(via);
    if (tracing()) {
      note("shell: " + via + " runs: " + oneLine(code));
    }
    new ShellWalk(classifier, code, s, out, new Bindings()).walkText();
  }

  @Override
  public void command(Invocation invocation, List<Arg> argv, String via, Environment detected) {
    if (argv.isEmpty()) {
      return;
    }
    Arg name = argv.getFirst();
    Scope s = scope.detected(detected).nested(out.limits(), 0, text.length(), 0).through(via);
    ShellWalk child = new ShellWalk(classifier, text, s, out, bindings);
    int start = Math.min(name.start(), invocation.end());
    int end = Math.max(start, Math.min(argv.getLast().end(), text.length()));
    if (end <= start) {
      start = invocation.start();
      end = invocation.end();
    }
    if (name.dynamic()) {
      child
          .finding(invocation, "shell.dynamic-command")
          .program(name.value())
          .verb("run")
          .severity(Severity.UNKNOWN)
          .reason(
              via + " runs a program named by " + name.value() + ", only known when it runs; held")
          .addTo(out);
      return;
    }
    if (tracing()) {
      note("shell: " + via + " runs " + name.value());
    }
    child.dispatch(
        new Invocation(
            name.value(),
            argv.subList(1, argv.size()),
            start,
            end,
            text.substring(start, end),
            invocation.input()));
  }

  @Override
  public void note(String line) {
    if (tracing()) {
      out.note(line);
    }
  }

  // ---- helpers

  /** Whether trace lines are kept: build a line only when they are. */
  boolean tracing() {
    return out.trace().enabled();
  }

  /** Where the value of an argument starts in this text if it is a verbatim substring, else -1. */
  int verbatimOffset(Arg arg) {
    if (arg.end() > text.length() || arg.start() >= arg.end()) {
      return -1;
    }
    String src = text.substring(arg.start(), arg.end());
    String v = arg.value();
    if (src.equals(v)) {
      return arg.start();
    }
    if (src.length() == v.length() + 2
        && (src.charAt(0) == '\'' || src.charAt(0) == '"')
        && src.charAt(src.length() - 1) == src.charAt(0)
        && src.regionMatches(1, v, 0, v.length())) {
      return arg.start() + 1;
    }
    return -1;
  }

  private static boolean isWholeSubstitution(Arg code) {
    String v = code.value().strip();
    return v.equals("$(...)") || v.equals("`...`") || v.startsWith("<(") || v.startsWith(">(");
  }

  static String oneLine(String s) {
    String t = s.replace('\n', ' ').replace('\r', ' ');
    return t.length() > 160 ? t.substring(0, 157) + "..." : t;
  }
}
