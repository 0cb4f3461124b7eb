package dev.airlock.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A JSON value. Objects keep member order; numbers keep their source text. */
public sealed interface Json {

  /** The JSON null. */
  Json NULL = new Null();

  /** JSON true. */
  Json TRUE = new Bool(true);

  /** JSON false. */
  Json FALSE = new Bool(false);

  /** An empty object. */
  Obj EMPTY_OBJECT = new Obj(Map.of());

  /** A JSON object with members in document order. */
  record Obj(Map<String, Json> members) implements Json {
    public Obj {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The member with this name, or null. */
    public @Nullable Json get(String name) {
      return members.get(name);
    }

    /** The member as a string if it is one, else null. */
    public @Nullable String string(String name) {
      return members.get(name) instanceof Str(String value) ? value : null;
    }
  }

  /** A JSON array. */
  record Arr(List<Json> items) implements Json {
    public Arr {
      items = List.copyOf(items);
    }
  }

  /** A JSON string. */
  record Str(String value) implements Json {
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A JSON number, kept as written. */
  record Num(String text) implements Json {}

  /** true or false. */
  record Bool(boolean value) implements Json {}

  /** null. */
  record Null() implements Json {}

  /** A string value. */
  static Json of(String value) {
    return new Str(value);
  }

  /** Starts an object builder that keeps insertion order. */
  static ObjBuilder object() {
    return new ObjBuilder();
  }

  /** Builds {@link Obj} values in insertion order; null values are skipped. */
  final class ObjBuilder {
    private final LinkedHashMap<String, Json> members = new LinkedHashMap<>();

    private ObjBuilder() {}

    public ObjBuilder put(String name, @Nullable Json value) {
      if (value != null) {
        members.put(name, value);
      }
      return this;
    }

    public ObjBuilder put(String name, @Nullable String value) {
      return value == null ? this : put(name, new Str(value));
    }

    public ObjBuilder put(String name, long value) {
      return put(name, new Num(Long.toString(value)));
    }

    public ObjBuilder put(String name, boolean value) {
      return put(name, value ? TRUE : FALSE);
    }

    public ObjBuilder putStrings(String name, List<String> values) {
      List<Json> items = new ArrayList<>(values.size());
      for (String v : values) {
        items.add(new Str(v));
      }
      return put(name, new Arr(items));
    }

    public Obj build() {
      return new Obj(members);
    }
  }
}
