package dev.airlock.classify.http;

import dev.airlock.classify.http.HttpClientArgs.Draft;
import dev.airlock.classify.http.HttpClientArgs.Stdin;
import dev.airlock.classify.http.HttpClientArgs.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * curl's command line: methods ({@code -X}, {@code -I}, {@code -G}, {@code -T}, data implies POST),
 * bodies ({@code -d} and its variants, {@code --json}, {@code -F}), headers, credentials, several
 * URLs and {@code --next} groups. Short options cluster ({@code -sSL}, {@code -XPOST}, {@code
 * -d@file}); long options also accept {@code --name=value}.
 */
final class CurlArgs {

  private static final String SHORT_WITH_VALUE = "AbcCdDeEFHKmoPQrTuUwxXyYzt";

  private static final Set<String> LONG_WITH_VALUE =
      Set.of(
          "user-agent",
          "cookie",
          "cookie-jar",
          "continue-at",
          "data",
          "data-ascii",
          "data-binary",
          "data-raw",
          "data-urlencode",
          "dump-header",
          "referer",
          "cert",
          "form",
          "form-string",
          "header",
          "config",
          "max-time",
          "output",
          "range",
          "upload-file",
          "user",
          "proxy-user",
          "write-out",
          "proxy",
          "request",
          "speed-time",
          "speed-limit",
          "time-cond",
          "connect-timeout",
          "retry",
          "retry-delay",
          "retry-max-time",
          "cacert",
          "capath",
          "key",
          "key-type",
          "cert-type",
          "ciphers",
          "limit-rate",
          "max-filesize",
          "max-redirs",
          "output-dir",
          "proxy-header",
          "resolve",
          "connect-to",
          "interface",
          "local-port",
          "url",
          "json",
          "oauth2-bearer",
          "aws-sigv4",
          "unix-socket",
          "abstract-unix-socket",
          "variable",
          "trace",
          "trace-ascii",
          "stderr",
          "netrc-file",
          "noproxy",
          "preproxy",
          "hostpubmd5",
          "hostpubsha256",
          "pubkey",
          "krb",
          "ftp-port",
          "quote",
          "mail-from",
          "mail-rcpt",
          "mail-auth",
          "login-options",
          "sasl-authzid",
          "dns-servers",
          "dns-interface",
          "dns-ipv4-addr",
          "dns-ipv6-addr",
          "doh-url",
          "happy-eyeballs-timeout-ms",
          "alt-svc",
          "hsts",
          "etag-save",
          "etag-compare",
          "request-target",
          "socks4",
          "socks4a",
          "socks5",
          "socks5-hostname",
          "telnet-option",
          "tls-max",
          "tlsuser",
          "tlspassword",
          "keepalive-time",
          "create-file-mode",
          "rate",
          "parallel-max",
          "url-query",
          "proxy-cacert",
          "proxy-capath",
          "proxy-cert",
          "proxy-key",
          "proxy-ciphers",
          "expect100-timeout",
          "service-name",
          "proxy-service-name",
          "socks5-gssapi-service",
          "engine",
          "egd-file",
          "random-file",
          "crlfile",
          "pinnedpubkey",
          "tls13-ciphers",
          "curves",
          "ip-tos",
          "vlan-priority",
          "ftp-account",
          "ftp-alternative-to-user",
          "ftp-method",
          "ftp-ssl-ccc-mode",
          "delegation",
          "proto",
          "proto-redir",
          "proto-default",
          "ech",
          "sigalgs",
          "ssl-sessions",
          "knownhosts",
          "pass",
          "libcurl");

  private CurlArgs() {}

  /** One {@code --next}-separated group of options and URLs. */
  private static final class Group {
    final Draft d = new Draft();
    final List<Word> urls = new ArrayList<>(1);
    final List<String> data = new ArrayList<>(1);
    final List<String> query = new ArrayList<>(0);
    final List<String> form = new ArrayList<>(0);
    boolean json;
    boolean get;
    boolean head;
    boolean upload;
    boolean everything;
    @Nullable String method;
  }

