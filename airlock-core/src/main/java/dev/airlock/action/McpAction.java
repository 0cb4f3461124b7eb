package dev.airlock.action;

import dev.airlock.json.Json;
import java.util.Objects;

/**
 * An MCP tool call: the server it goes to, the tool name, its arguments and the annotations the
 * server published for the tool. {@code trustedServer} is true only when configuration, not the
 * server itself, says the server's annotations may be believed.
 */
public record McpAction(
    String server,
    String tool,
    Json arguments,
    ToolAnnotations annotations,
    boolean trustedServer,
    Context context)
    implements Action {

  public McpAction {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(context, "context");
  }

  @Override
  public Kind kind() {
    return Kind.MCP;
  }
}
