package dev.airlock.classify.http;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as far as Airlock needs it: whether sent directly or reconstructed from a {@code
 * curl}, {@code wget} or {@code httpie} command line.
 *
 * @param dynamic the parts whose text is not (entirely) what will be sent: they hold expansions
 *     known only at run time ({@code $ID}), or come from a file or standard input ({@code -d
 *     @body.json}). The classifier judges what it can see and holds what it cannot.
 */
public record HttpRequest(
    String method,
    String url,
    List<Map.Entry<String, String>> headers,
    String body,
    Set<Part> dynamic) {

  /** A part of a request. */
  public enum Part {
    METHOD,
    URL,
    HEADERS,
    BODY
  }

  public HttpRequest {
    headers = List.copyOf(headers);
    dynamic = dynamic.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dynamic));
  }

  /** A request whose every part is known exactly. */
  public HttpRequest(
      String method, String url, List<Map.Entry<String, String>> headers, String body) {
    this(method, url, headers, body, Set.of());
  }

  /** The first header with this name, ignoring case, or null. */
  public @Nullable String header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  /** The method in upper case. */
  public String normalizedMethod() {
    return method.trim().toUpperCase(Locale.ROOT);
  }

  /** Whether a part is not known exactly. */
  public boolean isDynamic(Part part) {
    return dynamic.contains(part);
  }
}