  static List<HttpRequest> parse(List<Word> args, @Nullable Stdin stdin) {
    List<HttpRequest> out = new ArrayList<>(1);
    Group g = new Group();
    boolean urlsOnly = false;
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      String v = w.value();
      if (urlsOnly || v.length() < 2 || v.charAt(0) != '-') {
        g.urls.add(w);
        continue;
      }
      if (v.equals("--")) {
        urlsOnly = true;
        continue;
      }
      if (v.equals("-:") || v.equals("--next")) {
        finish(g, out);
        g = new Group();
        continue;
      }
      if (v.startsWith("--")) {
        String name = v.substring(2);
        Word value = null;
        boolean expand = name.startsWith("expand-");
        if (expand) {
          name = name.substring("expand-".length());
        }
        int eq = name.indexOf('=');
        if (eq > 0 && LONG_WITH_VALUE.contains(name.substring(0, eq))) {
          value = new Word(name.substring(eq + 1), w.dynamic());
          name = name.substring(0, eq);
        } else if (LONG_WITH_VALUE.contains(name)) {
          value = i + 1 < args.size() ? args.get(++i) : null;
        }
        if (value != null && expand) {
          value = new Word(value.value(), true);
        }
        option(g, name, value, stdin);
        continue;
      }
      for (int k = 1; k < v.length(); k++) {
        char c = v.charAt(k);
        if (SHORT_WITH_VALUE.indexOf(c) >= 0) {
          Word value =
              k + 1 < v.length()
                  ? new Word(v.substring(k + 1), w.dynamic())
                  : i + 1 < args.size() ? args.get(++i) : null;
          option(g, String.valueOf(c), value, stdin);
          break;
        }
        option(g, String.valueOf(c), null, stdin);
      }
    }
    finish(g, out);
    return out;
  }

  private static void option(Group g, String name, @Nullable Word value, @Nullable Stdin stdin) {
    Draft d = g.d;
    switch (name) {
      case "X", "request" -> {
        if (value != null) {
          g.method = value.value().strip().toUpperCase(Locale.ROOT);
          if (value.dynamic()) {
            d.dynamic.add(HttpRequest.Part.METHOD);
          }
        }
      }
      case "I", "head" -> g.head = true;
      case "G", "get" -> g.get = true;
      case "T", "upload-file" -> {
        g.upload = true;
        d.dynamic.add(HttpRequest.Part.BODY);
      }
      case "d", "data", "data-ascii" -> data(g, value, stdin, true, true);
      case "data-binary" -> data(g, value, stdin, true, false);
      case "data-raw" -> data(g, value, stdin, false, false);
      case "json" -> {
        g.json = true;
        data(g, value, stdin, true, false);
      }
      case "data-urlencode" -> urlencoded(g, value);
      case "F", "form", "form-string" -> {
        if (value != null) {
          String f = value.value();
          int eq = f.indexOf('=');
          boolean file =
              !name.equals("form-string")
                  && eq >= 0
                  && eq + 1 < f.length()
                  && "@<".indexOf(f.charAt(eq + 1)) >= 0;
          if (file || value.dynamic()) {
            d.dynamic.add(HttpRequest.Part.BODY);
          }
          g.form.add(
              eq < 0
                  ? HttpClientArgs.urlEncode(f)
                  : HttpClientArgs.urlEncode(f.substring(0, eq))
                      + "="
                      + HttpClientArgs.urlEncode(f.substring(eq + 1)));
        }
      }
      case "H", "header", "proxy-header" -> {
        if (value != null && name.charAt(0) != 'p') {
          d.rawHeader(value);
        }
      }
      case "A", "user-agent" -> header(d, "User-Agent", value);
      case "e", "referer" -> header(d, "Referer", value);
      case "b", "cookie" -> {
        if (value != null && value.value().contains("=")) {
          header(d, "Cookie", value);
        }
      }
      case "u", "user" -> {
        if (value != null) {
          d.basicAuth(value.value().contains(":") ? value.value() : value.value() + ":");
        }
      }
      case "oauth2-bearer" -> {
        if (value != null) {
          d.header("Authorization", "Bearer " + value.value());
        }
      }
      case "url" -> {
        if (value != null) {
          g.urls.add(value);
        }
      }
      case "url-query" -> {
        if (value != null) {
          String q = value.value();
          g.query.add(q.startsWith("+") ? q.substring(1) : encodePair(q));
          if (value.dynamic()) {
            d.dynamic.add(HttpRequest.Part.URL);
          }
        }
      }
      case "K", "config" -> g.everything = true;
      case "Q", "quote" -> d.dynamic.add(HttpRequest.Part.METHOD);
      default -> {}
    }
  }

  private static void header(Draft d, String name, @Nullable Word value) {
    if (value != null) {
      d.header(name, value.value());
      if (value.dynamic()) {
        d.dynamic.add(HttpRequest.Part.HEADERS);
      }
    }
  }

  private static void data(
      Group g, @Nullable Word value, @Nullable Stdin stdin, boolean at, boolean stripNewlines) {
    if (value == null) {
      return;
    }
    String v = value.value();
    if (value.dynamic()) {
      g.d.dynamic.add(HttpRequest.Part.BODY);
    }
    if (at && v.startsWith("@")) {
      if (v.equals("@-") && stdin != null && stdin.known()) {
        String s = stdin.text();
        g.data.add(stripNewlines ? s.replace("\r", "").replace("\n", "") : s);
      } else {
        g.d.dynamic.add(HttpRequest.Part.BODY);
        g.data.add("");
      }
      return;
    }
    g.data.add(v);
  }

  private static void urlencoded(Group g, @Nullable Word value) {
    if (value == null) {
      return;
    }
    String v = value.value();
    if (value.dynamic()) {
      g.d.dynamic.add(HttpRequest.Part.BODY);
    }
    int eq = v.indexOf('=');
    int at = v.indexOf('@');
    if (eq < 0 && at >= 0) {
      g.d.dynamic.add(HttpRequest.Part.BODY);
      g.data.add(at == 0 ? "" : v.substring(0, at) + "=");
      return;
    }
    g.data.add(encodePair(v));
  }

  private static String encodePair(String v) {
    int eq = v.indexOf('=');
    if (eq < 0) {
      return HttpClientArgs.urlEncode(v);
    }
    String content = HttpClientArgs.urlEncode(v.substring(eq + 1));
    return eq == 0 ? content : v.substring(0, eq) + "=" + content;
  }

  private static void finish(Group g, List<HttpRequest> out) {
    Draft d = g.d;
    if (g.everything) {
      d.dynamic.addAll(java.util.EnumSet.allOf(HttpRequest.Part.class));
      if (g.urls.isEmpty()) {
        g.urls.add(new Word("", true));
      }
    }
    if (g.urls.isEmpty()) {
      return;
    }
    boolean hasData = !g.data.isEmpty() || !g.form.isEmpty();
    String joined = g.json ? String.join("", g.data) : String.join("&", g.data);
    String implied;
    if (g.head) {
      implied = "HEAD";
    } else if (g.get) {
      implied = "GET";
    } else if (g.upload) {
      implied = "PUT";
    } else if (hasData) {
      implied = "POST";
    } else {
      implied = "GET";
    }
    d.method = g.method != null ? g.method : implied;
    if (g.get) {
      g.query.add(0, joined);
    } else if (!g.form.isEmpty()) {
      d.body = String.join("&", g.form);
      if (!d.hasHeader("Content-Type")) {
        d.header("Content-Type", "multipart/form-data");
      }
    } else if (hasData) {
      d.body = joined;
      if (!d.hasHeader("Content-Type")) {
        d.header("Content-Type", g.json ? "application/json" : "application/x-www-form-urlencoded");
      }
      if (g.json && !d.hasHeader("Accept")) {
        d.header("Accept", "application/json");
      }
    }
    String query = String.join("&", g.query.stream().filter(q -> !q.isEmpty()).toList());
    for (Word u : g.urls) {
      String url =
          HttpClientArgs.appendQuery(HttpClientArgs.withScheme(u.value(), "http://"), query);
      out.add(d.build(u.value().isEmpty() ? "" : url, u.dynamic()));
    }
  }
}
