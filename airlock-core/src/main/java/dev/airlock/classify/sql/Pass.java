package dev.airlock.classify.sql;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Finding;
import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One reading of one SQL text in one lexer mode: lexes it, walks its statements and routes each to
 * the rules that judge it. Nested text (a DO body, a function body, a literal given to EXECUTE) is
 * read by a child pass in a nested {@link Scope} that reports into the same {@link Run}.
 */
final class Pass {

  /** Statements with more tokens than this are judged by the lexer, not JSqlParser. */
  static final int MAX_PARSE_TOKENS = 400;

  /** Statements nested deeper than this are judged by the lexer, not JSqlParser. */
  static final int MAX_PARSE_DEPTH = 10;

  /**
   * JSqlParser runs at most this many times per input; later statements are judged by the lexer, so
   * an input of a thousand statements costs a bounded amount of parsing.
   */
  static final int MAX_PARSES = 100;

  /** Evidence text longer than this is shortened. */
  static final int MAX_EVIDENCE = 240;

  /** What the passes of one classify call share: the findings and the trace summary. */
  static final class Run {
    final Limits limits;
    final List<Finding> findings = new ArrayList<>(4);
    final @Nullable StringBuilder summary;
    final Map<String, Boolean> prepared = new HashMap<>();
    boolean psqlVariables;
    int parses;
    int topStatements;

    /**
     * Parser texts JSqlParser failed on during this classify call, shared by the dialect readings:
     * the MySQL and SQL Server readings often hand it the same statement (a {@code DO $$ ...} that
     * is no dollar quote there), and a failed parse is the dearest kind. Parsing is a function of
     * the text, so a failure is not tried again; the parse still counts against {@link
     * #MAX_PARSES}.
     */
    final java.util.Set<String> unparsable;

    Run(Limits limits, boolean trace) {
      this(limits, trace, new java.util.HashSet<>());
    }

    Run(Limits limits, boolean trace, java.util.Set<String> unparsable) {
      this.limits = limits;
      this.summary = trace ? new StringBuilder() : null;
      this.unparsable = unparsable;
    }
  }

  final Run run;
  final String text;
  final SqlLexer.Mode mode;
  final boolean procedural;
  final int level;
  final String context;
  Scope scope;
  Lexed lx;

  /** How the current statement is being judged, for the trace ("parsed by JSqlParser", ...). */
  String how = "";

  Pass(
      Run run,
      String text,
      Scope scope,
      SqlLexer.Mode mode,
      boolean procedural,
      int level,
      String context) {
    this.run = run;
    this.text = text;
    this.scope = scope;
    this.mode = mode;
    this.procedural = procedural;
    this.level = level;
    this.context = context;
    this.lx = SqlLexer.lex(text, mode, run.limits);
  }

  /** Judges every statement of the text. */
  void judgeAll() {
    for (int i = 0; i < lx.statements; i++) {
      if (level == 0) {
        run.topStatements++;
      }
      Stmt st = Stmt.of(lx, i, context);
      int before = run.findings.size();
      boolean silent = judge(st);
      if (run.findings.size() == before && !silent) {
        effect(st, "sql.not-understood")
            .unknown()
            .reason("the classifier reached no judgement on this statement")
            .emit();
      }
    }
    if (lx.limit != null) {
      LimitExceededException e = lx.limit;
      int at = lx.statements > 0 ? lx.stmtSpanEnd[lx.statements - 1] : 0;
      Finding limit =
          scope
              .finding(Kind.SQL, "sql.limit")
              .program(program())
              .severity(Severity.UNKNOWN)
              .reason(e.getMessage() + "; held because the rest of the SQL cannot be read")
              .evidence(at, text.length(), abbreviate(text.substring(at)))
              .build();
      run.findings.add(limit);
    }
  }

  /**
   * Judges one statement. Returns true when the statement deliberately yields no finding (a client
   * terminator, a control-flow line in a procedure body, a statement whose only effects are nested
   * writes already reported).
   */
  boolean judge(Stmt st) {
    how = "";
    if ((st.flags & Lexed.GARBAGE) != 0) {
      how = "judged by the lexer: control characters";
      effect(st, "sql.unreadable")
          .unknown()
          .reason("contains control characters or binary data, so it is not SQL Airlock can read")
          .emit();
      return false;
    }
    if ((st.flags & Lexed.UNTERMINATED) != 0) {
      how = "judged by the lexer: unterminated literal";
      effect(st, "sql.unreadable")
          .unknown()
          .reason("has an unterminated string, identifier or comment, so its extent is unclear")
          .emit();
      return false;
    }
    if (st.isEmpty()) {
      return true;
    }
    if (st.type(st.from) == Lexed.META) {
      return ClientCommands.judge(this, st);
    }
    if (run.psqlVariables) {
      for (int i = st.from; i < st.to; i++) {
        if (st.type(i) == Lexed.PARAM && st.lx.text.charAt(st.lx.start[i]) == ':') {
          how = "judged by the lexer: psql variable";
          effect(st, "sql.dynamic")
              .unknown()
              .reason(
                  "uses psql variable "
                      + st.lx.text(i)
                      + ", set earlier in this input, whose value can carry SQL")
              .emit();
          return false;
        }
      }
    }
    if (procedural) {
      Procedures.judgePiece(this, st);
      return true;
    }
    return judgeStatement(st);
  }

