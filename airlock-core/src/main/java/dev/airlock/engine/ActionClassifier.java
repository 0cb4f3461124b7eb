package dev.airlock.engine;

import dev.airlock.action.Action;
import dev.airlock.action.Environment;
import dev.airlock.action.HttpAction;
import dev.airlock.action.Kind;
import dev.airlock.action.McpAction;
import dev.airlock.action.ShellAction;
import dev.airlock.action.SqlAction;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Classification;
import dev.airlock.classify.Finding;
import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.http.HttpClassifier;
import dev.airlock.classify.http.HttpRequest;
import dev.airlock.classify.mcp.McpCall;
import dev.airlock.classify.mcp.McpClassifier;
import dev.airlock.classify.shell.ShellClassifier;
import dev.airlock.classify.sql.SqlClassifier;
import java.util.List;

/**
 * Turns any action into a {@link Classification}. Total: whatever the input, it returns, and input
 * that is too large, not understood or that trips an internal fault is classified {@link
 * Severity#UNKNOWN} with a reason saying so.
 */
public final class ActionClassifier {

  /** Rule id for input over a {@link Limits} bound. */
  public static final String LIMIT = "airlock.limit";

  /** Rule id for a fault inside a classifier. */
  public static final String INTERNAL_ERROR = "airlock.internal-error";

  /** Rule id for a classifier that found nothing to say about non-empty input. */
  public static final String NO_FINDING = "airlock.no-finding";

  private final Limits limits;
  private final SqlClassifier sql;
  private final HttpClassifier http;
  private final ShellClassifier shell;
  private final McpClassifier mcp;

  public ActionClassifier(Limits limits) {
    this.limits = limits;
    this.sql = new SqlClassifier();
    this.http = new HttpClassifier();
    this.shell = new ShellClassifier(sql, http);
    this.mcp = new McpClassifier(shell, sql, http);
  }

  public Limits limits() {
    return limits;
  }

  /** Classifies an action; never throws. */
  public Classification classify(Action action, Trace trace) {
    Analysis out = new Analysis(limits, trace);
    Environment declared = action.context().environment();
    Scope root = Scope.root(primaryField(action), declared);
    try {
      int size = inputSize(action);
      if (size > limits.maxInputChars()) {
        throw new LimitExceededException("maxInputChars", size, limits.maxInputChars());
      }
      // Type tests, not a pattern switch: a pattern switch spins up a class at run time, which
      // the hook pays for at every start (see docs/PERFORMANCE.md).
      if (action instanceof ShellAction a) {
        shell.classify(a.command(), root, out);
      } else if (action instanceof SqlAction a) {
        Scope s = root;
        if (a.target() != null) {
          s = s.detected(EnvironmentMarkers.of(a.target()));
        }
        sql.classify(a.sql(), s, out);
      } else if (action instanceof HttpAction a) {
        http.classify(new HttpRequest(a.method(), a.url(), a.headers(), a.body()), root, out);
      } else if (action instanceof McpAction a) {
        mcp.classify(
            new McpCall(a.server(), a.tool(), a.arguments(), a.annotations(), a.trustedServer()),
            root,
            out);
      }
    } catch (LimitExceededException e) {
      root.finding(action.kind(), LIMIT)
          .program(action.kind().id())
          .severity(Severity.UNKNOWN)
          .reason(e.getMessage() + "; held because it cannot be read in full")
          .addTo(out);
    } catch (RuntimeException | StackOverflowError e) {
      root.finding(action.kind(), INTERNAL_ERROR)
          .program(action.kind().id())
          .severity(Severity.UNKNOWN)
          .reason(
              "internal error in the "
                  + action.kind().id()
                  + " classifier ("
                  + e.getClass().getSimpleName()
                  + "); held")
          .addTo(out);
    }
    if (out.truncated()) {
      root.finding(action.kind(), LIMIT)
          .program(action.kind().id())
          .severity(Severity.UNKNOWN)
          .reason(
              Limits.exceeded("maxFindings", limits.maxFindings() + 1L, limits.maxFindings())
                  + "; the least severe findings were dropped")
          .addTo(out);
    }
    if (out.findings().isEmpty()) {
      root.finding(action.kind(), NO_FINDING)
          .program(action.kind().id())
          .severity(Severity.UNKNOWN)
          .reason(
              "the " + action.kind().id() + " classifier recognised nothing in this input; held")
          .addTo(out);
    }
    Environment env = declared;
    for (Finding f : out.findings()) {
      env = env.combine(f.environment());
    }
    List<String> notes = trace instanceof Trace.Recording r ? r.lines() : List.of();
    return new Classification(action.kind(), env, out.findings(), notes);
  }

  private static String primaryField(Action action) {
    return switch (action.kind()) {
      case SHELL -> "command";
      case SQL -> "sql";
      case HTTP -> "request";
      case MCP -> "arguments";
    };
  }

  private static int inputSize(Action action) {
    if (action instanceof ShellAction a) {
      return a.command().length();
    }
    if (action instanceof SqlAction a) {
      return a.sql().length();
    }
    if (action instanceof HttpAction a) {
      long n = (long) a.url().length() + a.body().length() + a.method().length();
      for (var h : a.headers()) {
        n += h.getKey().length() + h.getValue().length();
      }
      return (int) Math.min(Integer.MAX_VALUE, n);
    }
    McpAction a = (McpAction) action;
    return a.server().length() + a.tool().length();
  }

  /** The kind an action is judged as. */
  static Kind kindOf(Action action) {
    return action.kind();
  }
}
