package dev.airlock.classify.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the argument list of an HTTP client command line — {@code curl}, {@code wget}, HTTPie
 * ({@code http}, {@code https}) and {@code xh} ({@code xh}, {@code xhs}) — into the requests it
 * would send. Pure: it reads nothing but its arguments. Parts that are not on the command line (a
 * {@code -d @file} body, a {@code $URL}, a {@code -K} config file) are marked dynamic on the
 * request, so the classifier can hold what it cannot see. Credentials ({@code -u user:pass}) only
 * ever become an {@code Authorization} header; they are copied nowhere else.
 */
public final class HttpClientArgs {

  /** One argument as far as it is known; {@code dynamic} if it holds run-time parts. */
  public record Word(String value, boolean dynamic) {

    public static Word literal(String value) {
      return new Word(value, false);
    }
  }

  /**
   * What the client's standard input holds: a here-document or here-string's {@code text} when
   * {@code known}, or unknown content (a pipe, a file).
   */
  public record Stdin(String text, boolean known) {

    public static Stdin unknown() {
      return new Stdin("", false);
    }
  }

  /** The programs this parser reads. */
  public static final Set<String> PROGRAMS = Set.of("curl", "wget", "http", "https", "xh", "xhs");

  private HttpClientArgs() {}

  /** The requests a command line sends; empty if it sends none (e.g. {@code curl --version}). */
  public static List<HttpRequest> parse(String program, List<Word> args, @Nullable Stdin stdin) {
    return switch (program) {
      case "curl" -> CurlArgs.parse(args, stdin);
      case "wget" -> WgetArgs.parse(args, stdin);
      case "http", "xh" -> HttpieArgs.parse(args, stdin, "http://");
      case "https", "xhs" -> HttpieArgs.parse(args, stdin, "https://");
      default -> List.of();
    };
  }

  /** The requests a command line of literal arguments sends. */
  public static List<HttpRequest> parse(String program, List<String> args) {
    List<Word> words = new ArrayList<>(args.size());
    for (String a : args) {
      words.add(Word.literal(a));
    }
    return parse(program, words, null);
  }

  /** A request being put together from options. */
  static final class Draft {
    String method = "";
    String url = "";
    String body = "";
    final List<Map.Entry<String, String>> headers = new ArrayList<>(4);
    final EnumSet<HttpRequest.Part> dynamic = EnumSet.noneOf(HttpRequest.Part.class);

    void header(String name, String value) {
      headers.add(Map.entry(name, value));
    }

    boolean hasHeader(String name) {
      for (Map.Entry<String, String> h : headers) {
        if (h.getKey().equalsIgnoreCase(name)) {
          return true;
        }
      }
      return false;
    }

    /** Adds a header given as {@code Name: value} (or {@code Name;} for an empty one). */
    void rawHeader(Word w) {
      String h = w.value();
      if (w.dynamic() || h.startsWith("@")) {
        dynamic.add(HttpRequest.Part.HEADERS);
        if (h.startsWith("@")) {
          return;
        }
      }
      int colon = h.indexOf(':');
      if (colon > 0) {
        header(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
      } else if (h.endsWith(";") && h.length() > 1) {
        header(h.substring(0, h.length() - 1).strip(), "");
      }
    }

    /** Sends credentials as a Basic authorization header, and nowhere else. */
    void basicAuth(String userPass) {
      String encoded =
          Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
      header("Authorization", "Basic " + encoded);
    }

    HttpRequest build(String url, boolean urlDynamic) {
      EnumSet<HttpRequest.Part> d = EnumSet.copyOf(dynamic);
      if (urlDynamic) {
        d.add(HttpRequest.Part.URL);
      }
      return new HttpRequest(method.isEmpty() ? "GET" : method, url, headers, body, d);
    }
  }

  /** A URL as the client would complete it: no scheme means {@code defaultScheme}. */
  static String withScheme(String url, String defaultScheme) {
    if (url.contains("://")) {
      return url;
    }
    if (url.toLowerCase(Locale.ROOT).startsWith("ftp.")) {
      return "ftp://" + url;
    }
    return defaultScheme + url;
  }

  /** Percent-encodes text the way curl's {@code --data-urlencode} does. */
  static String urlEncode(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  /** Appends query text to a URL, before any fragment. */
  static String appendQuery(String url, String query) {
    if (query.isEmpty()) {
      return url;
    }
    int hash = url.indexOf('#');
    String base = hash < 0 ? url : url.substring(0, hash);
    String frag = hash < 0 ? "" : url.substring(hash);
    return base + (base.indexOf('?') >= 0 ? "&" : "?") + query + frag;
  }
}
