package dev.airlock.classify;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.secret.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * The place a piece of text is being classified from: which field of the action it belongs to and
 * where, the environment established so far, the wrappers looked through and how deeply nested it
 * is. Scopes are immutable; nested classifiers derive new ones.
 *
 * <p>Span mapping: a scope is either <em>aligned</em>, when the text being classified is a verbatim
 * substring of the action field starting at {@code base}, or <em>opaque</em>, when the text was
 * derived from the field by some transformation (quote removal, JSON decoding). Evidence from an
 * opaque scope points at the whole enclosing span.
 */
public final class Scope {

  private final String source;
  private final int base;
  private final int opaqueStart;
  private final int opaqueEnd;
  private final Environment environment;
  private final List<String> via;
  private final int nesting;

  private Scope(
      String source,
      int base,
      int opaqueStart,
      int opaqueEnd,
      Environment environment,
      List<String> via,
      int nesting) {
    this.source = source;
    this.base = base;
    this.opaqueStart = opaqueStart;
    this.opaqueEnd = opaqueEnd;
    this.environment = environment;
    this.via = via;
    this.nesting = nesting;
  }

  /** The scope of a whole action field, e.g. {@code root("command", declaredEnvironment)}. */
  public static Scope root(String source, Environment environment) {
    return new Scope(source, 0, -1, -1, environment, List.of(), 0);
  }

  /** The action field evidence refers to. */
  public String source() {
    return source;
  }

  /** The environment established so far (declared, combined with what was detected). */
  public Environment environment() {
    return environment;
  }

  /** Wrappers looked through, outermost first. */
  public List<String> via() {
    return via;
  }

  /** How many levels of code-inside-code lie above this scope. */
  public int nesting() {
    return nesting;
  }

  /** Whether spans in this scope map one-to-one onto the action field. */
  public boolean aligned() {
    return opaqueStart < 0;
  }

  /**
   * The scope for another field of the same action ({@code url}, {@code body}): at the root, spans
   * then refer to that field; inside nested text, evidence keeps pointing at the container.
   */
  public Scope field(String otherSource) {
    if (nesting == 0 && aligned() && base == 0) {
      return new Scope(otherSource, 0, -1, -1, environment, via, nesting);
    }
    return this;
  }

  /** This scope with a detected environment combined into it. */
  public Scope detected(Environment detected) {
    Environment combined = environment.combine(detected);
    if (combined == environment) {
      return this;
    }
    return new Scope(source, base, opaqueStart, opaqueEnd, combined, via, nesting);
  }

  /** This scope seen through one more wrapper (same text, same nesting). */
  public Scope through(String wrapper) {
    List<String> v = new ArrayList<>(via.size() + 1);
    v.addAll(via);
    v.add(wrapper);
    return new Scope(source, base, opaqueStart, opaqueEnd, environment, List.copyOf(v), nesting);
  }

  /**
   * The scope for text nested in the current text: code given to {@code bash -c}, a SQL string, a
   * request body. {@code start}/{@code end} are the span of its container in the current text;
   * {@code verbatimOffset} is where the nested text starts in the current text if it is a verbatim
   * substring, or -1 if it was transformed.
   *
   * @throws LimitExceededException beyond {@link Limits#maxNesting()}
   */
  public Scope nested(Limits limits, int start, int end, int verbatimOffset) {
    int n = nesting + 1;
    if (n > limits.maxNesting()) {
      throw new LimitExceededException("maxNesting", n, limits.maxNesting());
    }
    if (!aligned()) {
      return new Scope(source, 0, opaqueStart, opaqueEnd, environment, via, n);
    }
    if (verbatimOffset >= 0) {
      return new Scope(source, base + verbatimOffset, -1, -1, environment, via, n);
    }
    return new Scope(source, 0, base + start, base + end, environment, via, n);
  }

  /** Maps a span of the current text onto the action field and redacts the text. */
  public Evidence evidence(int start, int end, String text) {
    String clean = Redactor.redact(text);
    if (aligned()) {
      int s = Math.max(0, base + start);
      return new Evidence(source, s, Math.max(s, base + end), clean);
    }
    return new Evidence(source, opaqueStart, opaqueEnd, clean);
  }

  /** Starts a finding from this scope. */
  public FindingBuilder finding(Kind kind, String ruleId) {
    return new FindingBuilder(this, kind, ruleId);
  }
}
