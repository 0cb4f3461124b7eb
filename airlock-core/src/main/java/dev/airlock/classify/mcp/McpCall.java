package dev.airlock.classify.mcp;

import dev.airlock.action.ToolAnnotations;
import dev.airlock.json.Json;

/**
 * An MCP tool call: server, tool, arguments, the server's annotations, and whether configuration
 * trusts that server's annotations.
 */
public record McpCall(
    String server, String tool, Json arguments, ToolAnnotations annotations, boolean trusted) {}
