package dev.airlock.secret;

import java.nio.charset.StandardCharsets;
import java.util.List;
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
   * Literal fragments at least one of which every {@link #KNOWN_TOKEN} match starts with (or, for
   * {@code _live_} and {@code _test_}, contains); checking them first keeps the common case (no
   * token at all) away from the token pattern.
   */
  private static final List<String> TOKEN_MARKERS =
      List.of(
          "gh",
          "github_pat_",
          "_live_",
          "_test_",
          "whsec_",
          "xox",
          "AKIA",
          "ASIA",
          "AIza",
          "glpat-",
          "npm_",
          "sbp_",
          "dop_v1_",
          "HRKU-",
          "sk-",
          "eyJ");

  /** The words {@link #scan} looks for, ignoring case. */
  private static final List<String> WORDS =
      List.of(
          "authoriz",
          "pass",
          "pwd",
          "secret",
          "token",
          "key",
          "credential",
          "identified",
          "mysql",
          "mariadb",
          "redis");

  private static final int PAIR_WORD = 1;

  /**
   * For each pair of ASCII characters (first in the high seven bits of the index), whether a word
   * of {@link #WORDS} (either case) can start with it (bit 0), and which {@link #TOKEN_MARKERS}
   * fragment (exact case) does, as its index plus one (the bits above): the scan only stops where
   * one could. No two markers start with the same pair.
   */
  private static final byte[] PAIRS = new byte[1 << 14];

  static {
    for (String w : WORDS) {
      for (char a : new char[] {w.charAt(0), Character.toUpperCase(w.charAt(0))}) {
        for (char b : new char[] {w.charAt(1), Character.toUpperCase(w.charAt(1))}) {
          PAIRS[a << 7 | b] |= PAIR_WORD;
        }
      }
    }
    for (int k = 0; k < TOKEN_MARKERS.size(); k++) {
      String m = TOKEN_MARKERS.get(k);
      int at = m.charAt(0) << 7 | m.charAt(1);
      if (PAIRS[at] >> 1 != 0) {
        throw new IllegalStateException("two token markers start with " + m.substring(0, 2));
      }
      PAIRS[at] |= (byte) ((k + 1) << 1);
    }
  }

  private static final int W_AUTH = 1;
  private static final int W_SECRET = 2;
  private static final int W_SQL_PASSWORD = 4;
  private static final int W_MYSQL = 8;
  private static final int W_REDIS = 16;
  private static final int W_ASSIGNED = 32;
  private static final int W_TOKEN = 64;

  private static final Pattern MYSQL_PASSWORD =
      Pattern.compile("(\\s-p)(?!\\s)(?:\"(?!\\$)[^\"]*\"|'[^']*'|(?![\"$])\\S+)");

  private Redactor() {}

  /** The text with every credential it recognises replaced by {@value #MASK}. */
  public static String redact(String text) {
    if (text.isEmpty()) {
      return text;
    }
    String s = text;
    int words = scan(s);
    if (s.indexOf("PRIVATE KEY") >= 0) {
      s = PRIVATE_KEY.matcher(s).replaceAll("[private key " + MASK + "]");
    }
    if ((words & W_AUTH) != 0) {
      s = replace(AUTH_HEADER, s, 3);
    }
    if (s == text ? (words & W_TOKEN) != 0 : (scan(s) & W_TOKEN) != 0) {
      s = KNOWN_TOKEN.matcher(s).replaceAll(MASK);
    }
    if (s.indexOf('@') >= 0 && s.contains("://")) {
      s = URL_PASSWORD.matcher(s).replaceAll("$1:" + MASK + "@");
    }
    boolean secretWord = (words & W_SECRET) != 0;
    if ((words & W_ASSIGNED) != 0) {
      s = replace(KEY_VALUE, s, 2);
    }
    if (secretWord && s.indexOf("--") >= 0) {
      s = replace(SECRET_FLAG, s, 2);
    }
    if ((words & W_SQL_PASSWORD) != 0) {
      s = replace(SQL_PASSWORD, s, 2);
    }
    if ((words & W_MYSQL) != 0) {
      s = MYSQL_PASSWORD.matcher(s).replaceAll("$1" + MASK);
    }
    if ((words & W_REDIS) != 0) {
      s = replace(REDIS_PASSWORD, s, 2);
    }
    return s;
  }

  /**
   * Which of the words the patterns need occur in the text, ignoring case, and whether a token
   * marker starts a word there, in one pass over a byte copy of the text: {@code authoriz}; a
   * secret word ({@code pass}, {@code pwd}, {@code secret}, {@code token}, {@code key}, {@code
   * credential}); {@code password} or {@code identified}; {@code mysql} or {@code mariadb}; {@code
   * redis}; a {@link #TOKEN_MARKERS} fragment ({@code ghp_}, {@code sk-}, {@code AKIA} ...; {@code
   * _live_} and {@code _test_} anywhere), which keeps ordinary words such as "high" or "disk-" away
   * from the token pattern.
   */
  private static int scan(String s) {
    int found = 0;
    int n = s.length();
    byte[] b = ascii(s);
    for (int i = 0; i + 1 < n; i++) {
      int c = b[i];
      int d = b[i + 1];
      if ((c | d) < 0) {
        continue;
      }
      int pair = PAIRS[c << 7 | d];
      if (pair == 0) {
        continue;
      }
      if ((pair & PAIR_WORD) != 0 && i + 2 < n) {
        found |= word(s, i, c | 0x20);
      }
      if (pair > PAIR_WORD && (found & W_TOKEN) == 0 && tokenAt(s, i, (pair >> 1) - 1)) {
        found |= W_TOKEN;
      }
    }
    return found;
  }

  /**
   * The text's characters as bytes, one per {@code char}: ASCII as is, other characters negative or
   * {@code ?}. The platform's Latin-1 copy is one vectorised move; text with characters beyond
   * Latin-1 pairs (surrogates) is copied by hand so that offsets stay aligned.
   */
  private static byte[] ascii(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length != s.length()) {
      b = new byte[s.length()];
      for (int i = 0; i < b.length; i++) {
        char c = s.charAt(i);
        b[i] = c < 0x80 ? (byte) c : (byte) '?';
      }
    }
    return b;
  }

  /** What the word starting at {@code i} (its first letter {@code c}, lower case) contributes. */
  private static int word(String s, int i, int c) {
    return switch (c) {
      case 'a' -> at(s, i, "authoriz") ? W_AUTH : 0;
      case 'p' -> {
        if (at(s, i, "pass")) {
          yield secret(s, i + 4) | (at(s, i, "password") ? W_SQL_PASSWORD : 0);
        }
        yield at(s, i, "pwd") ? secret(s, i + 3) : 0;
      }
      case 's' -> at(s, i, "secret") ? secret(s, i + 6) : 0;
      case 't' -> at(s, i, "token") ? secret(s, i + 5) : 0;
      case 'k' -> at(s, i, "key") ? secret(s, i + 3) : 0;
      case 'c' -> at(s, i, "credential") ? secret(s, i + 10) : 0;
      case 'i' -> at(s, i, "identified") ? W_SQL_PASSWORD : 0;
      case 'm' -> at(s, i, "mysql") || at(s, i, "mariadb") ? W_MYSQL : 0;
      case 'r' -> at(s, i, "redis") ? W_REDIS : 0;
      default -> 0;
    };
  }

  /** Whether the marker with this index starts at {@code i} where a token could start. */
  private static boolean tokenAt(String s, int i, int marker) {
    String m = TOKEN_MARKERS.get(marker);
    if (!s.startsWith(m, i)) {
      return false;
    }
    boolean inside = m.charAt(0) == '_';
    if (!inside && i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
      return false;
    }
    return !m.equals("gh")
        || (i + 3 < s.length() && "pousr".indexOf(s.charAt(i + 2)) >= 0 && s.charAt(i + 3) == '_');
  }

  /**
   * A secret word ending at {@code end}; also {@code W_ASSIGNED} when the name it ends is followed
   * by {@code :} or {@code =} ({@code api_key = x}, {@code "password": "x"}), which is what {@link
   * #KEY_VALUE} needs.
   */
  private static int secret(String s, int end) {
    int n = s.length();
    int j = end;
    while (j < n
        && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '-')) {
      j++;
    }
    if (j < n && s.charAt(j) == '\\') {
      j++;
    }
    if (j < n && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
      j++;
    }
    while (j < n && Character.isWhitespace(s.charAt(j))) {
      j++;
    }
    return j < n && (s.charAt(j) == ':' || s.charAt(j) == '=') ? W_SECRET | W_ASSIGNED : W_SECRET;
  }

  /** Whether the lower-case ASCII word starts at {@code i}, ignoring ASCII case. */
  private static boolean at(String s, int i, String lowerWord) {
    int n = lowerWord.length();
    if (i + n > s.length()) {
      return false;
    }
    for (int j = 1; j < n; j++) {
      if ((s.charAt(i + j) | 0x20) != lowerWord.charAt(j)) {
        return false;
      }
    }
    return true;
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
