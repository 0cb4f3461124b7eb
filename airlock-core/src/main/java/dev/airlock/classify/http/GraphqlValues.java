package dev.airlock.classify.http;

import dev.airlock.classify.http.GraphqlAst.Argument;
import dev.airlock.classify.http.GraphqlAst.BooleanValue;
import dev.airlock.classify.http.GraphqlAst.EnumValue;
import dev.airlock.classify.http.GraphqlAst.Field;
import dev.airlock.classify.http.GraphqlAst.FloatValue;
import dev.airlock.classify.http.GraphqlAst.IntValue;
import dev.airlock.classify.http.GraphqlAst.ListValue;
import dev.airlock.classify.http.GraphqlAst.NullValue;
import dev.airlock.classify.http.GraphqlAst.ObjectField;
import dev.airlock.classify.http.GraphqlAst.ObjectValue;
import dev.airlock.classify.http.GraphqlAst.Operation;
import dev.airlock.classify.http.GraphqlAst.StringValue;
import dev.airlock.classify.http.GraphqlAst.Value;
import dev.airlock.classify.http.GraphqlAst.Variable;
import dev.airlock.classify.http.GraphqlAst.VariableDefinition;
import dev.airlock.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of one GraphQL field, read as JSON: inline literals as written, {@code $variables}
 * from the request's {@code variables} or the operation's defaults. Also prints the field's head
 * ({@code alias: name(arg: value)}) for evidence, with secret-looking values masked.
 */
final class GraphqlValues {

  /** Marks a value given by a variable the request does not supply. */
  static final Json.Str MISSING = new Json.Str("\u0000missing");

  private static final int MAX_DEPTH = 32;
  private static final int MAX_EVIDENCE = 400;

  private final Field field;
  private final Json.@Nullable Obj variables;
  private final Operation operation;

  GraphqlValues(Field field, Operation operation, Json.@Nullable Obj variables) {
    this.field = field;
    this.variables = variables;
    this.operation = operation;
  }

  /**
   * The value at a dotted path of arguments and input fields ({@code volumeId}, {@code
   * input.replace}), null if absent, {@link #MISSING} if a variable has no value.
   */
  @Nullable Json get(String path) {
    int dot = path.indexOf('.');
    String top = dot < 0 ? path : path.substring(0, dot);
    Json current = null;
    for (Argument a : field.arguments()) {
      if (top.equals(a.name())) {
        current = json(a.value(), 0);
        break;
      }
    }
    while (dot >= 0 && current != null) {
      int next = path.indexOf('.', dot + 1);
      String part = next < 0 ? path.substring(dot + 1) : path.substring(dot + 1, next);
      current = current instanceof Json.Obj o ? o.get(part) : null;
      dot = next;
    }
    return current;
  }

  /** The first of the paths that is present, as text for a resource; null if none is. */
  @Nullable String text(List<String> paths) {
    for (String p : paths) {
      Json v = get(p);
      if (v != null) {
        return display(v, p);
      }
    }
    return null;
  }

  /** Whether a path holds the boolean {@code true} (or a variable that might). */
  boolean isTrue(String path) {
    Json v = get(path);
    return Json.TRUE.equals(v)
        || MISSING.equals(v)
        || (v instanceof Json.Str(String s) && s.equals("true"));
  }

  /** Whether an argument is present at all. */
  boolean has(String path) {
    return get(path) != null;
  }

