package dev.airlock.install;

import dev.airlock.install.JsonSpans.Arr;
import dev.airlock.install.JsonSpans.Member;
import dev.airlock.install.JsonSpans.Node;
import dev.airlock.install.JsonSpans.Obj;
import dev.airlock.install.JsonSpans.Scalar;
import dev.airlock.json.Json;
import dev.airlock.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Adds and removes Airlock's entry in a settings text by splicing: every character outside the
 * inserted entry stays as it was.
 *
 * <p>Implementation notes. Install appends one element per event to {@code hooks.<event>}, creating
 * {@code hooks} and the event's array when they are missing, in the file's own newline and
 * indentation (or compactly, when the container it extends is written on one line). Uninstall must
 * give back the original bytes without keeping state, so it proposes candidate originals, from the
 * largest removal (the whole file, then {@code hooks}, then the event's array) to the smallest
 * (just the element), and takes the first one that install would turn back into the current text.
 * When the file was edited after install and no candidate reproduces it, uninstall still removes
 * only Airlock's element. The one ambiguity: an empty container that the user wrote exactly as
 * install would have created it is removed with the entry (no change in meaning).
 */
final class SettingsEdit {

  private SettingsEdit() {}

  /** The text with Airlock's entry in every event; {@code text} null means the file is absent. */
  static String install(@Nullable String text, Runtime rt, String command)
      throws SettingsException {
    String current = installEvent(text, rt, rt.events().get(0), command);
    for (String event : rt.events().subList(1, rt.events().size())) {
      current = installEvent(current, rt, event, command);
    }
    return current;
  }

  /**
   * The text without Airlock's entries, or null when the file should be deleted (install created
   * it). Returns {@code text} itself when nothing of Airlock's is in it.
   */
  static @Nullable String uninstall(String text, Runtime rt, String command)
      throws SettingsException {
    @Nullable String current = text;
    List<String> events = new ArrayList<>(rt.events());
    java.util.Collections.reverse(events);
    for (String event : events) {
      while (current != null) {
        Removal r = uninstallEvent(current, rt, event, command);
        if (r == null) {
          break;
        }
        current = r.text();
      }
    }
    return current;
  }

  /** Where Airlock's entries are in a text: one line per event, empty when none. */
  static List<String> installedCommands(String text, Runtime rt, String event)
      throws SettingsException {
    Node root = parse(text, rt);
    List<String> out = new ArrayList<>();
    Arr arr = eventArray(root, event);
    if (arr == null) {
      return out;
    }
    for (Node el : arr.elements()) {
      for (Node hook : hookObjects(el, rt)) {
        String c = commandOf(hook);
        if (c != null && rt.isAirlockCommand(c)) {
          out.add(c);
        }
      }
    }
    return out;
  }

  // ---- install ----

  static String installEvent(@Nullable String text, Runtime rt, String event, String command)
      throws SettingsException {
    Json.Obj entry = rt.entry(command);
    Json.Obj eventObj = new Json.Obj(Map.of(event, new Json.Arr(List.of(entry))));
    if (text == null) {
      Map<String, Json> members = new LinkedHashMap<>(rt.freshRoot().members());
      members.put("hooks", eventObj);
      return pretty(new Json.Obj(members), "", "  ", "\n") + "\n";
    }
    Node root = parse(text, rt);
    if (!(root instanceof Obj rootObj)) {
      throw new SettingsException("the top level is not a JSON object");
    }
    Format f = Format.of(text, rootObj);
    Member hooks = rootObj.member("hooks");
    if (hooks == null) {
      return insertMember(text, rootObj, "hooks", eventObj, f);
    }
    if (!(hooks.value() instanceof Obj hooksObj)) {
      throw new SettingsException("\"hooks\" is not a JSON object");
    }
    Member ev = hooksObj.member(event);
    if (ev == null) {
      return insertMember(text, hooksObj, event, new Json.Arr(List.of(entry)), f);
    }
    if (!(ev.value() instanceof Arr arr)) {
      throw new SettingsException("\"hooks\"." + event + " is not a JSON array");
    }
    for (Node el : arr.elements()) {
      for (Node hook : hookObjects(el, rt)) {
        String c = commandOf(hook);
        if (command.equals(c)) {
          return text; // already installed for this event
        }
        if (c != null && rt.isAirlockCommand(c)) {
          throw new SettingsException(
              "an Airlock hook with another command is already registered for "
                  + event
                  + ": "
                  + c
                  + " (run 'airlock uninstall "
                  + rt.id()
                  + "' first)");
        }
      }
    }
    return insertElement(text, arr, entry, f);
  }

  private static String insertMember(String text, Obj obj, String key, Json value, Format f) {
    StringBuilder sb = new StringBuilder();
    JsonWriter.quote(key, sb);
    sb.append(": ");
    int n = obj.members().size();
    if (n == 0) {
      return insertIntoEmpty(text, obj.start(), obj.end(), sb, value, f);
    }
    Member last = obj.members().get(n - 1);
    Member first = obj.members().get(0);
    return appendAfter(
        text, obj.start(), first.keyStart(), last.keyStart(), last.value().end(), sb, value, f);
  }

  private static String insertElement(String text, Arr arr, Json value, Format f) {
    int n = arr.elements().size();
    if (n == 0) {
      return insertIntoEmpty(text, arr.start(), arr.end(), new StringBuilder(), value, f);
    }
    Node last = arr.elements().get(n - 1);
    return appendAfter(
        text,
        arr.start(),
        arr.elements().get(0).start(),
        last.start(),
        last.end(),
        new StringBuilder(),
        value,
        f);
  }

  /** Inserts right after the opening bracket of an empty container. */
  private static String insertIntoEmpty(
      String text, int open, int close, StringBuilder head, Json value, Format f) {
    String inner = text.substring(open + 1, close - 1);
    String indent = lineIndent(text, open);
    String child = indent + f.unit;
    StringBuilder ins = new StringBuilder(f.nl).append(child).append(head);
    ins.append(pretty(value, child, f.unit, f.nl));
    if (!inner.contains("\n")) {
      ins.append(f.nl).append(indent);
    }
    return text.substring(0, open + 1) + ins + text.substring(open + 1);
  }

  /** Appends after the last child of a non-empty container, in its layout. */
  private static String appendAfter(
      String text,
      int open,
      int firstStart,
      int lastStart,
      int lastEnd,
      StringBuilder head,
      Json value,
      Format f) {
    StringBuilder ins = new StringBuilder(",");
    boolean multiline =
        text.substring(open + 1, firstStart).contains("\n")
            || text.substring(open + 1, lastStart).contains("\n");
    if (multiline) {
      String indent = lineIndent(text, lastStart);
      ins.append(f.nl).append(indent).append(head).append(pretty(value, indent, f.unit, f.nl));
    } else {
      ins.append(' ').append(head).append(JsonWriter.write(value));
    }
    return text.substring(0, lastEnd) + ins + text.substring(lastEnd);
  }

  // ---- uninstall ----

  private record Removal(@Nullable String text) {}

  /** Removes one Airlock entry for the event, or returns null when there is none. */
  private static @Nullable Removal uninstallEvent(
      String text, Runtime rt, String event, String command) throws SettingsException {
    Node root = parse(text, rt);
    if (!(root instanceof Obj rootObj)) {
      return null;
    }
    Member hooks = rootObj.member("hooks");
    if (hooks == null || !(hooks.value() instanceof Obj hooksObj)) {
      return null;
    }
    Member ev = hooksObj.member(event);
    if (ev == null || !(ev.value() instanceof Arr arr)) {
      return null;
    }
    for (int i = 0; i < arr.elements().size(); i++) {
      Node el = arr.elements().get(i);
      if (rt.grouped() && el instanceof Obj group) {
        Member inner = group.member("hooks");
        if (inner != null && inner.value() instanceof Arr innerArr) {
          List<Node> hs = innerArr.elements();
          for (int j = 0; j < hs.size(); j++) {
            String c = commandOf(hs.get(j));
            if (c != null && rt.isAirlockCommand(c) && hs.size() > 1) {
              // someone put other hooks into Airlock's group: take out only Airlock's hook
              return new Removal(removeChild(text, innerArr, j).get(0));
            }
          }
        }
      }
      if (!ownsElement(el, rt)) {
        continue;
      }
      String found = commandOf(hookObjects(el, rt).get(0));
      String installed = found == null ? command : found;
      List<@Nullable String> candidates = new ArrayList<>();
      boolean soleElement = arr.elements().size() == 1;
      boolean soleEvent = soleElement && hooksObj.members().size() == 1;
      if (soleEvent && onlyFreshMembersBesideHooks(rootObj, rt)) {
        candidates.add(null); // install created the file
      }
      if (soleEvent) {
        candidates.addAll(removeMember(text, rootObj, rootObj.members().indexOf(hooks)));
      }
      if (soleElement) {
        candidates.addAll(removeMember(text, hooksObj, hooksObj.members().indexOf(ev)));
      }
      List<String> plain = removeChild(text, arr, i);
      candidates.addAll(plain);
      for (String c : candidates) {
        try {
          if (text.equals(installEvent(c, rt, event, installed))) {
            return new Removal(c);
          }
        } catch (SettingsException e) {
          // not a possible original; try the next candidate
        }
      }
      return new Removal(plain.get(0));
    }
    return null;
  }

  private static boolean onlyFreshMembersBesideHooks(Obj root, Runtime rt) {
    return root.members().size() == rt.freshRoot().members().size() + 1;
  }

  private static boolean ownsElement(Node el, Runtime rt) {
    List<Node> hs = hookObjects(el, rt);
    if (hs.size() != 1) {
      return false;
    }
    String c = commandOf(hs.get(0));
    return c != null && rt.isAirlockCommand(c);
  }

  /** The texts left by removing member {@code index}; two variants when it is the only one. */
  private static List<String> removeMember(String text, Obj obj, int index) {
    List<int[]> spans = new ArrayList<>();
    for (Member m : obj.members()) {
      spans.add(new int[] {m.keyStart(), m.value().end()});
    }
    return remove(text, obj.start(), obj.end(), spans, index);
  }

  private static List<String> removeChild(String text, Arr arr, int index) {
    List<int[]> spans = new ArrayList<>();
    for (Node n : arr.elements()) {
      spans.add(new int[] {n.start(), n.end()});
    }
    return remove(text, arr.start(), arr.end(), spans, index);
  }

  private static List<String> remove(String text, int open, int close, List<int[]> spans, int i) {
    int n = spans.size();
    if (n == 1) {
      return List.of(
          text.substring(0, open + 1) + text.substring(close - 1),
          text.substring(0, open + 1) + text.substring(spans.get(0)[1]));
    }
    if (i == n - 1) {
      return List.of(text.substring(0, spans.get(i - 1)[1]) + text.substring(spans.get(i)[1]));
    }
    if (i == 0) {
      return List.of(text.substring(0, spans.get(0)[0]) + text.substring(spans.get(1)[0]));
    }
    return List.of(text.substring(0, spans.get(i - 1)[1]) + text.substring(spans.get(i)[1]));
  }

  // ---- reading ----

  static Node parse(String text, Runtime rt) throws SettingsException {
    try {
      return JsonSpans.parse(text, rt.allowsComments());
    } catch (JsonSpans.SyntaxError e) {
      throw new SettingsException(
          "not valid JSON"
              + (rt.allowsComments() ? " (with comments)" : "")
              + ": "
              + e.getMessage());
    }
  }

  private static @Nullable Arr eventArray(Node root, String event) {
    if (root instanceof Obj o
        && o.member("hooks") instanceof Member h
        && h.value() instanceof Obj ho
        && ho.member(event) instanceof Member e
        && e.value() instanceof Arr a) {
      return a;
    }
    return null;
  }

  /** The hook objects of an event element: the element itself, or its group's hooks. */
  private static List<Node> hookObjects(Node el, Runtime rt) {
    if (!rt.grouped()) {
      return List.of(el);
    }
    if (el instanceof Obj g
        && g.member("hooks") instanceof Member m
        && m.value() instanceof Arr a) {
      return a.elements();
    }
    return List.of();
  }

  private static @Nullable String commandOf(Node hook) {
    if (hook instanceof Obj o
        && o.member("command") instanceof Member m
        && m.value() instanceof Scalar s) {
      return s.string();
    }
    return null;
  }

  // ---- formatting ----

  /** The file's newline and indentation unit. */
  private record Format(String nl, String unit) {
    static Format of(String text, Obj root) {
      String nl = text.contains("\r\n") ? "\r\n" : "\n";
      String unit = "  ";
      if (!root.members().isEmpty()) {
        int first = root.members().get(0).keyStart();
        if (text.substring(root.start(), first).contains("\n")) {
          String rootIndent = lineIndent(text, root.start());
          String memberIndent = lineIndent(text, first);
          if (memberIndent.length() > rootIndent.length() && memberIndent.startsWith(rootIndent)) {
            unit = memberIndent.substring(rootIndent.length());
          }
        }
      }
      return new Format(nl, unit);
    }
  }

  /** The spaces and tabs at the start of the line holding {@code pos}. */
  static String lineIndent(String text, int pos) {
    int ls = text.lastIndexOf('\n', pos - 1) + 1;
    if (ls == 0 && text.startsWith("\uFEFF")) {
      ls = 1;
    }
    int e = ls;
    while (e < text.length() && (text.charAt(e) == ' ' || text.charAt(e) == '\t')) {
      e++;
    }
    return text.substring(ls, e);
  }

  /** Multi-line JSON of a value whose first line sits at {@code indent}. */
  static String pretty(Json value, String indent, String unit, String nl) {
    StringBuilder sb = new StringBuilder();
    pretty(value, indent, unit, nl, sb);
    return sb.toString();
  }

  private static void pretty(Json value, String indent, String unit, String nl, StringBuilder sb) {
    switch (value) {
      case Json.Obj o when !o.members().isEmpty() -> {
        sb.append('{');
        int i = 0;
        for (Map.Entry<String, Json> e : o.members().entrySet()) {
          sb.append(i++ == 0 ? "" : ",").append(nl).append(indent).append(unit);
          JsonWriter.quote(e.getKey(), sb);
          sb.append(": ");
          pretty(e.getValue(), indent + unit, unit, nl, sb);
        }
        sb.append(nl).append(indent).append('}');
      }
      case Json.Arr a when !a.items().isEmpty() -> {
        sb.append('[');
        for (int i = 0; i < a.items().size(); i++) {
          sb.append(i == 0 ? "" : ",").append(nl).append(indent).append(unit);
          pretty(a.items().get(i), indent + unit, unit, nl, sb);
        }
        sb.append(nl).append(indent).append(']');
      }
      default -> JsonWriter.write(value, sb);
    }
  }
}
