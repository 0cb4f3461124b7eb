package dev.airlock.classify.shell.rules;

import dev.airlock.classify.http.HttpRequest;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP request {@code gh api} sends, rebuilt from its arguments the way gh builds it: the
 * endpoint under {@code https://api.github.com/} (or {@code https://HOST/api/v3/} with {@code
 * --hostname}), {@code -X} or else POST when fields or {@code --input} are given, {@code -f}/{@code
 * -F} fields as a JSON body (as the query string for GET; as {@code query} and {@code variables}
 * for {@code graphql}), and {@code -H} headers. Placeholders such as {@code {owner}} are kept.
 */
final class GhApi {

  private GhApi() {}

  /** Builds the request from the arguments after {@code api}. */
  static HttpRequest request(Invocation inv, List<Arg> args) {
    String method = null;
    String host = "github.com";
    String endpoint = null;
    String input = null;
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    List<String[]> fields = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      String next = i + 1 < args.size() ? args.get(i + 1).value() : null;
      String name = v;
      String value = next;
      boolean attached = false;
      if (v.startsWith("--") && v.indexOf('=') > 0) {
        name = v.substring(0, v.indexOf('='));
        value = v.substring(v.indexOf('=') + 1);
        attached = true;
      } else if (v.length() > 2
          && v.charAt(0) == '-'
          && v.charAt(1) != '-'
          && "XHfFpqt".indexOf(v.charAt(1)) >= 0) {
        name = v.substring(0, 2);
        value = v.substring(2);
        attached = true;
      }
      switch (name) {
        case "-X", "--method" -> method = value;
        case "-H", "--header" -> {
          if (value != null) {
            int colon = value.indexOf(':');
            headers.add(
                new SimpleImmutableEntry<>(
                    colon > 0 ? value.substring(0, colon).strip() : value,
                    colon > 0 ? value.substring(colon + 1).strip() : ""));
          }
        }
        case "-f", "--raw-field", "-F", "--field" -> {
          if (value != null) {
            int eq = value.indexOf('=');
            boolean typed = name.equals("-F") || name.equals("--field");
            fields.add(
                new String[] {
                  eq > 0 ? value.substring(0, eq) : value,
                  eq > 0 ? value.substring(eq + 1) : "",
                  typed ? "t" : ""
                });
          }
        }
        case "--input" -> input = value;
        case "--hostname" -> host = value == null ? host : value;
        case "-q", "--jq", "-t", "--template", "-p", "--preview", "--cache" -> {}
        default -> {
          if (!a.isOption() && endpoint == null) {
            endpoint = v;
          }
          continue;
        }
      }
      if (!attached) {
        i++;
      }
    }
    if (endpoint == null) {
      endpoint = "";
    }
    if (method == null) {
      method = fields.isEmpty() && input == null ? "GET" : "POST";
    }
    boolean graphql = endpoint.equals("graphql") || endpoint.equals("/graphql");
    String url;
    if (Targets.isUrl(endpoint)) {
      url = endpoint;
    } else {
      String base =
          host.equals("github.com")
              ? "https://api.github.com"
              : "https://" + host + (graphql ? "/api" : "/api/v3");
      url = base + (endpoint.startsWith("/") ? endpoint : "/" + endpoint);
    }
    String body = "";
    if (input != null) {
      Invocation.Input in = inv.input();
      body = input.equals("-") && in != null && DatabaseCliRules.literal(in) ? in.text() : "";
    } else if (graphql) {
      body = graphqlBody(fields);
    } else if (method.toUpperCase(Locale.ROOT).equals("GET")) {
      StringBuilder q = new StringBuilder();
      for (String[] f : fields) {
        q.append(q.isEmpty() ? (url.indexOf('?') < 0 ? "?" : "&") : "&")
            .append(f[0])
            .append('=')
            .append(f[1]);
      }
      url = url + q;
    } else if (!fields.isEmpty()) {
      body = object(fields);
    }
    return new HttpRequest(method, url, headers, body);
  }

  private static String graphqlBody(List<String[]> fields) {
    StringBuilder sb = new StringBuilder("{");
    List<String[]> vars = new ArrayList<>();
    for (String[] f : fields) {
      if (f[0].equals("query") || f[0].equals("operationName")) {
        if (sb.length() > 1) {
          sb.append(',');
        }
        sb.append(string(f[0])).append(':').append(string(f[1]));
      } else {
        vars.add(f);
      }
    }
    if (!vars.isEmpty()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append("\"variables\":").append(object(vars));
    }
    return sb.append('}').toString();
  }

  private static String object(List<String[]> fields) {
    StringBuilder sb = new StringBuilder("{");
    for (String[] f : fields) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append(string(f[0])).append(':').append(f[2].isEmpty() ? string(f[1]) : typed(f[1]));
    }
    return sb.append('}').toString();
  }

  /** A {@code -F} value: true, false, null and integers are typed; anything else is a string. */
  private static String typed(String v) {
    if (v.equals("true") || v.equals("false") || v.equals("null")) {
      return v;
    }
    int start = v.startsWith("-") ? 1 : 0;
    boolean digits = v.length() > start;
    for (int i = start; i < v.length(); i++) {
      digits &= v.charAt(i) >= '0' && v.charAt(i) <= '9';
    }
    if (digits) {
      return v;
    }
    return string(v);
  }

  static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
