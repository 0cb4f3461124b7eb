package dev.airlock.classify.shell.rules;

import org.jspecify.annotations.Nullable;

/**
 * Connection targets named on command lines: URLs ({@code postgres://u:p@host/db}, {@code
 * mongodb+srv://...}, {@code redis://...}, {@code jdbc:...}), libpq conninfo strings ({@code host=x
 * dbname=y}) and plain host and database options. Credentials in them are never kept.
 */
final class Targets {

  private Targets() {}

  /** A host (or several, comma-separated) and a database; either may be empty. */
  record Target(String host, String database) {

    static final Target NONE = new Target("", "");

    /** This target with the parts the other one has and this one lacks. */
    Target or(Target other) {
      return new Target(
          host.isEmpty() ? other.host : host, database.isEmpty() ? other.database : database);
    }

    /** Replaces the host if {@code h} is given. */
    Target host(@Nullable String h) {
      return h == null || h.isEmpty() ? this : new Target(h, database);
    }

    /** Replaces the database if {@code d} is given. */
    Target database(@Nullable String d) {
      return d == null || d.isEmpty() ? this : new Target(host, d);
    }

    /** {@code database app on prod-db}, {@code the default database on prod-db}, ... */
    String describe(String noun) {
      String what = database.isEmpty() ? "the default " + noun : noun + " " + database;
      return host.isEmpty() ? what : what + " on " + host;
    }

    /** Marks the environment the host and database name. */
    void markInto(Reporter r) {
      r.mark(host);
      r.mark(database);
    }
  }

  /** Whether a word is a URL ({@code scheme://...}). */
  static boolean isUrl(String s) {
    int i = s.indexOf("://");
    return i > 0 && i < 24;
  }

  /**
   * What a connection word names: a URL, a conninfo string ({@code host=... dbname=...}), or else a
   * database name.
   */
  static Target of(String word) {
    if (isUrl(word)) {
      return url(word);
    }
    if (word.indexOf('=') > 0) {
      return conninfo(word);
    }
    return new Target("", word);
  }

  /** Host and database of a URL; user, password, port and options are dropped. */
  static Target url(String s) {
    String rest = s.startsWith("jdbc:") ? s.substring(5) : s;
    int scheme = rest.indexOf("://");
    if (scheme < 0) {
      return Target.NONE;
    }
    rest = rest.substring(scheme + 3);
    int q = indexOfAny(rest, "?#");
    String main = q < 0 ? rest : rest.substring(0, q);
    String query = q < 0 ? "" : rest.substring(q + 1);
    int at = main.lastIndexOf('@');
    String hostAndPath = at < 0 ? main : main.substring(at + 1);
    int slash = hostAndPath.indexOf('/');
    String hosts = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
    String path = slash < 0 ? "" : hostAndPath.substring(slash + 1);
    int semi = path.indexOf(';');
    if (semi >= 0) {
      path = path.substring(0, semi);
    }
    String host = stripPorts(hosts);
    String database = path;
    for (String kv : query.split("&")) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String k = kv.substring(0, eq);
      String v = kv.substring(eq + 1);
      if (host.isEmpty() && (k.equals("host") || k.equals("hostaddr"))) {
        host = v;
      } else if (database.isEmpty() && (k.equals("dbname") || k.equals("database"))) {
        database = v;
      } else if (k.equals("service")) {
        database = database.isEmpty() ? "service " + v : database;
      }
    }
    return new Target(host, database);
  }

  /** Host and database of a libpq conninfo string ({@code host=x port=5432 dbname='y'}). */
  static Target conninfo(String s) {
    String host = "";
    String db = "";
    String service = "";
    int i = 0;
    int n = s.length();
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int k = i;
      while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      String key = s.substring(k, i);
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i >= n || s.charAt(i) != '=') {
        continue;
      }
      i++;
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      StringBuilder v = new StringBuilder();
      if (i < n && s.charAt(i) == '\'') {
        i++;
        while (i < n && s.charAt(i) != '\'') {
          if (s.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          v.append(s.charAt(i++));
        }
        i++;
      } else {
        while (i < n && !Character.isWhitespace(s.charAt(i))) {
          v.append(s.charAt(i++));
        }
      }
      switch (key) {
        case "host", "hostaddr" -> host = host.isEmpty() ? v.toString() : host;
        case "dbname" -> db = v.toString();
        case "service" -> service = v.toString();
        default -> {}
      }
    }
    if (isUrl(db)) {
      return url(db);
    }
    if (db.isEmpty() && !service.isEmpty()) {
      db = "service " + service;
    }
    return new Target(stripPorts(host), db);
  }

  /** {@code h1:5432,h2:5433} becomes {@code h1,h2}; {@code [::1]:5432} becomes {@code [::1]}. */
  static String stripPorts(String hosts) {
    if (hosts.indexOf(':') < 0) {
      return hosts;
    }
    StringBuilder sb = new StringBuilder(hosts.length());
    for (String h : hosts.split(",")) {
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      if (h.startsWith("[")) {
        int close = h.indexOf(']');
        sb.append(close > 0 ? h.substring(0, close + 1) : h);
      } else {
        int colon = h.indexOf(':');
        sb.append(colon >= 0 && h.indexOf(':', colon + 1) < 0 ? h.substring(0, colon) : h);
      }
    }
    return sb.toString();
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
