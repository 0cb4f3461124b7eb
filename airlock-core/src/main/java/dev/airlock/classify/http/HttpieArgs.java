package dev.airlock.classify.http;

import dev.airlock.classify.http.HttpClientArgs.Draft;
import dev.airlock.classify.http.HttpClientArgs.Stdin;
import dev.airlock.classify.http.HttpClientArgs.Word;
import dev.airlock.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * HTTPie ({@code http}, {@code https}) and xh ({@code xh}, {@code xhs}) command lines: {@code
 * [METHOD] URL [ITEM...]} where items are {@code Header:value}, {@code name==query}, {@code
 * name=string} (a JSON string, or a form field with {@code --form}), {@code name:=json}, and file
 * items ({@code name@file}, {@code name=@file}, {@code name:=@file}), which are not on the command
 * line. The method defaults to POST when there is data, else GET; {@code :3000/x} means localhost.
 */
final class HttpieArgs {

  private static final Set<String> WITH_VALUE =
      Set.of(
          "--auth",
          "-a",
          "--auth-type",
          "-A",
          "--session",
          "--session-read-only",
          "--output",
          "-o",
          "--print",
          "-p",
          "--pretty",
          "--style",
          "-s",
          "--verify",
          "--cert",
          "--cert-key",
          "--cert-key-pass",
          "--ssl",
          "--ciphers",
          "--timeout",
          "--max-redirects",
          "--max-headers",
          "--proxy",
          "--boundary",
          "--raw",
          "--format-options",
          "--response-charset",
          "--response-mime",
          "--history-print",
          "-P",
          "--bearer",
          "--resolve",
          "--interface",
          "--http-version",
          "--unix-socket",
          "--default-scheme");

  private static final String[] SEPARATORS = {":=@", "=@", "==", ":=", "@", "=", ":", ";"};

  private HttpieArgs() {}

