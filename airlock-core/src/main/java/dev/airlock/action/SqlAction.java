package dev.airlock.action;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SQL text, one or more statements, as the agent submits it. The optional target names the database
 * it goes to (a URL, host or file) when the caller knows it.
 */
public record SqlAction(String sql, @Nullable String target, Context context) implements Action {

  public SqlAction {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(context, "context");
  }

  public SqlAction(String sql, Context context) {
    this(sql, null, context);
  }

  @Override
  public Kind kind() {
    return Kind.SQL;
  }
}
