package dev.airlock.classify.sql;

import dev.airlock.action.Kind;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;

/** Classifies SQL text. (Placeholder: holds everything until the SQL classifier lands.) */
public final class SqlClassifier {

  /** Adds the findings for one SQL text, one or more statements, to the analysis. */
  public void classify(String sql, Scope scope, Analysis out) {
    scope
        .finding(Kind.SQL, "sql.not-understood")
        .program("sql")
        .severity(Severity.UNKNOWN)
        .reason("the SQL classifier is not built yet")
        .evidence(0, sql.length(), sql)
        .addTo(out);
  }
}
