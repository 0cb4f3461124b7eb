package dev.airlock.classify.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Environment;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Finding;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.classify.Trace;
import dev.airlock.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the HTTP classifier: it never throws, whatever the method, URL, headers or body;
 * and whitespace, comment, alias, operation-name, fragment and encoding variants of a destructive
 * mutation stay as destructive as the mutation itself.
 */
class HttpClassifierProperties {

  private static final HttpClassifier HTTP = new HttpClassifier();

  private static List<Finding> classify(HttpRequest r) {
    Analysis out = new Analysis(Limits.DEFAULT, Trace.recording());
    HTTP.classify(r, Scope.root("request", Environment.UNKNOWN), out);
    return out.findings();
  }

  @Provide
  Arbitrary<String> urls() {
    Arbitrary<String> known =
        Arbitraries.of(
            "https://backboard.railway.app/graphql/v2",
            "https://api.github.com/repos/acme/web/git/refs/heads/main",
            "https://acme.s3.amazonaws.com/a/b",
            "https://api.example.com/v1/apps/1/destroy",
            "http://localhost:3000/graphql?query=",
            "mcp://railway/graphql",
            "https://10.0.0.1:6443/api/v1/namespaces/prod",
            "https://api.stripe.com/v1/customers/cus_1");
    Arbitrary<String> junk = Arbitraries.strings().ofMaxLength(80);
    Arbitrary<String> mixed =
        Combinators.combine(known, junk).as((k, j) -> k + j.replace('\n', ' '));
    return Arbitraries.oneOf(known, junk, mixed);
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> junk = Arbitraries.strings().ofMaxLength(300);
    Arbitrary<String> gqlish =
        Arbitraries.strings()
            .withChars("{}()[]\":,.$@#!=|&\\ \nqueryMutation volumeDelete fragment on ...")
            .ofMaxLength(200);
    Arbitrary<String> wrapped = gqlish.map(s -> "{\"query\":" + quote(s) + "}");
    Arbitrary<String> batch = gqlish.map(s -> "[{\"query\":" + quote(s) + "},{\"query\":1}]");
    return Arbitraries.oneOf(junk, gqlish, wrapped, batch);
  }

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of("GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "PURGE", "CONNECT", ""),
        Arbitraries.strings().ofMaxLength(10));
  }

  @Provide
  Arbitrary<String> contentTypes() {
    return Arbitraries.of(
        "application/json",
        "application/graphql",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "text/plain",
        "");
  }

  @Property(tries = 600)
  void anyRequest_yieldsFindingsAndNeverThrows(
      @ForAll("methods") String method,
      @ForAll("urls") String url,
      @ForAll("contentTypes") String contentType,
      @ForAll("bodies") String body) {
    List<Finding> findings =
        classify(
            new HttpRequest(method, url, List.of(Map.entry("Content-Type", contentType)), body));
    assertThat(findings).isNotEmpty();
    assertThat(findings).allSatisfy(f -> assertThat(f.ruleId()).startsWith("http."));
  }

  /** A destructive Railway mutation: the field with its arguments, and its catalog severity. */
  record Mutation(String field, Severity severity) {}

  @Provide
  Arbitrary<Mutation> destructiveMutations() {
    return Arbitraries.of(
        new Mutation("volumeDelete(volumeId: \"3a4b\")", Severity.CATASTROPHIC),
        new Mutation("projectDelete(id: \"p\")", Severity.CATASTROPHIC),
        new Mutation("environmentDelete(id: \"e\")", Severity.CATASTROPHIC),
        new Mutation("serviceDelete(id: \"s\")", Severity.CATASTROPHIC),
        new Mutation(
            "volumeInstanceBackupDelete(volumeInstanceBackupId: \"b\")", Severity.CATASTROPHIC),
        new Mutation("deploymentRemove(id: \"d\")", Severity.DESTRUCTIVE),
        new Mutation("variableDelete(input: {name: \"X\"})", Severity.DESTRUCTIVE),
        new Mutation("apiTokenCreate(input: {name: \"t\"})", Severity.DESTRUCTIVE),
        new Mutation(
            "variableCollectionUpsert(input: {serviceId: \"s\", replace: true})",
            Severity.DESTRUCTIVE));
  }

  @Property(tries = 500)
  void destructiveMutationVariants_stayAsSevere(
      @ForAll("destructiveMutations") Mutation m,
      @ForAll @IntRange(min = 0, max = 100_000) int seed) {
    String doc = variant(m.field(), seed);
    HttpRequest r = encode(doc, seed / 7);
    List<Finding> findings = classify(r);
    Finding worst = Objects.requireNonNull(HttpCase.primary(findings));
    assertThat(worst.severity()).as(doc + " as " + r).isEqualTo(m.severity());
  }

  /** The mutation written one of many equivalent ways. */
  static String variant(String field, int seed) {
    String[] gaps = {" ", "  ", "\n", "\t", " , ", "\n# note\n", ",", "\r\n"};
    String gap = gaps[seed % gaps.length];
    String spaced = field.replace(": ", ":" + gaps[(seed / 3) % gaps.length]);
    spaced = spaced.replace("(", gaps[(seed / 5) % 3 == 0 ? 1 : 0].strip() + "(");
    String alias = (seed / 11) % 3 == 0 ? "x" + seed + ": " : "";
    String name = (seed / 13) % 2 == 0 ? "" : " Op" + seed;
    String body = alias + spaced;
    String op =
        switch ((seed / 17) % 5) {
          case 0 -> "mutation" + name + gap + "{" + gap + body + gap + "}";
          case 1 ->
              "mutation" + name + " { ...F }" + gap + "fragment F on Mutation { " + body + " }";
          case 2 -> "mutation" + name + " { ... on Mutation {" + gap + body + " } }";
          case 3 -> "query Q { me { id } }" + gap + "mutation" + name + " { " + body + " }";
          default -> "# leading comment\nmutation" + name + "{" + body + "}";
        };
    return (seed / 19) % 2 == 0 ? op : gap + op + gap;
  }

  /** The document in one of the forms servers accept. */
  static HttpRequest encode(String doc, int seed) {
    String url = "https://backboard.railway.app/graphql/v2";
    return switch (seed % 5) {
      case 0 ->
          new HttpRequest(
              "POST",
              url,
              List.of(Map.entry("Content-Type", "application/json")),
              "{\"query\":" + quote(doc) + ",\"operationName\":\"Q\"}");
      case 1 ->
          new HttpRequest(
              "POST", url, List.of(Map.entry("Content-Type", "application/graphql")), doc);
      case 2 ->
          new HttpRequest("GET", url + "?query=" + HttpClientArgs.urlEncode(doc), List.of(), "");
      case 3 ->
          new HttpRequest(
              "POST",
              url,
              List.of(Map.entry("Content-Type", "application/x-www-form-urlencoded")),
              "query=" + HttpClientArgs.urlEncode(doc));
      default ->
          new HttpRequest(
              "POST",
              url,
              List.of(),
              "[{\"query\":\"{ me { id } }\"},{\"query\":" + quote(doc) + "}]");
    };
  }

  @Property(tries = 400)
  void anyArgv_parsesWithoutThrowing(
      @ForAll("programs") String program, @ForAll("argvs") List<String> argv) {
    List<HttpClientArgs.Word> words = new ArrayList<>();
    for (int i = 0; i < argv.size(); i++) {
      words.add(new HttpClientArgs.Word(argv.get(i), i % 4 == 3));
    }
    for (HttpRequest r : HttpClientArgs.parse(program, words, HttpClientArgs.Stdin.unknown())) {
      assertThat(classify(r)).isNotEmpty();
    }
  }

  @Provide
  Arbitrary<String> programs() {
    return Arbitraries.of("curl", "wget", "http", "https", "xh", "xhs");
  }

  @Provide
  Arbitrary<List<String>> argvs() {
    Arbitrary<String> token =
        Arbitraries.oneOf(
            Arbitraries.of(
                "-X",
                "DELETE",
                "-d",
                "@-",
                "--json",
                "-H",
                "Content-Type: application/json",
                "-G",
                "-I",
                "-T",
                "-F",
                "a=@f",
                "--next",
                "-:",
                "-K",
                "-u",
                "a:b",
                "--method",
                "--post-data",
                "-i",
                "-e",
                "--form",
                "x:=1",
                "y==2",
                "h:v",
                "POST",
                "https://backboard.railway.app/graphql/v2",
                "api.github.com/repos/a/b",
                ":3000",
                "-sSfL",
                "-XPOST",
                "-d@x",
                "--url",
                "--",
                "--offline",
                "-a"),
            Arbitraries.strings().ofMaxLength(20));
    return token.list().ofMaxSize(12);
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder();
    JsonWriter.quote(s, sb);
    return sb.toString();
  }
}
