package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.classify.http.HttpRequest.Part;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What HttpClientArgs makes of curl, wget, HTTPie and xh argument lists. */
class HttpClientArgsTest {

  private static HttpRequest one(String program, String... args) {
    List<HttpRequest> rs = HttpClientArgs.parse(program, List.of(args));
    assertThat(rs).hasSize(1);
    return rs.get(0);
  }

  private static String basic(String userPass) {
    return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void curl_clusteredFlags_getWithoutBody() {
    HttpRequest r = one("curl", "-sSfL", "https://x.dev/a");
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.body()).isEmpty();
    assertThat(r.dynamic()).isEmpty();
  }

  @Test
  void curl_dataPieces_joinWithAmpersandAndPost() {
    HttpRequest r = one("curl", "-d", "a=1", "--data", "b=2", "https://x.dev/a");
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.body()).isEqualTo("a=1&b=2");
    assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
  }

  @Test
  void curl_get_movesDataToTheQuery() {
    HttpRequest r = one("curl", "-G", "-d", "q=1", "https://x.dev/a?x=2");
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.url()).isEqualTo("https://x.dev/a?x=2&q=1");
    assertThat(r.body()).isEmpty();
  }

  @Test
  void curl_json_setsTheHeaders() {
    HttpRequest r = one("curl", "--json", "{\"a\":1}", "https://x.dev/a");
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.body()).isEqualTo("{\"a\":1}");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.header("Accept")).isEqualTo("application/json");
  }

  @Test
  void curl_attachedRequestAndHeaders() {
    HttpRequest r = one("curl", "-XPUT", "-H", "X-Trace: 1", "-HAccept: text/plain", "x.dev/a");
    assertThat(r.method()).isEqualTo("PUT");
    assertThat(r.url()).isEqualTo("http://x.dev/a");
    assertThat(r.header("X-Trace")).isEqualTo("1");
    assertThat(r.header("Accept")).isEqualTo("text/plain");
  }

  @Test
  void curl_head_uploadFile_andExplicitMethodWins() {
    assertThat(one("curl", "-I", "https://x.dev").method()).isEqualTo("HEAD");
    HttpRequest upload = one("curl", "-T", "f.tar", "https://x.dev/f.tar");
    assertThat(upload.method()).isEqualTo("PUT");
    assertThat(upload.isDynamic(Part.BODY)).isTrue();
    assertThat(one("curl", "-d", "a", "-X", "PATCH", "https://x.dev").method()).isEqualTo("PATCH");
  }

  @Test
  void curl_user_becomesABasicHeaderOnly() {
    HttpRequest r = one("curl", "-u", "deploy:s3cret", "https://x.dev/a");
    assertThat(r.header("Authorization")).isEqualTo(basic("deploy:s3cret"));
    assertThat(r.url()).doesNotContain("s3cret");
    assertThat(r.body()).doesNotContain("s3cret");
  }

  @Test
  void curl_dataFromFileOrStdin() {
    assertThat(one("curl", "-d", "@body.json", "https://x.dev").isDynamic(Part.BODY)).isTrue();
    List<HttpRequest> fromHeredoc =
        HttpClientArgs.parse(
            "curl",
            List.of(
                HttpClientArgs.Word.literal("--data-binary"),
                HttpClientArgs.Word.literal("@-"),
                HttpClientArgs.Word.literal("https://x.dev")),
            new HttpClientArgs.Stdin("{\"a\":\n1}", true));
    assertThat(fromHeredoc.get(0).body()).isEqualTo("{\"a\":\n1}");
    assertThat(fromHeredoc.get(0).dynamic()).isEmpty();
  }

  @Test
  void curl_severalUrlsAndNextGroups() {
    assertThat(HttpClientArgs.parse("curl", List.of("-X", "DELETE", "https://a.dev/1", "b.dev/2")))
        .extracting(HttpRequest::method, HttpRequest::url)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("DELETE", "https://a.dev/1"),
            org.assertj.core.groups.Tuple.tuple("DELETE", "http://b.dev/2"));
    assertThat(HttpClientArgs.parse("curl", List.of("a.dev", "--next", "-d", "x", "b.dev")))
        .extracting(HttpRequest::method)
        .containsExactly("GET", "POST");
  }

  @Test
  void curl_configFile_makesEverythingDynamic() {
    HttpRequest r = one("curl", "-K", "req.cfg");
    assertThat(r.dynamic()).containsExactlyInAnyOrder(Part.values());
  }

  @Test
  void curl_urlencodedAndUrlQuery() {
    assertThat(one("curl", "--data-urlencode", "q=a b&c", "https://x.dev").body())
        .isEqualTo("q=a%20b%26c");
    assertThat(one("curl", "--url-query", "a=b c", "https://x.dev/p").url())
        .isEqualTo("https://x.dev/p?a=b%20c");
  }

  @Test
  void curl_formWithFile_isMultipartAndDynamic() {
    HttpRequest r = one("curl", "-F", "a=1", "-F", "f=@x.png", "https://x.dev");
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.header("Content-Type")).isEqualTo("multipart/form-data");
    assertThat(r.isDynamic(Part.BODY)).isTrue();
  }

  @Test
  void curl_versionAndHelp_sendNothing() {
    assertThat(HttpClientArgs.parse("curl", List.of("--version"))).isEmpty();
    assertThat(HttpClientArgs.parse("curl", List.of("-h"))).isEmpty();
  }

  @Test
  void wget_postData_methodBody_spider_andCredentials() {
    HttpRequest post = one("wget", "--post-data=x=1", "https://x.dev/a");
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.body()).isEqualTo("x=1");
    HttpRequest patch = one("wget", "--method", "PATCH", "--body-data", "{}", "https://x.dev/a");
    assertThat(patch.method()).isEqualTo("PATCH");
    assertThat(patch.body()).isEqualTo("{}");
    assertThat(one("wget", "--spider", "x.dev").method()).isEqualTo("HEAD");
    HttpRequest auth = one("wget", "--user=a", "--password=b", "-qO-", "https://x.dev");
    assertThat(auth.header("Authorization")).isEqualTo(basic("a:b"));
    assertThat(auth.url()).isEqualTo("https://x.dev");
  }

  @Test
  void httpie_itemsMakeAJsonBodyHeadersAndQuery() {
    HttpRequest r =
        one("http", "POST", "x.dev/api", "a=1", "b:=2", "X-Trace:7", "q==z z", "c\\:d=3");
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.url()).isEqualTo("http://x.dev/api?q=z%20z");
    assertThat(r.body()).isEqualTo("{\"a\":\"1\",\"b\":2,\"c:d\":\"3\"}");
    assertThat(r.header("X-Trace")).isEqualTo("7");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void httpie_methodDefaultsAndShorthands() {
    assertThat(one("http", "x.dev").method()).isEqualTo("GET");
    assertThat(one("http", "x.dev", "a=1").method()).isEqualTo("POST");
    assertThat(one("http", ":8080/x").url()).isEqualTo("http://localhost:8080/x");
    assertThat(one("https", "x.dev/y").url()).isEqualTo("https://x.dev/y");
    assertThat(one("xhs", "x.dev").url()).isEqualTo("https://x.dev");
  }

  @Test
  void httpie_formAuthAndBearer() {
    HttpRequest form = one("http", "--form", "POST", "x.dev", "a=b c");
    assertThat(form.body()).isEqualTo("a=b%20c");
    assertThat(form.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(one("http", "-a", "u:p", "x.dev").header("Authorization")).isEqualTo(basic("u:p"));
    assertThat(one("xh", "--bearer", "tok", "x.dev").header("Authorization"))
        .isEqualTo("Bearer tok");
    assertThat(one("http", "-A", "bearer", "-a", "tok", "x.dev").header("Authorization"))
        .isEqualTo("Bearer tok");
  }

  @Test
  void httpie_fileItemsAndPipedInput_areDynamic() {
    assertThat(one("http", "POST", "x.dev", "doc=@a.json").isDynamic(Part.BODY)).isTrue();
    List<HttpRequest> piped =
        HttpClientArgs.parse(
            "http",
            List.of(HttpClientArgs.Word.literal("POST"), HttpClientArgs.Word.literal("x.dev")),
            HttpClientArgs.Stdin.unknown());
    assertThat(piped.get(0).isDynamic(Part.BODY)).isTrue();
  }

  @Test
  void dynamicWords_markTheirPart() {
    List<HttpRequest> rs =
        HttpClientArgs.parse(
            "curl",
            List.of(new HttpClientArgs.Word("$M", true), HttpClientArgs.Word.literal("x.dev")),
            null);
    assertThat(rs.get(0).isDynamic(Part.URL)).isTrue();
    HttpRequest method =
        HttpClientArgs.parse(
                "curl",
                List.of(
                    HttpClientArgs.Word.literal("-X"),
                    new HttpClientArgs.Word("$M", true),
                    HttpClientArgs.Word.literal("x.dev")),
                null)
            .get(0);
    assertThat(method.isDynamic(Part.METHOD)).isTrue();
  }

  @Test
  void unknownProgram_sendsNothing() {
    assertThat(HttpClientArgs.parse("aria2c", List.of("https://x.dev"))).isEmpty();
  }
}
