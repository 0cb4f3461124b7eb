package dev.airlock.classify.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A URL taken apart by hand, without regexes: scheme, host (lower case, credentials dropped), port,
 * path segments (percent-decoded) and query. A URL without a scheme is read the way curl reads it,
 * as {@code http://}. Anything that cannot be a URL has a {@link #problem()}.
 */
final class Url {

  private final String raw;
  private final String scheme;
  private final String host;
  private final int port;
  private final String path;
  private final int pathStart;
  private final String query;
  private final int queryStart;
  private final boolean userInfo;
  private final @Nullable String problem;
  private @Nullable List<String> segments;

  private Url(
      String raw,
      String scheme,
      String host,
      int port,
      String path,
      int pathStart,
      String query,
      int queryStart,
      boolean userInfo,
      @Nullable String problem) {
    this.raw = raw;
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.path = path;
    this.pathStart = pathStart;
    this.query = query;
    this.queryStart = queryStart;
    this.userInfo = userInfo;
    this.problem = problem;
  }

  static Url parse(String raw) {
    int n = raw.length();
    int i = 0;
    while (i < n && raw.charAt(i) <= ' ') {
      i++;
    }
    int end = n;
    while (end > i && raw.charAt(end - 1) <= ' ') {
      end--;
    }
    String scheme = "http";
    int sep = raw.indexOf("://", i);
    if (sep > i && isScheme(raw, i, sep)) {
      scheme = raw.substring(i, sep).toLowerCase(Locale.ROOT);
      i = sep + 3;
    } else if (raw.startsWith("//", i)) {
      i += 2;
    } else if (i < end && raw.charAt(i) == '/') {
      return relative(raw, i, end);
    }
    int authEnd = i;
    while (authEnd < end && "/?#".indexOf(raw.charAt(authEnd)) < 0) {
      authEnd++;
    }
    int at = raw.lastIndexOf('@', authEnd - 1);
    boolean userInfo = at >= i;
    int hostStart = userInfo ? at + 1 : i;
    String hostPort = raw.substring(hostStart, authEnd);
    String host;
    int port = -1;
    String problem = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      host = close < 0 ? hostPort : hostPort.substring(0, close + 1);
      String rest = close < 0 ? "" : hostPort.substring(close + 1);
      if (rest.startsWith(":")) {
        port = port(rest.substring(1));
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      if (colon >= 0) {
        port = port(hostPort.substring(colon + 1));
        if (port == -2) {
          problem = "the port is not a number";
        }
      }
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (problem == null && !scheme.equals("file")) {
      problem = hostProblem(host);
    }
    return withPath(raw, scheme, host, port, authEnd, end, userInfo, problem);
  }

  private static Url relative(String raw, int start, int end) {
    return withPath(raw, "", "", -1, start, end, false, "the URL has no host");
  }

  private static Url withPath(
      String raw,
      String scheme,
      String host,
      int port,
      int from,
      int end,
      boolean userInfo,
      @Nullable String problem) {
    int hash = raw.indexOf('#', from);
    int stop = hash < 0 || hash > end ? end : hash;
    int q = raw.indexOf('?', from);
    String path;
    String query = "";
    int queryStart = -1;
    if (q >= 0 && q < stop) {
      path = raw.substring(from, q);
      query = raw.substring(q + 1, stop);
      queryStart = q + 1;
    } else {
      path = raw.substring(from, stop);
    }
    if (path.isEmpty()) {
      path = "/";
    }
    String p = problem;
    if (p == null) {
      for (int k = from; k < stop; k++) {
        char c = raw.charAt(k);
        if (c < ' ' || c == ' ' || c == 0x7f) {
          p = "the URL holds spaces or control characters";
          break;
        }
      }
    }
    return new Url(raw, scheme, host, port, path, from, query, queryStart, userInfo, p);
  }

  private static boolean isScheme(String s, int from, int to) {
    if (!Character.isLetter(s.charAt(from))) {
      return false;
    }
    for (int k = from; k < to; k++) {
      char c = s.charAt(k);
      if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  private static int port(String s) {
    if (s.isEmpty() || s.length() > 5) {
      return s.isEmpty() ? -1 : -2;
    }
    int v = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return -2;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static @Nullable String hostProblem(String host) {
    if (host.isEmpty()) {
      return "the URL has no host";
    }
    if (host.startsWith("[")) {
      return host.endsWith("]") ? null : "the IPv6 host is not closed";
    }
    for (int k = 0; k < host.length(); k++) {
      char c = host.charAt(k);
      if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '%')) {
        return "the host holds a character a host name cannot have ('" + c + "')";
      }
    }
    return null;
  }

  String raw() {
    return raw;
  }

  String scheme() {
    return scheme;
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  String path() {
    return path;
  }

  /** Where the path starts in {@link #raw()}. */
  int pathStart() {
    return pathStart;
  }

  String query() {
    return query;
  }

  /** Where the query starts in {@link #raw()}, or -1. */
  int queryStart() {
    return queryStart;
  }

  boolean hasUserInfo() {
    return userInfo;
  }

  @Nullable String problem() {
    return problem;
  }

  boolean isHttp() {
    return scheme.equals("http") || scheme.equals("https");
  }

  /** The percent-decoded path segments, empty ones dropped. */
  List<String> segments() {
    List<String> s = segments;
    if (s == null) {
      s = new ArrayList<>(8);
      int k = 0;
      int n = path.length();
      while (k < n) {
        int slash = path.indexOf('/', k);
        int e = slash < 0 ? n : slash;
        if (e > k) {
          s.add(decode(path.substring(k, e), false));
        }
        k = e + 1;
      }
      s = List.copyOf(s);
      segments = s;
    }
    return s;
  }

  /** The last path segment in lower case, or empty. */
  String lastSegment() {
    List<String> s = segments();
    return s.isEmpty() ? "" : s.get(s.size() - 1).toLowerCase(Locale.ROOT);
  }

  /** The first value of a query parameter, decoded; null if absent. */
  @Nullable String param(String name) {
    return formValue(query, name);
  }

  /** Whether the query names a parameter (with or without a value). */
  boolean hasParam(String name) {
    return formSpan(query, name) != null;
  }

  /** The span of a parameter's raw value within {@link #raw()}, or null. */
  int @Nullable [] paramSpan(String name) {
    int[] s = formSpan(query, name);
    if (s == null || queryStart < 0) {
      return null;
    }
    return new int[] {queryStart + s[0], queryStart + s[1]};
  }

  /**
   * The URL for people: credentials and the values of secret-looking query parameters replaced by
   * {@code ***}. Spans stay those of the raw URL.
   */
  String safeText() {
    String s = raw;
    if (userInfo) {
      int schemeEnd = s.indexOf("://");
      int from = schemeEnd < 0 ? 0 : schemeEnd + 3;
      int at = s.indexOf('@', from);
      int slash = s.indexOf('/', from);
      if (at >= 0 && (slash < 0 || at < slash)) {
        s = s.substring(0, from) + "***" + s.substring(at);
      }
    }
    int q = s.indexOf('?');
    if (q < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    sb.append(s, 0, q + 1);
    int k = q + 1;
    while (k <= s.length()) {
      int amp = s.indexOf('&', k);
      int e = amp < 0 ? s.length() : amp;
      String pair = s.substring(k, e);
      int eq = pair.indexOf('=');
      if (eq > 0 && SecretNames.isSecretParam(pair.substring(0, eq))) {
        sb.append(pair, 0, eq + 1).append("***");
      } else {
        sb.append(pair);
      }
      if (amp < 0) {
        break;
      }
      sb.append('&');
      k = amp + 1;
    }
    return sb.toString();
  }

  /** The first value of a field in {@code a=1&b=2} text, decoded with {@code +} as space. */
  static @Nullable String formValue(String form, String name) {
    int[] s = formSpan(form, name);
    return s == null ? null : decode(form.substring(s[0], s[1]), true);
  }

  /** The span of the raw value of a field in form text, or null if absent. */
  static int @Nullable [] formSpan(String form, String name) {
    int k = 0;
    int n = form.length();
    while (k < n) {
      int amp = form.indexOf('&', k);
      int e = amp < 0 ? n : amp;
      int eq = form.indexOf('=', k);
      int keyEnd = eq < 0 || eq > e ? e : eq;
      if (decode(form.substring(k, keyEnd), true).equals(name)) {
        return keyEnd == e ? new int[] {e, e} : new int[] {keyEnd + 1, e};
      }
      k = e + 1;
    }
    return null;
  }

  /** Percent-decodes text as UTF-8; malformed escapes are kept as written. */
  static String decode(String s, boolean plusIsSpace) {
    if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int n = s.length();
    for (int k = 0; k < n; k++) {
      char c = s.charAt(k);
      if (c == '%' && k + 2 < n) {
        int hi = hex(s.charAt(k + 1));
        int lo = hex(s.charAt(k + 2));
        if (hi >= 0 && lo >= 0) {
          bytes.write(hi * 16 + lo);
          k += 2;
          continue;
        }
      }
      if (bytes.size() > 0) {
        sb.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
      }
      sb.append(plusIsSpace && c == '+' ? ' ' : c);
    }
    if (bytes.size() > 0) {
      sb.append(bytes.toString(StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
