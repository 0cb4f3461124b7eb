package dev.airlock.action;

import org.jspecify.annotations.Nullable;

/**
 * The hints an MCP server publishes for a tool. They come from the server, so they can make a
 * decision stricter but never looser unless the server is configured as trusted. Each hint is null
 * when the server did not state it.
 */
public record ToolAnnotations(
    @Nullable Boolean readOnlyHint,
    @Nullable Boolean destructiveHint,
    @Nullable Boolean idempotentHint,
    @Nullable Boolean openWorldHint) {

  /** No hints at all. */
  public static final ToolAnnotations NONE = new ToolAnnotations(null, null, null, null);
}