  /** Judges one SQL statement (a whole statement, or one found inside a procedure or EXPLAIN). */
  boolean judgeStatement(Stmt st) {
    if (st.isEmpty()) {
      return true;
    }
    if (LexicalRules.delegate(this, st, st.verbIndex())) {
      return true;
    }
    int[] groups = st.nestedGroups();
    for (int g = 0; g < groups.length; g += 2) {
      judgeStatement(st.sub(groups[g], groups[g + 1], st.context));
    }
    int effects = SideEffects.scan(this, st, st.from, st.to);
    boolean nestedEffects = groups.length > 0 || effects > 0;
    int verb = st.mainVerbIndex();
    if (verb >= st.to || st.inGroup(verb)) {
      return nestedEffects;
    }
    how = "";
    if (LexicalRules.byVerb(this, st, verb)) {
      return true;
    }
    int write = st.firstWrite(procedural);
    if (write < 0 && Kw.READ_VERB[st.kw(verb)]) {
      if (!nestedEffects) {
        how = "judged by the lexer: nothing in it writes";
        LexicalRules.read(this, st, verb);
      }
      return true;
    }
    if (st.is(verb, Kw.INSERT) && LexicalRules.plainInsert(this, st, verb)) {
      return true;
    }
    if ((st.is(verb, Kw.DELETE) || st.is(verb, Kw.UPDATE))
        && groups.length == 0
        && LexicalRules.narrowDml(this, st, verb)) {
      return true;
    }
    if (groups.length == 0 && !nestedEffects && FastPaths.judge(this, st, verb)) {
      return true;
    }
    String why;
    if (st.size() > MAX_PARSE_TOKENS) {
      why = "too long for JSqlParser (" + st.size() + " tokens)";
    } else if (st.relativeDepth() > MAX_PARSE_DEPTH) {
      why = "nested too deeply for JSqlParser";
    } else if (run.parses >= MAX_PARSES) {
      why = "the parser budget of this input (" + MAX_PARSES + " statements) is spent";
    } else {
      run.parses++;
      ParsedRules.Outcome outcome = ParsedRules.judge(this, st, nestedEffects);
      if (outcome.handled()) {
        return true;
      }
      why = outcome.why();
    }
    how = "judged by the lexer: " + why;
    return LexicalRules.fallback(this, st, write, nestedEffects);
  }

  /**
   * Reads nested SQL text (a body or literal) procedurally or not, in a scope nested in this one.
   */
  void nested(Stmt container, String body, int verbatimOffset, boolean proc, String ctx) {
    Scope inner = scope.nested(run.limits, container.spanStart, container.spanEnd, verbatimOffset);
    Pass child = new Pass(run, body, inner, mode, proc, level + 1, ctx);
    child.judgeAll();
    if (level == 0 && run.summary != null) {
      run.summary.append(" [").append(child.lx.statements).append(" nested]");
    }
  }

  /** The dialect a finding is attributed to. */
  String program() {
    if (mode == SqlLexer.Mode.MYSQL) {
      return "mysql";
    }
    int h = lx.hints;
    if (mode == SqlLexer.Mode.BRACKET) {
      return (h & SqlLexer.HINT_ORACLE) != 0 ? "oracle" : "sqlserver";
    }
    if ((h & SqlLexer.HINT_MYSQL) != 0) {
      return "mysql";
    }
    if ((h & SqlLexer.HINT_SQLSERVER) != 0) {
      return "sqlserver";
    }
    if ((h & SqlLexer.HINT_POSTGRES) != 0) {
      return "postgres";
    }
    return "sql";
  }

  /** Switches the environment for the statements that follow (USE db, \c db). */
  void switchTo(Environment env) {
    scope = scope.detected(env);
  }

  Effect effect(Stmt st, String ruleId) {
    return new Effect(this, st, ruleId);
  }

  /** The evidence text for a statement: passwords masked, long text shortened. */
  String evidenceText(Stmt st) {
    return st.evidence(Pass::computeEvidence);
  }

  private static String computeEvidence(Stmt st) {
    boolean secret = false;
    for (int i = st.from; i < st.to && !secret; i++) {
      int k = st.lx.kw[i];
      secret = k == Kw.PASSWORD || k == Kw.IDENTIFIED;
    }
    if (secret) {
      return abbreviate(maskPasswords(st));
    }
    String text = st.lx.text;
    int s = st.spanStart;
    int e = st.spanEnd;
    if (e - s <= MAX_EVIDENCE) {
      return text.substring(s, e).strip();
    }
    return text.substring(s, s + 200).strip() + " ... " + text.substring(e - 30, e).strip();
  }

  /** The statement's text with the literal after PASSWORD, IDENTIFIED BY or = masked. */
  private static String maskPasswords(Stmt st) {
    Lexed lx = st.lx;
    StringBuilder b = new StringBuilder(st.spanEnd - st.spanStart);
    int last = st.spanStart;
    for (int i = st.from; i < st.to; i++) {
      int k = lx.kw[i];
      if (k != Kw.PASSWORD && k != Kw.IDENTIFIED) {
        continue;
      }
      for (int j = i + 1; j < Math.min(st.to, i + 9); j++) {
        int prev = lx.kw[j - 1];
        boolean afterMarker =
            prev == Kw.PASSWORD
                || prev == Kw.BY
                || lx.type[j - 1] == Lexed.LPAREN
                || (lx.type[j - 1] == Lexed.OP && lx.text.charAt(lx.start[j - 1]) == '=');
        if (lx.isString(j) && afterMarker && lx.start[j] >= last) {
          b.append(lx.text, last, lx.start[j]).append("'***'");
          last = lx.end[j];
          break;
        }
      }
    }
    b.append(lx.text, last, st.spanEnd);
    return b.toString();
  }

  static String abbreviate(String t) {
    if (t.length() <= MAX_EVIDENCE) {
      return t.strip();
    }
    return t.substring(0, 200).strip() + " ... " + t.substring(t.length() - 30).strip();
  }
}
