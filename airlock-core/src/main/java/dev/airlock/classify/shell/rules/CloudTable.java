package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The subcommands of one CLI that Airlock judges by name: the words that name each ({@code
 * volumes|volume|vol destroy|delete|rm}, alternatives split by {@code |}), how bad it is, what it
 * touches, and one sentence saying why. {@code {}} in a reason stands for the resource ("volume
 * pg-data", or "the selected volume" when the command names none). The longest matching path wins.
 */
final class CloudTable {

  /** One subcommand: path words with alternatives, judgement, and where its target is named. */
  record Row(
      String[][] path,
      Severity severity,
      String rule,
      String verb,
      String noun,
      String reason,
      String[] target) {}

  private final String pack;
  private final String prefix;
  private final Map<String, List<Row>> byFirst = new HashMap<>();

  private CloudTable(String pack, String prefix) {
    this.pack = pack;
    this.prefix = prefix;
  }

  /**
   * A table from rows of text, one subcommand a line: {@code path => severity rule verb noun
   * [options] : reason}. The path's words are separated by spaces, alternatives by {@code |}; an
   * underscore in the noun stands for a space; options, separated by commas, name where the target
   * is given ({@code -v,--volume}); {@code {backup}} in a reason says a backup is lost.
   */
  static CloudTable of(String pack, String prefix, String rows) {
    CloudTable t = new CloudTable(pack, prefix);
    for (String line : rows.split("\n")) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      int arrow = l.indexOf(" => ");
      int colon = l.indexOf(" : ", arrow);
      String[] head = l.substring(arrow + 4, colon).strip().split(" +");
      t.row(
          l.substring(0, arrow).strip(),
          Severity.valueOf(head[0].toUpperCase(java.util.Locale.ROOT)),
          head[1],
          head[2],
          head[3].replace('_', ' '),
          l.substring(colon + 3).strip().replace("{backup}", BACKUP),
          head.length > 4 ? head[4].split(",") : new String[0]);
    }
    return t;
  }

  private static final String BACKUP = ": a backup, and maybe the last copy of the data";

  private void row(
      String path,
      Severity severity,
      String rule,
      String verb,
      String noun,
      String reason,
      String[] target) {
    String[] parts = path.split(" ");
    String[][] alts = new String[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      alts[i] = parts[i].split("\\|");
    }
    Row row =
        new Row(alts, severity, "shell." + pack + "." + prefix + rule, verb, noun, reason, target);
    for (String first : alts[0]) {
      byFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(row);
    }
  }

  /** The row whose path matches the words from {@code from} on, longest first; null if none. */
  @Nullable Row match(CloudCall call, int from) {
    List<Row> rows = byFirst.get(call.word(from));
    if (rows == null) {
      return null;
    }
    Row best = null;
    for (Row r : rows) {
      if ((best == null || r.path().length > best.path().length) && matches(r, call, from)) {
        best = r;
      }
    }
    return best;
  }

  private static boolean matches(Row r, CloudCall call, int from) {
    for (int i = 0; i < r.path().length; i++) {
      String w = call.word(from + i);
      boolean any = false;
      for (String alt : r.path()[i]) {
        if (alt.equals(w)) {
          any = true;
          break;
        }
      }
      if (!any) {
        return false;
      }
    }
    return true;
  }

  /** The target a row names: its option's value, else the first word after its path. */
  static @Nullable Arg target(Row r, CloudCall call, int from) {
    Arg named = r.target().length > 0 ? call.value(r.target()) : null;
    return named != null ? named : call.wordArg(from + r.path().length);
  }

  /**
   * Reports the row matching the words from {@code from} on, if any. {@code env} is what the CLI's
   * options say about the environment; the target's name adds its own markers. {@code note} ends
   * the reason ("; --yes skips the confirmation prompt").
   */
  boolean report(CloudCall call, int from, Environment env, String note) {
    Row r = match(call, from);
    if (r == null) {
      return false;
    }
    Arg t = target(r, call, from);
    String name = t == null ? "" : t.value();
    String resource = name.isEmpty() ? r.noun() : r.noun() + " " + name;
    String shown = name.isEmpty() ? "the selected " + r.noun() : resource;
    Environment detected = env.combine(CloudCall.markersOf(t));
    if (r.severity() == Severity.SAFE) {
      if (r.verb().equals("read")) {
        call.read(r.rule(), resource, detected, r.reason().replace("{}", shown));
      } else {
        call.write(r.rule(), r.verb(), resource, detected, r.reason().replace("{}", shown));
      }
      return true;
    }
    call.report(
        r.rule(),
        r.severity(),
        r.verb(),
        resource,
        detected,
        r.reason().replace("{}", shown) + note);
    return true;
  }
}
