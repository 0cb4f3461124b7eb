package dev.airlock.classify.sql;

import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies SQL text: one finding per statement (and one per nested statement that runs), for SQL
 * submitted directly or found inside {@code psql -c}, {@code mysql -e}, MCP arguments and the like.
 * The environment established so far comes in with the {@link Scope}; names in the statements
 * ({@code DROP DATABASE app_production}, {@code USE shop_dev}) add to it.
 *
 * <p>Implementation notes. A hand-written lexer ({@link SqlLexer}) cuts the text into statements
 * and tokens. Statements that cannot write (no write keyword outside strings and comments) and
 * plain INSERTs are judged from tokens alone; so are verbs whose meaning needs no grammar (GRANT,
 * COPY, PRAGMA, ...). Everything else is parsed with JSqlParser, called in this thread without its
 * executor, and only when the statement is small and shallow enough that the parser's cost stays
 * bounded; otherwise, or when it fails, the lexer's keyword view judges it. Text whose statement
 * boundaries depend on the dialect (a backslash in a literal, {@code #}, dollar quotes, ...) is
 * also read the MySQL way and the SQL Server/SQLite/Oracle way, and any destructive or catastrophic
 * finding those readings add is kept. Going over a {@link Limits} bound does not escape: the
 * findings so far are kept and an unknown {@code sql.limit} finding names the bound.
 */
public final class SqlClassifier {

  public SqlClassifier() {}

  /** Whether every text is read in all dialects; tests turn it on to check the lexer's choice. */
  static boolean readAllDialects = false;

  /** Adds the findings for one SQL text, one or more statements, to the analysis. */
  public void classify(String sql, Scope scope, Analysis out) {
    Limits limits = out.limits();
    boolean trace = out.trace().enabled();
    Pass.Run run = new Pass.Run(limits, trace);
    List<Finding> others = List.of();
    String summary = "";
    try {
      if (sql.length() > limits.maxInputChars()) {
        throw new LimitExceededException("maxInputChars", sql.length(), limits.maxInputChars());
      }
      Pass primary = new Pass(run, sql, scope, SqlLexer.Mode.POSTGRES, false, 0, "");
      primary.judgeAll();
      if (primary.lx.divergent || readAllDialects) {
        others = otherReadings(sql, scope, limits, run);
      }
    } catch (LimitExceededException e) {
      run.findings.add(
          scope
              .finding(Kind.SQL, "sql.limit")
              .program("sql")
              .severity(Severity.UNKNOWN)
              .reason(e.getMessage() + "; held because the SQL cannot be read in full")
              .evidence(0, sql.length(), Pass.abbreviate(sql))
              .build());
    }
    if (run.findings.isEmpty()) {
      scope
          .finding(Kind.SQL, "sql.no-statement")
          .program("sql")
          .severity(Severity.SAFE)
          .read()
          .reason("no statement: the text is empty or holds only comments")
          .evidence(0, sql.length(), Pass.abbreviate(sql))
          .addTo(out);
    }
    for (Finding f : run.findings) {
      out.add(f);
    }
    for (Finding f : others) {
      out.add(f);
    }
    if (trace) {
      StringBuilder sum = run.summary;
      summary = sum == null ? "" : sum.toString();
      out.note(
          "sql: "
              + run.topStatements
              + (run.topStatements == 1 ? " statement" : " statements")
              + (summary.isEmpty() ? "" : "; " + summary));
      if (!others.isEmpty()) {
        out.note(
            "sql: read the way other dialects split it, "
                + others.size()
                + " more destructive finding(s)");
      }
    }
  }

  /**
   * Reads the text as MySQL and as SQL Server/SQLite/Oracle would, and returns the destructive and
   * catastrophic findings of those readings that the PostgreSQL reading did not make.
   */
  private static List<Finding> otherReadings(
      String sql, Scope scope, Limits limits, Pass.Run primaryRun) {
    List<Finding> primary = primaryRun.findings;
    Set<String> seen = new HashSet<>();
    for (Finding f : primary) {
      seen.add(key(f));
      seen.add(spanKey(f));
    }
    List<Finding> extra = new ArrayList<>();
    for (SqlLexer.Mode mode : new SqlLexer.Mode[] {SqlLexer.Mode.MYSQL, SqlLexer.Mode.BRACKET}) {
      Pass.Run run = new Pass.Run(limits, false, primaryRun.unparsable);
      try {
        new Pass(run, sql, scope, mode, false, 0, "").judgeAll();
      } catch (LimitExceededException e) {
        // The primary reading reports limits; this one only adds what it found before.
      }
      String dialect = mode == SqlLexer.Mode.MYSQL ? "MySQL" : "SQL Server, SQLite or Oracle";
      for (Finding f : run.findings) {
        Severity s = f.severity();
        if ((s == Severity.DESTRUCTIVE || s == Severity.CATASTROPHIC)
            && !seen.contains(spanKey(f))
            && seen.add(key(f))) {
          seen.add(spanKey(f));
          extra.add(
              new Finding(
                  f.ruleId(),
                  f.kind(),
                  f.program(),
                  f.verb(),
                  f.resource(),
                  f.severity(),
                  f.access(),
                  f.environment(),
                  f.reason() + " (as " + dialect + " reads this text)",
                  f.evidence(),
                  f.via()));
        }
      }
    }
    return extra;
  }

  private static String spanKey(Finding f) {
    return f.ruleId() + '@' + f.evidence().start() + '-' + f.evidence().end();
  }

  private static String key(Finding f) {
    return f.ruleId() + '|' + f.resource() + '|' + f.severity();
  }
}
