package dev.airlock.classify;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.secret.Redactor;

/**
 * Builds a {@link Finding} from a {@link Scope}. Defaults: no program, verb or resource, severity
 * unknown, access write, environment that of the scope, evidence the empty span at 0.
 */
public final class FindingBuilder {
  private final Scope scope;
  private final Kind kind;
  private final String ruleId;
  private String program = "";
  private String verb = "";
  private String resource = "";
  private Severity severity = Severity.UNKNOWN;
  private Access access = Access.WRITE;
  private Environment environment;
  private String reason = "";
  private int start;
  private int end;
  private String text = "";

  FindingBuilder(Scope scope, Kind kind, String ruleId) {
    this.scope = scope;
    this.kind = kind;
    this.ruleId = ruleId;
    this.environment = scope.environment();
  }

  public FindingBuilder program(String program) {
    this.program = program;
    return this;
  }

  public FindingBuilder verb(String verb) {
    this.verb = verb;
    return this;
  }

  public FindingBuilder resource(String resource) {
    this.resource = resource;
    return this;
  }

  public FindingBuilder severity(Severity severity) {
    this.severity = severity;
    return this;
  }

  public FindingBuilder access(Access access) {
    this.access = access;
    return this;
  }

  /** Shorthand for {@code access(Access.READ)}. */
  public FindingBuilder read() {
    return access(Access.READ);
  }

  /** Combines a detected environment with the scope's. */
  public FindingBuilder detected(Environment detected) {
    this.environment = environment.combine(detected);
    return this;
  }

  public FindingBuilder reason(String reason) {
    this.reason = reason;
    return this;
  }

  /** The span of the current text the finding rests on, and that text. */
  public FindingBuilder evidence(int start, int end, String text) {
    this.start = start;
    this.end = end;
    this.text = text;
    return this;
  }

  public Finding build() {
    return new Finding(
        ruleId,
        kind,
        program,
        verb,
        Redactor.redact(resource),
        severity,
        access,
        environment,
        Redactor.redact(reason),
        scope.evidence(start, end, text),
        scope.via());
  }

  /** Builds the finding and adds it to the analysis. */
  public void addTo(Analysis analysis) {
    analysis.add(build());
  }
}
