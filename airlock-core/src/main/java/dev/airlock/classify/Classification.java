package dev.airlock.classify;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an action really does: every effect found in it, the environment it really targets and, on
 * request, a trace of how the classifier got there.
 */
public record Classification(
    Kind kind, Environment environment, List<Finding> findings, List<String> trace) {

  public Classification {
    findings = List.copyOf(findings);
    trace = List.copyOf(trace);
  }

  /** The worst severity over all findings; safe when there are none. */
  public Severity severity() {
    Severity worst = Severity.SAFE;
    for (Finding f : findings) {
      worst = Severity.worst(worst, f.severity());
    }
    return worst;
  }

  /** The finding with the worst severity (the first of equals), or null when there are none. */
  public @Nullable Finding primary() {
    Finding best = null;
    for (Finding f : findings) {
      if (best == null || f.severity().rank() > best.severity().rank()) {
        best = f;
      }
    }
    return best;
  }
}
