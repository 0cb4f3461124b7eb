package dev.airlock.secret;

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
              + "|client-secret|private-key)(?:=|\\s+)[\"']?)(?!\\$)([^\\s\"']+)");

  private static final Pattern MYSQL_PASSWORD =
      Pattern.compile("(\\s-p)(?!\\s)(?:\"(?!\\$)[^\"]*\"|'[^']*'|(?![\"$])\\S+)");

  private Redactor() {}

  /** The text with every credential it recognises replaced by {@value #MASK}. */
  public static String redact(String text) {
    if (text.isEmpty()) {
      return text;
    }
    String s = text;
    if (s.indexOf("PRIVATE KEY") >= 0) {
      s = PRIVATE_KEY.matcher(s).replaceAll("[private key " + MASK + "]");
    }
    s = replace(AUTH_HEADER, s, 3);
    s = KNOWN_TOKEN.matcher(s).replaceAll(MASK);
    if (s.indexOf('@') >= 0) {
      s = URL_PASSWORD.matcher(s).replaceAll("$1:" + MASK + "@");
    }
    s = replace(KEY_VALUE, s, 2);
    if (s.indexOf("--") >= 0) {
      s = replace(SECRET_FLAG, s, 2);
    }
    if (s.contains("mysql") || s.contains("mariadb")) {
      s = MYSQL_PASSWORD.matcher(s).replaceAll("$1" + MASK);
    }
    return s;
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