  private String display(Json v, String path) {
    String s =
        switch (v) {
          case Json.Str str when MISSING.equals(str) ->
              "$" + variableName(path) + " (value not given)";
          case Json.Str(String t) -> t;
          case Json.Num(String t) -> t;
          case Json.Bool(boolean b) -> Boolean.toString(b);
          case Json.Null n -> "null";
          case Json.Arr a -> a.items().size() + " items";
          case Json.Obj o -> "an object";
        };
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  private String variableName(String path) {
    int dot = path.indexOf('.');
    String top = dot < 0 ? path : path.substring(0, dot);
    for (Argument a : field.arguments()) {
      if (a.name().equals(top) && a.value() instanceof Variable r) {
        return r.name();
      }
    }
    return top;
  }

  private @Nullable Json json(@Nullable Value v, int depth) {
    if (v == null || depth > MAX_DEPTH) {
      return null;
    }
    return switch (v) {
      case StringValue s -> new Json.Str(s.value());
      case IntValue i -> new Json.Num(i.text());
      case FloatValue f -> new Json.Num(f.text());
      case BooleanValue b -> b.value() ? Json.TRUE : Json.FALSE;
      case NullValue n -> Json.NULL;
      case EnumValue e -> new Json.Str(e.name());
      case ListValue a -> {
        List<Json> items = new ArrayList<>(a.items().size());
        for (Value item : a.items()) {
          Json j = json(item, depth + 1);
          items.add(j == null ? Json.NULL : j);
        }
        yield new Json.Arr(items);
      }
      case ObjectValue o -> {
        LinkedHashMap<String, Json> members = new LinkedHashMap<>();
        for (ObjectField f : o.fields()) {
          Json j = json(f.value(), depth + 1);
          members.put(f.name(), j == null ? Json.NULL : j);
        }
        yield new Json.Obj(members);
      }
      case Variable r -> variable(r.name(), depth);
    };
  }

  private Json variable(String name, int depth) {
    Json.Obj vars = variables;
    if (vars != null && vars.members().containsKey(name)) {
      Json j = vars.get(name);
      return j == null ? Json.NULL : j;
    }
    VariableDefinition def = null;
    for (VariableDefinition d : operation.variables()) {
      if (d.name().equals(name)) {
        def = d;
      }
    }
    Json j = def == null ? null : json(def.defaultValue(), depth + 1);
    return j != null ? j : MISSING;
  }

  /** The field's head for evidence: alias, name and arguments, secret-looking values masked. */
  static String head(Field f) {
    StringBuilder sb = new StringBuilder(64);
    if (f.alias() != null) {
      sb.append(f.alias()).append(": ");
    }
    sb.append(f.name());
    List<Argument> args = f.arguments();
    if (!args.isEmpty()) {
      sb.append('(');
      for (int i = 0; i < args.size() && sb.length() < MAX_EVIDENCE; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        Argument a = args.get(i);
        sb.append(a.name()).append(": ");
        print(a.value(), SecretNames.isSecret(a.name()), sb, 0);
      }
      sb.append(')');
    }
    if (sb.length() > MAX_EVIDENCE) {
      sb.setLength(MAX_EVIDENCE);
      sb.append("...");
    }
    return sb.toString();
  }

  private static void print(@Nullable Value v, boolean secret, StringBuilder sb, int depth) {
    if (v == null || depth > MAX_DEPTH || sb.length() > MAX_EVIDENCE) {
      sb.append("...");
      return;
    }
    switch (v) {
      case Variable r -> sb.append('$').append(r.name());
      case StringValue s -> {
        if (secret) {
          sb.append("\"***\"");
        } else {
          quote(s.value(), sb);
        }
      }
      case IntValue i -> sb.append(secret ? "***" : i.text());
      case FloatValue f -> sb.append(secret ? "***" : f.text());
      case BooleanValue b -> sb.append(b.value());
      case NullValue n -> sb.append("null");
      case EnumValue e -> sb.append(e.name());
      case ListValue a -> {
        sb.append('[');
        boolean first = true;
        for (Value item : a.items()) {
          if (sb.length() >= MAX_EVIDENCE) {
            break;
          }
          if (!first) {
            sb.append(", ");
          }
          first = false;
          print(item, secret, sb, depth + 1);
        }
        sb.append(']');
      }
      case ObjectValue o -> {
        sb.append('{');
        List<ObjectField> fields = o.fields();
        for (int i = 0; i < fields.size() && sb.length() < MAX_EVIDENCE; i++) {
          if (i > 0) {
            sb.append(", ");
          }
          ObjectField f = fields.get(i);
          sb.append(f.name()).append(": ");
          print(f.value(), secret || SecretNames.isSecret(f.name()), sb, depth + 1);
        }
        sb.append('}');
      }
    }
  }

  private static void quote(String s, StringBuilder sb) {
    sb.append('"');
    int n = Math.min(s.length(), 200);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c < ' ' ? ' ' : c);
    }
    if (s.length() > n) {
      sb.append("...");
    }
    sb.append('"');
  }
}