  static List<HttpRequest> parse(List<Word> args, @Nullable Stdin stdin, String scheme) {
    Draft d = new Draft();
    List<Word> positionals = new ArrayList<>(4);
    boolean form = false;
    boolean multipart = false;
    boolean ignoreStdin = false;
    String authType = "basic";
    Word auth = null;
    Word raw = null;
    String defaultScheme = scheme;
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      String v = w.value();
      if (v.length() < 2 || v.charAt(0) != '-' || (!positionals.isEmpty() && isItem(v))) {
        positionals.add(w);
        continue;
      }
      String name = v;
      Word value = null;
      int eq = v.indexOf('=');
      if (v.startsWith("--") && eq > 0) {
        name = v.substring(0, eq);
        value = new Word(v.substring(eq + 1), w.dynamic());
      } else if (WITH_VALUE.contains(v) && i + 1 < args.size()) {
        value = args.get(++i);
      }
      switch (name) {
        case "--form", "-f" -> form = true;
        case "--multipart" -> multipart = true;
        case "--json", "-j" -> form = false;
        case "--ignore-stdin", "-I" -> ignoreStdin = true;
        case "--offline", "--curl", "--curl-long" -> {
          return List.of();
        }
        case "--auth", "-a" -> auth = value;
        case "--auth-type", "-A" ->
            authType = value == null ? authType : value.value().toLowerCase(Locale.ROOT);
        case "--bearer" -> {
          auth = value;
          authType = "bearer";
        }
        case "--raw" -> raw = value;
        case "--default-scheme" -> {
          if (value != null) {
            defaultScheme = value.value() + "://";
          }
        }
        default -> {}
      }
    }
    if (positionals.isEmpty()) {
      return List.of();
    }
    int u = 0;
    String method = null;
    if (positionals.size() >= 2 && isMethod(positionals.get(0).value())) {
      method = positionals.get(0).value().toUpperCase(Locale.ROOT);
      if (positionals.get(0).dynamic()) {
        d.dynamic.add(HttpRequest.Part.METHOD);
      }
      u = 1;
    }
    Word urlWord = positionals.get(u);
    String url = HttpClientArgs.withScheme(shorthand(urlWord.value()), defaultScheme);
    List<String> fields = new ArrayList<>(4);
    List<String> query = new ArrayList<>(2);
    boolean data = false;
    for (int k = u + 1; k < positionals.size(); k++) {
      Word item = positionals.get(k);
      data |= item(item, d, fields, query, form);
    }
    url = HttpClientArgs.appendQuery(url, String.join("&", query));
    if (raw != null) {
      d.body = raw.value();
      data = true;
      if (raw.dynamic()) {
        d.dynamic.add(HttpRequest.Part.BODY);
      }
    } else if (!fields.isEmpty()) {
      d.body = form || multipart ? String.join("&", fields) : "{" + String.join(",", fields) + "}";
    } else if (stdin != null && !ignoreStdin) {
      data = true;
      if (stdin.known()) {
        d.body = stdin.text();
      } else {
        d.dynamic.add(HttpRequest.Part.BODY);
      }
    }
    if (auth != null) {
      if (authType.equals("bearer")) {
        d.header("Authorization", "Bearer " + auth.value());
      } else {
        d.basicAuth(auth.value().contains(":") ? auth.value() : auth.value() + ":");
      }
    }
    if (data && !d.hasHeader("Content-Type")) {
      d.header(
          "Content-Type",
          multipart
              ? "multipart/form-data"
              : form ? "application/x-www-form-urlencoded" : "application/json");
    }
    d.method = method != null ? method : data ? "POST" : "GET";
    return List.of(d.build(url, urlWord.dynamic()));
  }

  /** Reads one request item; true if it adds to the body. */
  private static boolean item(
      Word w, Draft d, List<String> fields, List<String> query, boolean form) {
    String s = w.value();
    int at = -1;
    String sep = null;
    for (int i = 0; i < s.length() && sep == null; i++) {
      if (s.charAt(i) == '\\') {
        i++;
        continue;
      }
      for (String candidate : SEPARATORS) {
        if (s.startsWith(candidate, i)) {
          at = i;
          sep = candidate;
          break;
        }
      }
    }
    if (sep == null) {
      return false;
    }
    String key = unescape(s.substring(0, at));
    String value = s.substring(at + sep.length());
    switch (sep) {
      case ":", ";" -> {
        d.header(key, sep.equals(";") ? "" : value.strip());
        if (w.dynamic()) {
          d.dynamic.add(HttpRequest.Part.HEADERS);
        }
        return false;
      }
      case "==" -> {
        query.add(HttpClientArgs.urlEncode(key) + "=" + HttpClientArgs.urlEncode(value));
        if (w.dynamic()) {
          d.dynamic.add(HttpRequest.Part.URL);
        }
        return false;
      }
      case "@", "=@", ":=@" -> {
        d.dynamic.add(HttpRequest.Part.BODY);
        fields.add(form ? HttpClientArgs.urlEncode(key) + "=" : quote(key) + ":null");
        return true;
      }
      case ":=" -> {
        fields.add(
            form
                ? HttpClientArgs.urlEncode(key) + "=" + HttpClientArgs.urlEncode(value)
                : quote(key) + ":" + value);
      }
      default -> {
        String text = unescape(value);
        fields.add(
            form
                ? HttpClientArgs.urlEncode(key) + "=" + HttpClientArgs.urlEncode(text)
                : quote(key) + ":" + quote(text));
      }
    }
    if (w.dynamic()) {
      d.dynamic.add(HttpRequest.Part.BODY);
    }
    return true;
  }

  private static boolean isItem(String v) {
    return v.indexOf('=') > 0 || v.indexOf(':') > 0 || v.indexOf('@') > 0;
  }

  private static boolean isMethod(String v) {
    if (v.isEmpty() || v.length() > 16) {
      return false;
    }
    for (int i = 0; i < v.length(); i++) {
      if (!Character.isLetter(v.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code :3000/x} is {@code localhost:3000/x}; {@code :/x} is {@code localhost/x}. */
  private static String shorthand(String url) {
    if (url.startsWith(":/")) {
      return "localhost" + url.substring(1);
    }
    if (url.startsWith(":")) {
      return "localhost" + url;
    }
    return url;
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    JsonWriter.quote(s, sb);
    return sb.toString();
  }
}
