package dev.airlock.classify.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request as far as Airlock needs it: whether sent directly or reconstructed from a {@code
 * curl}, {@code wget} or {@code httpie} command line.
 */
public record HttpRequest(
    String method, String url, List<Map.Entry<String, String>> headers, String body) {

  public HttpRequest {
    headers = List.copyOf(headers);
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
}
