package dev.airlock.classify.http;

import dev.airlock.classify.http.HttpClientArgs.Draft;
import dev.airlock.classify.http.HttpClientArgs.Stdin;
import dev.airlock.classify.http.HttpClientArgs.Word;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * GNU wget's command line: GET by default, {@code --method} with {@code --body-data} or {@code
 * --body-file}, {@code --post-data} and {@code --post-file} (POST), {@code --spider} (HEAD), {@code
 * --header}, {@code --user}/{@code --password}. URLs read from a file ({@code -i}) and commands run
 * from a wgetrc ({@code -e}, {@code --config}) are not on the command line: they make the request
 * dynamic.
 */
final class WgetArgs {

  private static final String SHORT_WITH_VALUE = "OoaiBtTwPUelARDIXQ";

  private static final Set<String> LONG_WITH_VALUE =
      Set.of(
          "output-document",
          "output-file",
          "append-output",
          "input-file",
          "base",
          "tries",
          "timeout",
          "wait",
          "waitretry",
          "directory-prefix",
          "execute",
          "level",
          "accept",
          "reject",
          "domains",
          "exclude-domains",
          "include-directories",
          "exclude-directories",
          "quota",
          "limit-rate",
          "bind-address",
          "dns-timeout",
          "connect-timeout",
          "read-timeout",
          "ca-certificate",
          "certificate",
          "certificate-type",
          "private-key",
          "private-key-type",
          "ca-directory",
          "restrict-file-names",
          "default-page",
          "header",
          "method",
          "body-data",
          "body-file",
          "post-data",
          "post-file",
          "user",
          "password",
          "http-user",
          "http-password",
          "proxy-user",
          "proxy-password",
          "ftp-user",
          "ftp-password",
          "load-cookies",
          "save-cookies",
          "referer",
          "user-agent",
          "config",
          "retry-on-http-error",
          "report-speed",
          "compression",
          "use-askpass",
          "hsts-file",
          "secure-protocol",
          "ciphers",
          "progress",
          "local-encoding",
          "remote-encoding",
          "accept-regex",
          "reject-regex",
          "regex-type",
          "max-redirect",
          "cut-dirs",
          "rejected-log",
          "warc-file",
          "warc-header",
          "warc-max-size",
          "warc-cdx",
          "warc-dedup",
          "warc-tempdir",
          "crl-file",
          "pinnedpubkey",
          "random-file",
          "egd-file",
          "dot-style",
          "prefer-family",
          "backups",
          "follow-tags",
          "ignore-tags");

  private WgetArgs() {}

  static List<HttpRequest> parse(List<Word> args, @Nullable Stdin stdin) {
    Draft d = new Draft();
    List<Word> urls = new ArrayList<>(1);
    String method = null;
    boolean post = false;
    boolean spider = false;
    String user = null;
    String password = null;
    boolean urlsOnly = false;
    for (int i = 0; i < args.size(); i++) {
      Word w = args.get(i);
      String v = w.value();
      if (urlsOnly || v.length() < 2 || v.charAt(0) != '-') {
        urls.add(w);
        continue;
      }
      if (v.equals("--")) {
        urlsOnly = true;
        continue;
      }
      String name;
      Word value = null;
      if (v.startsWith("--")) {
        name = v.substring(2);
        int eq = name.indexOf('=');
        if (eq > 0) {
          value = new Word(name.substring(eq + 1), w.dynamic());
          name = name.substring(0, eq);
        } else if (LONG_WITH_VALUE.contains(name) && i + 1 < args.size()) {
          value = args.get(++i);
        }
      } else {
        name = null;
        for (int k = 1; k < v.length(); k++) {
          char c = v.charAt(k);
          if (SHORT_WITH_VALUE.indexOf(c) >= 0) {
            name = String.valueOf(c);
            value =
                k + 1 < v.length()
                    ? new Word(v.substring(k + 1), w.dynamic())
                    : i + 1 < args.size() ? args.get(++i) : null;
            break;
          }
        }
        if (name == null) {
          continue;
        }
      }
      switch (name) {
        case "method" -> {
          if (value != null) {
            method = value.value().strip().toUpperCase(Locale.ROOT);
            if (value.dynamic()) {
              d.dynamic.add(HttpRequest.Part.METHOD);
            }
          }
        }
        case "post-data", "body-data" -> {
          post |= name.startsWith("post");
          if (value != null) {
            d.body = value.value();
            if (value.dynamic()) {
              d.dynamic.add(HttpRequest.Part.BODY);
            }
          }
        }
        case "post-file", "body-file" -> {
          post |= name.startsWith("post");
          if (value != null && value.value().equals("-") && stdin != null && stdin.known()) {
            d.body = stdin.text();
          } else {
            d.dynamic.add(HttpRequest.Part.BODY);
          }
        }
        case "spider" -> spider = true;
        case "header" -> {
          if (value != null) {
            d.rawHeader(value);
          }
        }
        case "U", "user-agent" -> {
          if (value != null) {
            d.header("User-Agent", value.value());
          }
        }
        case "referer" -> {
          if (value != null) {
            d.header("Referer", value.value());
          }
        }
        case "user", "http-user" -> user = value == null ? null : value.value();
        case "password", "http-password" -> password = value == null ? null : value.value();
        case "i", "input-file" -> {
          if (value != null && value.value().equals("-") && stdin != null && stdin.known()) {
            stdin
                .text()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .forEach(l -> urls.add(Word.literal(l)));
          } else {
            urls.add(new Word("", true));
          }
        }
        case "e", "execute", "config" -> {
          d.dynamic.addAll(EnumSet.allOf(HttpRequest.Part.class));
          if (urls.isEmpty()) {
            urls.add(new Word("", true));
          }
        }
        default -> {}
      }
    }
    if (user != null) {
      d.basicAuth(user + ":" + (password == null ? "" : password));
    }
    if (method != null) {
      d.method = method;
    } else if (post) {
      d.method = "POST";
    } else if (spider) {
      d.method = "HEAD";
    } else {
      d.method = "GET";
    }
    if (!d.body.isEmpty() && !d.hasHeader("Content-Type")) {
      d.header("Content-Type", "application/x-www-form-urlencoded");
    }
    List<HttpRequest> out = new ArrayList<>(urls.size());
    for (Word u : urls) {
      out.add(
          d.build(
              u.value().isEmpty() ? "" : HttpClientArgs.withScheme(u.value(), "http://"),
              u.dynamic()));
    }
    return out;
  }
}
