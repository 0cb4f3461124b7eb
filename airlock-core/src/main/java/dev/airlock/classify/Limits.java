package dev.airlock.classify;

import dev.airlock.json.JsonLimits;

/**
 * Every bound Airlock puts on hostile input, in one place. Going over a bound never throws out of a
 * classifier: the action is classified {@link Severity#UNKNOWN} with a reason naming the bound.
 *
 * @param maxInputChars longest command, SQL text, URL or body considered
 * @param maxParseDepth deepest syntactic nesting (subshells, substitutions, brackets)
 * @param maxWords most words or tokens in one command line
 * @param maxNesting most levels of code inside code ({@code bash -c}, {@code eval}, heredocs fed to
 *     interpreters, {@code psql -c}, JSON bodies, MCP arguments)
 * @param maxFindings most findings kept for one action
 * @param maxStatements most SQL statements or GraphQL operations in one input
 * @param json bounds on JSON documents
 */
public record Limits(
    int maxInputChars,
    int maxParseDepth,
    int maxWords,
    int maxNesting,
    int maxFindings,
    int maxStatements,
    JsonLimits json) {

  /** The bounds used unless configuration chooses others. */
  public static final Limits DEFAULT =
      new Limits(
          1_000_000, 200, 100_000, 12, 256, 1_000, new JsonLimits(1_000_000, 64, 1_000_000, 100));

  /** The message for a bound that was exceeded; it names the bound. */
  public static String exceeded(String limit, long actual, long max) {
    return "input exceeds limit " + limit + " (" + actual + " > " + max + ")";
  }
}
