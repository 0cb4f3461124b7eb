package dev.airlock.classify.http;

import dev.airlock.json.Json;
import dev.airlock.json.JsonException;
import dev.airlock.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * HTTP APIs that run SQL sent in the body: Supabase's management API ({@code
 * /v1/projects/{ref}/database/query}), Cloudflare D1 ({@code .../d1/database/{id}/query}), Neon's
 * SQL-over-HTTP ({@code *.neon.tech/sql}), Hasura's {@code run_sql} and Turso's pipeline API. The
 * SQL goes to the SQL classifier.
 */
final class SqlEndpoints {

  /** One SQL text found in the body and the span of its JSON string literal. */
  record Sql(String text, int start, int end, boolean verbatim) {}

  /** The SQL of a request, an empty list if it is such an endpoint with none, or null. */
  record Found(String api, List<Sql> statements, @Nullable String problem) {}

  private SqlEndpoints() {}

  static @Nullable Found find(Url url, HttpRequest req, String method, JsonReader reader) {
    if (!method.equals("POST")) {
      return null;
    }
    String api = api(url);
    if (api == null) {
      return null;
    }
    if (req.isDynamic(HttpRequest.Part.BODY)) {
      return new Found(api, List.of(), "the body is not on the command line");
    }
    Json body;
    try {
      body = reader.read(req.body());
    } catch (JsonException e) {
      return new Found(api, List.of(), "the body is not readable JSON (" + e.getMessage() + ")");
    }
    List<String> texts = new ArrayList<>(1);
    collect(body, api, texts);
    List<Sql> out = new ArrayList<>(texts.size());
    int from = 0;
    for (String t : texts) {
      out.add(locate(req.body(), t, from));
      Sql last = out.get(out.size() - 1);
      from = Math.max(from, last.end());
    }
    return new Found(api, out, texts.isEmpty() ? "the body holds no SQL text" : null);
  }

  private static @Nullable String api(Url url) {
    String h = url.host();
    List<String> s = url.segments();
    int n = s.size();
    if (h.equals("api.supabase.com")
        && n == 5
        && s.get(0).equals("v1")
        && s.get(3).equals("database")
        && s.get(4).equals("query")) {
      return "supabase-sql";
    }
    if (h.equals("api.cloudflare.com")
        && n >= 3
        && s.get(n - 3).equals("database")
        && (s.get(n - 1).equals("query") || s.get(n - 1).equals("raw"))) {
      return "cloudflare-d1";
    }
    if (h.endsWith(".neon.tech") && n == 1 && s.get(0).equals("sql")) {
      return "neon-sql";
    }
    if (h.endsWith(".turso.io") && n >= 2 && s.get(n - 1).equals("pipeline")) {
      return "turso";
    }
    if (n >= 2 && s.get(n - 2).equals("v2") && s.get(n - 1).equals("query")) {
      return "hasura";
    }
    return null;
  }

  private static void collect(Json v, String api, List<String> out) {
    switch (api) {
      case "supabase-sql", "neon-sql" -> {
        if (v instanceof Json.Obj o && o.string("query") != null) {
          out.add(String.valueOf(o.string("query")));
        }
      }
      case "cloudflare-d1" -> {
        if (v instanceof Json.Obj o && o.string("sql") != null) {
          out.add(String.valueOf(o.string("sql")));
        }
        if (v instanceof Json.Arr a) {
          for (Json item : a.items()) {
            collect(item, api, out);
          }
        }
      }
      case "hasura" -> {
        if (v instanceof Json.Obj o) {
          String type = String.valueOf(o.string("type")).toLowerCase(Locale.ROOT);
          if (type.endsWith("run_sql") && o.get("args") instanceof Json.Obj args) {
            String sql = args.string("sql");
            if (sql != null) {
              out.add(sql);
            }
          } else if (type.equals("bulk") && o.get("args") instanceof Json.Arr a) {
            for (Json item : a.items()) {
              collect(item, api, out);
            }
          }
        }
      }
      case "turso" -> {
        if (v instanceof Json.Obj o && o.get("requests") instanceof Json.Arr a) {
          for (Json item : a.items()) {
            if (item instanceof Json.Obj r && r.get("stmt") instanceof Json.Obj stmt) {
              String sql = stmt.string("sql");
              if (sql != null) {
                out.add(sql);
              }
            }
          }
        }
      }
      default -> {}
    }
  }

  /** The span of the JSON literal that decodes to the text, searched from {@code from}. */
  private static Sql locate(String body, String text, int from) {
    int at = body.indexOf(text, from);
    if (at >= 0) {
      return new Sql(text, at, at + text.length(), true);
    }
    return new Sql(text, 0, body.length(), false);
  }
}
