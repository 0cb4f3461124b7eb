package dev.airlock.json;

/**
 * Bounds on a JSON document Airlock is willing to read. Going over one fails the read with a
 * message that names the bound.
 */
public record JsonLimits(
    int maxDocumentChars, int maxDepth, int maxStringChars, int maxNumberChars) {

  /** The bounds used unless a caller chooses others. */
  public static final JsonLimits DEFAULT =
      new JsonLimits(16 * 1024 * 1024, 64, 8 * 1024 * 1024, 100);
}
