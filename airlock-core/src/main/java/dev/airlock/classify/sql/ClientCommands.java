package dev.airlock.classify.sql;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import java.util.Locale;

/**
 * Backslash commands of the psql and mysql clients that arrive with SQL ({@code \dt}, {@code \c
 * db}, {@code \! cmd}, {@code \copy ... program}, {@code \gexec}). They run in the client, not the
 * server: listing and settings are reads; shell escapes, files of SQL and {@code \gexec} cannot be
 * judged here.
 */
final class ClientCommands {

  private ClientCommands() {}

  /** Judges a client command; true when it deliberately yields nothing (a bare terminator). */
  static boolean judge(Pass p, Stmt st) {
    String raw = st.lx.text(st.from);
    int i = 1;
    if (i < raw.length() && Character.isLetter(raw.charAt(i))) {
      while (i < raw.length()
          && (Character.isLetterOrDigit(raw.charAt(i)) || raw.charAt(i) == '_')) {
        i++;
      }
      while (i < raw.length() && (raw.charAt(i) == '+' || raw.charAt(i) == 'S')) {
        i++;
      }
    } else if (i < raw.length()) {
      i++;
    }
    String name = raw.substring(1, i);
    String args = raw.substring(i).strip();
    String lower = name.toLowerCase(Locale.ROOT);
    p.how = "judged by the lexer: client command \\" + name;
    Effect e = p.effect(st, "sql.client-command").verb("\\" + name).program("psql");
    if (args.startsWith("|")
        || (lower.equals("copy") && args.toLowerCase(Locale.ROOT).contains("program"))) {
      e.unknown().reason("runs a local shell command through the SQL client: " + cut(args)).emit();
      return false;
    }
    switch (name) {
      case "g", "G", "gx", "p", "r", "q", "\\", ";" -> {
        if (args.isEmpty()) {
          return true;
        }
        e.safe().access(Access.WRITE).reason("writes query output to local file " + cut(args));
      }
      case "!" -> e.unknown().reason("runs a shell command through the SQL client: " + cut(args));
      case "gexec" ->
          e =
              p.effect(st, "sql.dynamic")
                  .verb("\\gexec")
                  .program("psql")
                  .unknown()
                  .reason(
                      "runs every value the query returns as SQL (\\gexec), which cannot be"
                          + " judged before it runs");
      case "i", "ir", "include", "include_relative", "." ->
          e =
              p.effect(st, "sql.source")
                  .verb("\\" + name)
                  .program("psql")
                  .unknown()
                  .reason(
                      "runs the SQL in file " + cut(args) + ", which is not part of this input");
      case "e", "ef", "ev", "edit" ->
          e.unknown().reason("opens an editor whose result runs as SQL");
      case "c", "connect", "u" -> {
        Environment env = Verdicts.database(args);
        e =
            p.effect(st, "sql.session")
                .verb("\\" + name)
                .program("psql")
                .resource(args.isEmpty() ? "" : "database " + cut(args))
                .env(env)
                .safe()
                .read()
                .reason("connects to database " + cut(args));
        p.switchTo(env);
      }
      case "copy" -> {
        String a = args.toLowerCase(Locale.ROOT);
        if (a.contains(" from ")) {
          e.safe().access(Access.WRITE).reason("loads rows from a local file into a table");
        } else {
          e.safe()
              .access(a.contains("stdout") ? Access.READ : Access.WRITE)
              .reason("copies rows to the client or a local file");
        }
      }
      case "lo_unlink" ->
          e =
              p.effect(st, "sql.large-object-unlink")
                  .verb("\\lo_unlink")
                  .program("psql")
                  .destructive()
                  .reason("deletes a large object");
      case "lo_import", "lo_export", "o", "out", "w", "write", "s", "T", "tee" ->
          e.safe().access(Access.WRITE).reason("writes a local file or imports one");
      case "set", "gset" -> {
        p.run.psqlVariables = true;
        e.safe().read().reason("sets client variables");
      }
      default -> {
        if (isListing(lower)) {
          e.safe().read().reason("a client command that lists, shows or sets display options");
        } else {
          e.unknown().reason("a client command Airlock does not know (\\" + name + ")");
        }
      }
    }
    e.emit();
    return false;
  }

  private static boolean isListing(String name) {
    if (name.startsWith("d")) {
      return true;
    }
    return switch (name) {
      case "l",
          "l+",
          "list",
          "x",
          "timing",
          "echo",
          "qecho",
          "warn",
          "pset",
          "a",
          "t",
          "h",
          "help",
          "?",
          "f",
          "encoding",
          "prompt",
          "errverbose",
          "conninfo",
          "copyright",
          "unset",
          "z",
          "sf",
          "sv",
          "gdesc",
          "gset",
          "crosstabview",
          "lo_list",
          "if",
          "elif",
          "else",
          "endif",
          "bind",
          "cd",
          "getenv",
          "setenv",
          "watch",
          "status",
          "warnings",
          "nowarning",
          "pager",
          "nopager",
          "rehash",
          "charset",
          "print",
          "ego",
          "go",
          "clear",
          "reconnect",
          "resetconnection",
          "prompt_" ->
          true;
      default -> false;
    };
  }

  private static String cut(String s) {
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
