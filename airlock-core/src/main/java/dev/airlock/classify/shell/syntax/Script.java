package dev.airlock.classify.shell.syntax;

import java.util.List;

/**
 * A parsed command line: its top-level commands in order and the syntax errors met. When there are
 * errors, {@code body} holds whatever could be parsed around them.
 */
public record Script(String source, List<Node> body, List<SyntaxError> errors) {

  public Script {
    body = List.copyOf(body);
    errors = List.copyOf(errors);
  }

  /** Whether the source parsed without errors. */
  public boolean ok() {
    return errors.isEmpty();
  }
}
