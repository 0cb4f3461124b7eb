package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Text given to the sqlite3 shell: SQL, which goes to the SQL classifier, mixed with dot-commands
 * ({@code .tables}, {@code .restore}, {@code .shell}), which are judged here. The shell accepts
 * abbreviations of dot-commands ({@code .rest} is {@code .restore}); an abbreviation is resolved
 * towards the most dangerous command it could mean.
 */
final class SqliteDot {

  private SqliteDot() {}

  private static final Set<String> READS =
      Set.of(
          "tables",
          "schema",
          "indexes",
          "indices",
          "databases",
          "dbinfo",
          "headers",
          "header",
          "mode",
          "help",
          "show",
          "width",
          "timer",
          "print",
          "quit",
          "exit",
          "echo",
          "nullvalue",
          "separator",
          "stats",
          "eqp",
          "explain",
          "fullschema",
          "lint",
          "dump",
          "expert",
          "prompt",
          "bail",
          "changes",
          "dbconfig",
          "parameter",
          "scanstats",
          "timeout",
          "trace",
          "vfsinfo",
          "vfslist",
          "vfsname",
          "limit",
          "sha3sum",
          "selftest",
          "check",
          "binary",
          "charset",
          "crnl",
          "connection",
          "progress",
          "recover",
          "cd",
          "nonce",
          "unmodule",
          "auth");

  /** Commands with effects, most dangerous first: an abbreviation resolves to the first match. */
  private static final List<String> EFFECTS =
      List.of(
          "restore",
          "shell",
          "system",
          "read",
          "open",
          "load",
          "import",
          "output",
          "once",
          "log",
          "save",
          "backup",
          "clone",
          "excel",
          "archive",
          "ar",
          "filectrl",
          "testctrl",
          "imposter",
          "iotrace",
          "testcase");

  /** Judges text that may mix SQL and dot-commands. */
  static void text(Reporter r, @Nullable Arg carrier, String text, String resource) {
    if (!hasDotLine(text)) {
      if (carrier != null) {
        r.sql(carrier);
      } else {
        r.sql(text);
      }
      return;
    }
    StringBuilder sql = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int nl = text.indexOf('\n', i);
      int end = nl < 0 ? n : nl;
      String line = text.substring(i, end);
      i = end + 1;
      String t = line.strip();
      String pending = sql.toString().strip();
      if (t.startsWith(".") && (pending.isEmpty() || pending.endsWith(";"))) {
        dot(r, carrier, t, resource);
      } else {
        sql.append(line).append('\n');
      }
    }
    if (!sql.toString().isBlank()) {
      r.sql(sql.toString());
    }
  }

  private static boolean hasDotLine(String text) {
    int i = 0;
    int n = text.length();
    boolean lineStart = true;
    while (i < n) {
      char c = text.charAt(i++);
      if (c == '\n') {
        lineStart = true;
      } else if (lineStart && c == '.') {
        return true;
      } else if (!Character.isWhitespace(c)) {
        lineStart = false;
      }
    }
    return false;
  }

  private static String resolve(String cmd) {
    if (READS.contains(cmd) || EFFECTS.contains(cmd)) {
      return cmd;
    }
    if (cmd.length() >= 2) {
      for (String e : EFFECTS) {
        if (e.startsWith(cmd)) {
          return e;
        }
      }
      for (String e : READS) {
        if (e.startsWith(cmd)) {
          return e;
        }
      }
    }
    return cmd;
  }

  private static void dot(Reporter r, @Nullable Arg carrier, String line, String resource) {
    int sp = 1;
    while (sp < line.length() && !Character.isWhitespace(line.charAt(sp))) {
      sp++;
    }
    String cmd = resolve(Reporter.lower(line.substring(1, sp)));
    String rest = line.substring(sp).strip();
    String restLower = Reporter.lower(rest);
    String dotName = "." + cmd;
    switch (cmd) {
      case "restore" ->
          r.add(
              "sqlite-restore",
              "restore",
              resource,
              Severity.DESTRUCTIVE,
              "sqlite3 .restore replaces the whole database with the contents of a backup file;"
                  + " everything written since is lost");
      case "shell", "system" -> r.shell(shellArg(r, carrier, rest), "sqlite3 " + dotName);
      case "read" -> {
        if (rest.startsWith("|") || rest.startsWith("'|") || rest.startsWith("\"|")) {
          r.unknown(
              "sqlite-read",
              "execute",
              resource,
              "sqlite3 .read runs the output of a shell command as SQL: " + rest);
        } else {
          DatabaseCliRules.sqlFile(r, unquote(rest), resource);
        }
      }
      case "open" -> {
        String target = unquote(lastWord(rest));
        r.mark(target);
        if (restLower.contains("-new") || restLower.contains("--new")) {
          r.add(
              "sqlite-open-new",
              "truncate",
              "database file " + target,
              Severity.DESTRUCTIVE,
              "sqlite3 .open --new empties " + target + " before opening it");
        } else {
          r.read("sqlite-open", "open", "database file " + target, "opens another database file");
        }
      }
      case "load" ->
          r.unknown(
              "sqlite-load",
              "load-extension",
              resource,
              "sqlite3 .load loads a native extension, which runs code Airlock cannot judge");
      case "output", "once", "excel", "log" -> {
        if (rest.startsWith("|") || rest.startsWith("'|") || rest.startsWith("\"|")) {
          String cmdText = unquote(rest);
          r.shell(
              shellArg(r, carrier, cmdText.substring(cmdText.indexOf('|') + 1).strip()),
              "sqlite3 " + dotName + " |");
        } else {
          r.write(
              "sqlite-output",
              "write-file",
              rest,
              "sqlite3 " + dotName + " writes query output to a file");
        }
      }
      case "import", "save", "backup", "clone" ->
          r.write(
              "sqlite-" + cmd,
              cmd,
              resource,
              "sqlite3 " + dotName + " copies data without removing any");
      default -> {
        if (READS.contains(cmd)) {
          r.read(
              "sqlite-dot",
              cmd,
              resource,
              "sqlite3 " + dotName + " only shows or sets display options");
        } else {
          r.unknown(
              "sqlite-dot",
              cmd,
              resource,
              "the sqlite3 dot-command " + dotName + " is not one Airlock judges");
        }
      }
    }
  }

  private static Arg shellArg(Reporter r, @Nullable Arg carrier, String cmd) {
    if (carrier != null) {
      return carrier.withValue(cmd);
    }
    Invocation inv = r.invocation();
    return new Arg(cmd, 0, inv.start(), inv.end());
  }

  private static String lastWord(String s) {
    int sp = s.lastIndexOf(' ');
    return sp < 0 ? s : s.substring(sp + 1);
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && (s.charAt(0) == '\'' || s.charAt(0) == '"')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
