package dev.airlock.action;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP request an agent wants to send. Header names keep the caller's spelling and order;
 * lookups ignore case.
 */
public record HttpAction(
    String method,
    String url,
    List<Map.Entry<String, String>> headers,
    String body,
    Context context)
    implements Action {

  public HttpAction {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(context, "context");
    headers = List.copyOf(headers);
  }

  @Override
  public Kind kind() {
    return Kind.HTTP;
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
