package dev.airlock.classify.shell;

import dev.airlock.classify.shell.syntax.FunctionDef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a command line itself says about its variables and functions, as far as it can be known
 * without running it. A variable resolves only when the line assigns it exactly one literal value
 * unconditionally; assigned twice with different values, conditionally, in a loop or from an
 * expansion, it stays unknown. Functions are remembered so that calling one walks its body.
 */
final class Bindings {

  private final Map<String, String> values = new HashMap<>();
  private final Set<String> unknown = new HashSet<>();
  private final Map<String, FunctionDef> functions = new HashMap<>();

  /**
   * Records {@code name=value}; {@code value} null means not a literal, {@code certain} false means
   * conditional.
   */
  void assign(String name, @Nullable String value, boolean certain) {
    if (value == null || !certain || unknown.contains(name)) {
      values.remove(name);
      unknown.add(name);
      return;
    }
    String previous = values.putIfAbsent(name, value);
    if (previous != null && !previous.equals(value)) {
      values.remove(name);
      unknown.add(name);
    }
  }

  /** The single literal value of a variable, or null when it is not known. */
  @Nullable String value(String name) {
    return values.get(name);
  }

  void define(FunctionDef f) {
    functions.put(f.name(), f);
  }

  @Nullable FunctionDef function(String name) {
    return functions.get(name);
  }
}
