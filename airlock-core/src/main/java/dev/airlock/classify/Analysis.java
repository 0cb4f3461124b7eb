package dev.airlock.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the findings of one action as classifiers, nested into each other, produce them. Not
 * thread-safe; one per action.
 */
public final class Analysis {
  private final Limits limits;
  private final Trace trace;
  private final List<Finding> findings = new ArrayList<>(4);
  private boolean truncated;

  public Analysis(Limits limits, Trace trace) {
    this.limits = limits;
    this.trace = trace;
  }

  public Limits limits() {
    return limits;
  }

  public Trace trace() {
    return trace;
  }

  /**
   * Adds a finding. Beyond {@link Limits#maxFindings()} the least severe finding kept gives way to
   * a worse one, so the worst effects always survive, and the analysis is marked truncated.
   */
  public void add(Finding finding) {
    if (findings.size() < limits.maxFindings()) {
      findings.add(finding);
      return;
    }
    truncated = true;
    int weakest = -1;
    for (int i = 0; i < findings.size(); i++) {
      if (weakest < 0
          || findings.get(i).severity().rank() < findings.get(weakest).severity().rank()) {
        weakest = i;
      }
    }
    if (weakest >= 0 && findings.get(weakest).severity().rank() < finding.severity().rank()) {
      findings.set(weakest, finding);
    }
  }

  /** Records a line for {@code --explain}. */
  public void note(String line) {
    trace.note(line);
  }

  /** Whether findings were dropped at {@link Limits#maxFindings()}. */
  public boolean truncated() {
    return truncated;
  }

  public List<Finding> findings() {
    return findings;
  }
}
