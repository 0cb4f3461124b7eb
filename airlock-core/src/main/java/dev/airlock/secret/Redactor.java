package dev.airlock.secret;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces credentials in text with {@value #MASK} before the text leaves Airlock: evidence,
 * explanations, resources, log lines. It knows authorization headers, URL passwords, {@code
 * key=value} secrets, password and token flags, private key blocks and the formats of well-known
 * provider tokens. References such as {@code $GITHUB_TOKEN} are kept: they are names, not secrets.
 */
public final class Redactor {

  /** What a secret is replaced with. */
  public static final String MASK = "***";

  private static final Pattern PRIVATE_KEY =
      Pattern.compile(
          "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)",
          Pattern.DOTALL);

  private static final Pattern AUTH_HEADER =
      Pattern.compile(
          "(?i)((?:proxy-)?authorization\\\\?\"?'?\\s*[:=]\\s*\\\\?\"?'?\\s*)"
              + "((?:bearer|basic|token|bot|digest|apikey|sso-key)\\s+)?+"
              + "(?!\\$)([^\\s\"'\\\\,;}]+)");

  private static final Pattern KNOWN_TOKEN =
      Pattern.compile(
          "\\b(?:gh[pousr]_[A-Za-z0-9]{16,}"
              + "|github_pat_[A-Za-z0-9_]{20,}"
              + "|(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{8,}"
              + "|whsec_[A-Za-z0-9]{16,}"
              + "|xox[abposr]-[A-Za-z0-9-]{10,}"
              + "|(?:AKIA|ASIA)[0-9A-Z]{16}"
              + "|AIza[0-9A-Za-z_\\-]{30,}"
              + "|glpat-[A-Za-z0-9_\\-]{16,}"
              + "|npm_[A-Za-z0-9]{30,}"
              + "|sbp_[A-Za-z0-9]{20,}"
              + "|dop_v1_[a-f0-9]{40,}"
              + "|HRKU-[A-Za-z0-9_\\-]{8,}"
              + "|sk-(?:proj-|ant-)?[A-Za-z0-9_\\-]{20,}"
              + "|eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,})");

  private static final Pattern URL_PASSWORD =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9+.\\-]*://[^/\\s:@]*):([^@\\s/]+)@");

  private static final Pattern KEY_VALUE =
      Pattern.compile(
          "(?i)(\\b[A-Za-z0-9_\\-]*(?:password|passwd|pwd|secret|token|api[_\\-]?key|apikey"
              + "|access[_\\-]?key|private[_\\-]?key|credentials?)"
              + "\\\\?[\"']?\\s*[:=]\\s*\\\\?[\"']?)"
              + "(?!\\$)([^\\s\"'\\\\&,;}]+)");

  private static final Pattern SECRET_FLAG =
      Pattern.compile(
          "(?i)(--(?:password|passwd|token|api-key|apikey|secret|access-token|auth-token"
              + "|client-secret|private-key|pass)(?:=|\\s+)[\"']?)(?!\\$)([^\\s\"']+)");

  /** {@code PASSWORD 'x'} and {@code IDENTIFIED BY 'x'} in SQL that creates or alters a role. */
  private static final Pattern SQL_PASSWORD =
      Pattern.compile("(?i)(\\b(?:password|identified\\s+by)\\s+)('(?:[^']|'')*'|\"[^\"]*\")");

  /** {@code redis-cli -a PASSWORD}. */
  private static final Pattern REDIS_PASSWORD =
      Pattern.compile("(\\s-a\\s+)(?!\\$)(\"[^\"]*\"|'[^']*'|\\S+)");

  /**
   * Literal fragments at least one of which every {@link #KNOWN_TOKEN} match contains; checking
   * them first keeps the common case (no token at all) to a few vectorised searches.
   */
  private static final List<String> TOKEN_MARKERS =
      List.of(
          "gh", "_live_", "_test_", "whsec_", "xox", "AKIA", "ASIA", "AIza", "glpat-", "npm_",
          "sbp_", "dop_v1_", "HRKU-", "sk-", "eyJ");

  /** Lower-case fragments at least one of which every key-value or flag secret contains. */
  private static final List<String> SECRET_WORDS =
      List.of("pass", "pwd", "secret", "token", "key", "credential");

  private static final Pattern MYSQL_PASSWORD =
      Pattern.compile("(\\s-p)(?!\\s)(?:\"(?!\\$)[^\"]*\"|'[^']*'|(?![\"$])\\S+)");

  private Redactor() {}

  /** The text with every credential it recognises replaced by {@value #MASK}. */
  public static String redact(String text) {
    if (text.isEmpty()) {
      return text;
    }
    String s = text;
    String lower = s.toLowerCase(Locale.ROOT);
    if (s.indexOf("PRIVATE KEY") >= 0) {
      s = PRIVATE_KEY.matcher(s).replaceAll("[private key " + MASK + "]");
    }
    if (lower.contains("authoriz")) {
      s = replace(AUTH_HEADER, s, 3);
    }
    if (mayHoldToken(s)) {
      s = KNOWN_TOKEN.matcher(s).replaceAll(MASK);
    }
    if (s.indexOf('@') >= 0 && s.contains("://")) {
      s = URL_PASSWORD.matcher(s).replaceAll("$1:" + MASK + "@");
    }
    boolean secretWord = containsAny(lower, SECRET_WORDS);
    if (secretWord && (s.indexOf('=') >= 0 || s.indexOf(':') >= 0)) {
      s = replace(KEY_VALUE, s, 2);
    }
    if (secretWord && s.indexOf("--") >= 0) {
      s = replace(SECRET_FLAG, s, 2);
    }
    if (lower.contains("password") || lower.contains("identified")) {
      s = replace(SQL_PASSWORD, s, 2);
    }
    if (lower.contains("mysql") || lower.contains("mariadb")) {
      s = MYSQL_PASSWORD.matcher(s).replaceAll("$1" + MASK);
    }
    if (lower.contains("redis")) {
      s = replace(REDIS_PASSWORD, s, 2);
    }
    return s;
  }

  /**
   * Whether a {@link #TOKEN_MARKERS} fragment starts a word in the text ({@code ghp_}, {@code sk-},
   * {@code AKIA} ...; {@code _live_} and {@code _test_} anywhere): the cheap test that keeps
   * ordinary words such as "high" or "disk-" away from the token pattern.
   */
  private static boolean mayHoldToken(String s) {
    for (String m : TOKEN_MARKERS) {
      boolean inside = m.charAt(0) == '_';
      for (int at = s.indexOf(m); at >= 0; at = s.indexOf(m, at + 1)) {
        if (!inside && at > 0 && Character.isLetterOrDigit(s.charAt(at - 1))) {
          continue;
        }
        if (m.equals("gh")
            && !(at + 3 < s.length()
                && "pousr".indexOf(s.charAt(at + 2)) >= 0
                && s.charAt(at + 3) == '_')
            && !s.startsWith("github_pat_", at)) {
          continue;
        }
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String s, List<String> fragments) {
    for (String f : fragments) {
      if (s.contains(f)) {
        return true;
      }
    }
    return false;
  }

  private static String replace(Pattern pattern, String s, int group) {
    Matcher m = pattern.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    int last = 0;
    do {
      if (!m.group(group).equals(MASK)) {
        sb.append(s, last, m.start(group)).append(MASK);
        last = m.end(group);
      }
    } while (m.find());
    sb.append(s, last, s.length());
    return sb.toString();
  }
}
