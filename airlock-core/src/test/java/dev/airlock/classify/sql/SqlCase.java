package dev.airlock.classify.sql;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One line of {@code sql/cases.txt}: SQL and what its worst finding must be. */
record SqlCase(
    int line,
    boolean gap,
    Severity severity,
    Access access,
    String rule,
    @Nullable Environment env,
    String sql) {

  /** What the classifier said about a text: its findings and the worst of them. */
  record Outcome(Finding worst, Access access, Environment env, List<Finding> findings) {
    String describe() {
      StringBuilder b = new StringBuilder();
      for (Finding f : findings) {
        b.append("\n  ")
            .append(f.severity().id())
            .append(' ')
            .append(f.access().id())
            .append(' ')
            .append(f.ruleId())
            .append(" env=")
            .append(f.environment().id())
            .append(": ")
            .append(f.reason());
      }
      return b.toString();
    }
  }

  static Outcome classify(String sql) {
    Analysis out = new Analysis(Limits.DEFAULT, Trace.OFF);
    new SqlClassifier().classify(sql, Scope.root("sql", Environment.UNKNOWN), out);
    List<Finding> findings = out.findings();
    Finding worst = findings.get(0);
    Access access = Access.READ;
    Environment env = Environment.UNKNOWN;
    for (Finding f : findings) {
      if (worse(f, worst)) {
        worst = f;
      }
      if (f.access() == Access.WRITE) {
        access = Access.WRITE;
      }
      env = env.combine(f.environment());
    }
    return new Outcome(worst, access, env, findings);
  }

  /** Ordered by severity, then a write before a read. */
  private static boolean worse(Finding a, Finding b) {
    if (a.severity().rank() != b.severity().rank()) {
      return a.severity().rank() > b.severity().rank();
    }
    return a.access() == Access.WRITE && b.access() == Access.READ;
  }

  /** Whether the outcome is what the case expects. */
  boolean matches(Outcome o) {
    return o.worst().severity() == severity
        && o.access() == access
        && o.worst().ruleId().equals(rule)
        && (env == null || o.env() == env);
  }

  String expected() {
    return severity.id() + " " + access.id() + " " + rule + (env == null ? "" : " env=" + env.id());
  }

  static List<SqlCase> load(String resource) throws IOException {
    List<SqlCase> cases = new ArrayList<>();
    try (InputStream in = SqlCase.class.getResourceAsStream(resource)) {
      String text =
          new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        int bar = line.indexOf(" | ");
        if (bar < 0 && line.endsWith(" |")) {
          bar = line.length() - 2;
        }
        if (bar < 0) {
          throw new IllegalArgumentException(resource + ":" + (i + 1) + ": no ' | ' in " + line);
        }
        String head = line.substring(0, bar).strip();
        String sql = unescape(bar + 3 <= line.length() ? line.substring(bar + 3) : "");
        boolean gap = head.startsWith("gap:");
        if (gap) {
          head = head.substring(4).strip();
        }
        String[] parts = head.trim().split("\\s+", -1);
        if (parts.length < 3) {
          throw new IllegalArgumentException(
              resource + ":" + (i + 1) + ": want severity access rule");
        }
        Environment env = null;
        if (parts.length > 3 && parts[3].startsWith("env=")) {
          env = Environment.parse(parts[3].substring(4));
        }
        cases.add(
            new SqlCase(
                i + 1,
                gap,
                Objects.requireNonNull(Severity.parse(parts[0]), parts[0]),
                Objects.requireNonNull(Access.parse(parts[1]), parts[1]),
                parts[2],
                env,
                sql));
      }
    }
    return cases;
  }

  /** Resolves \n, \t, \0 and \\; every other backslash stays as it is. */
  static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        switch (n) {
          case 'n' -> {
            b.append('\n');
            i++;
            continue;
          }
          case 't' -> {
            b.append('\t');
            i++;
            continue;
          }
          case '0' -> {
            b.append('\0');
            i++;
            continue;
          }
          case '\\' -> {
            b.append('\\');
            i++;
            continue;
          }
          default -> {}
        }
      }
      b.append(c);
    }
    return b.toString();
  }
}
