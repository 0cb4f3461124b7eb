package dev.airlock.classify.http;

import dev.airlock.action.Environment;
import dev.airlock.classify.Access;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.Severity;
import dev.airlock.json.Json;
import graphql.parser.ParserOptions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Judges the GraphQL documents of one request: queries and subscriptions read; every top-level
 * field of every mutation (not only the named operation: the strictest wins) is judged by the
 * provider's catalog, or by what its name says.
 *
 * <p>A document that is known exactly and does not contain the word {@code mutation} cannot mutate,
 * so it is not parsed: that keeps reads, the common case, off the parser.
 */
final class GraphqlClassifier {

  private GraphqlClassifier() {}

  static void classify(
      List<GraphqlRequests.Call> calls,
      Url url,
      Scope scope,
      Environment requestEnv,
      ParserOptions options,
      Analysis out) {
    GraphqlCatalog.Provider provider = GraphqlCatalog.of(url);
    String program = provider != null ? provider.program() : GraphqlCatalog.program(url);
    if (out.trace().enabled()) {
      Emit.note(
          out,
          "http: GraphQL request to "
              + url.host()
              + " ("
              + (provider != null ? "catalog " + provider.id() : "no catalog: judged by names")
              + "), "
              + calls.size()
              + " document(s)");
    }
    for (GraphqlRequests.Call call : calls) {
      one(call, provider, program, scope.field(call.field()), requestEnv, options, out);
    }
  }

  private static void one(
      GraphqlRequests.Call call,
      GraphqlCatalog.@Nullable Provider provider,
      String program,
      Scope scope,
      Environment env,
      ParserOptions options,
      Analysis out) {
    Limits limits = out.limits();
    String doc = call.document();
    SourceMap map = call.map();
    int docEnd = doc.length();
    if (!call.dynamic() && !GraphqlText.mayMutate(doc)) {
      int depth = GraphqlText.depth(doc);
      if (depth > limits.maxParseDepth()) {
        Emit.finding(
            scope,
            Judgment.unknown(
                "http.graphql.limit",
                program,
                "",
                Limits.exceeded("maxParseDepth", depth, limits.maxParseDepth())
                    + ": the GraphQL document nests too deeply to be read"),
            env,
            map.start(0),
            map.end(docEnd),
            head(doc),
            out);
        return;
      }
      if (out.trace().enabled()) {
        Emit.note(out, "http: the document has no mutation keyword: read without parsing");
      }
      Emit.finding(
          scope,
          Judgment.read(
              "http.graphql.query",
              program,
              "",
              "a GraphQL query: it only reads (the document holds no mutation)"),
          env,
          map.start(0),
          map.end(docEnd),
          head(doc),
          out);
      return;
    }
    GraphqlDocument parsed = GraphqlDocument.parse(doc, options, limits);
    GraphqlDocument.Failure failure = parsed.failure();
    if (failure != null) {
      Emit.finding(
          scope,
          Judgment.unknown(
              failure.limit() != null ? "http.graphql.limit" : "http.graphql.parse-error",
              program,
              "",
              failure.reason() + "; held because what it does cannot be read"),
          env,
          map.start(0),
          map.end(docEnd),
          head(doc),
          out);
      return;
    }
    if (parsed.fallback() != null && out.trace().enabled()) {
      Emit.note(
          out, "http: the hand parser passed the document to graphql-java: " + parsed.fallback());
    }
    GraphqlDocument.Walk walk = parsed.walk(limits);
    if (out.trace().enabled()) {
      Emit.note(
          out,
          "http: "
              + walk.operations().size()
              + " operation(s), "
              + walk.mutations().size()
              + " mutation field(s)"
              + (call.operationName() != null
                  ? "; operationName " + call.operationName() + " (every operation is judged)"
                  : ""));
    }
    if (walk.problem() != null) {
      Emit.finding(
          scope,
          Judgment.unknown(
              walk.limit() != null ? "http.graphql.limit" : "http.graphql.parse-error",
              program,
              "",
              walk.problem() + "; held because what the mutation does cannot be read"),
          env,
          map.start(0),
          map.end(docEnd),
          head(doc),
          out);
      return;
    }
    List<String> reads = new ArrayList<>(1);
    for (GraphqlAst.Operation op : walk.operations()) {
      if (op.type() != GraphqlAst.OperationType.MUTATION) {
        reads.add(op.type().name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    if (!reads.isEmpty() || walk.operations().isEmpty()) {
      boolean dynamicRead = call.dynamic() && walk.mutations().isEmpty();
      Emit.finding(
          scope,
          walk.operations().isEmpty()
              ? Judgment.read(
                  "http.graphql.no-operation",
                  program,
                  "",
                  "the GraphQL document defines no operation, so the server runs nothing")
              : Judgment.read(
                  "http.graphql." + reads.get(0),
                  program,
                  "",
                  "a GraphQL "
                      + String.join(" and ", reads)
                      + ": it only reads"
                      + (dynamicRead
                          ? " (parts of the document are known only at run time, inside values)"
                          : "")),
          env,
          map.start(0),
          map.end(docEnd),
          head(doc),
          out);
    }
    for (GraphqlDocument.MutationField mf : walk.mutations()) {
      field(mf, call.variables(), provider, program, doc, map, scope, env, out);
    }
  }

  private static void field(
      GraphqlDocument.MutationField mf,
      Json.@Nullable Obj variables,
      GraphqlCatalog.@Nullable Provider provider,
      String program,
      String doc,
      SourceMap map,
      Scope scope,
      Environment env,
      Analysis out) {
    GraphqlAst.Field f = mf.field();
    String name = f.name();
    GraphqlValues args = new GraphqlValues(f, mf.operation(), variables);
    Judgment j = provider == null ? null : GraphqlCatalog.judge(provider, name, args);
    String by = "catalog " + (provider == null ? "" : provider.id());
    if (j == null) {
      j = generic(name, args, program);
      by = "its name";
    }
    int start = Math.max(0, f.offset());
    int end = GraphqlText.fieldEnd(doc, start);
    String head = GraphqlValues.head(f);
    if (out.trace().enabled()) {
      Emit.note(out, "http: mutation field " + head + " judged by " + by);
    }
    Emit.finding(scope, j, env, map.start(start), map.end(end), head, out);
  }

  /** Judges a mutation field of an API without a catalog by the words of its name. */
  static Judgment generic(String name, GraphqlValues args, String program) {
    List<String> words = Verbs.words(name);
    Verbs.Meaning m = Verbs.of(words);
    String target = args.text(List.of("id", "ids", "input.id", "name", "input.name", "key"));
    String object = objectWords(words);
    String resource = (object.isEmpty() ? name : object) + (target == null ? "" : " " + target);
    if (m == null) {
      if (args.get("where") instanceof Json.Obj w && w.members().isEmpty()) {
        return Judgment.of(
            "http.graphql.mutation.update-all",
            program,
            "update",
            resource,
            Severity.DESTRUCTIVE,
            name + " with an empty where changes every row it can reach");
      }
      return Judgment.write(
          "http.graphql.mutation.write",
          program,
          resource,
          name + " changes data; its name says nothing is deleted");
    }
    Severity sev = m.severity();
    String why;
    switch (m.verb()) {
      case "create-token" ->
          why = name + " creates a credential; creating API tokens is privilege escalation";
      case "grant-access" -> why = name + " grants access or privileges";
      default -> {
        why = name + " " + m.verb() + "s " + (object.isEmpty() ? "data" : object);
        if (sev == Severity.CATASTROPHIC) {
          why += "; a whole " + m.object() + " cannot be brought back";
        }
      }
    }
    if (args.get("where") instanceof Json.Obj w && w.members().isEmpty()) {
      sev = m.verb().equals("delete") ? Severity.CATASTROPHIC : sev;
      why += ", and its empty where matches every row";
    }
    return new Judgment(
        "http.graphql.mutation." + m.verb(),
        program,
        m.verb(),
        resource,
        sev,
        Access.WRITE,
        Environment.UNKNOWN,
        why + " (judged by its name: Airlock has no catalog entry for it)");
  }

  private static String objectWords(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      if (Verbs.destroying(w) == null
          && !w.equals("create")
          && !w.equals("update")
          && !w.equals("by")
          && !w.equals("pk")) {
        if (!sb.isEmpty()) {
          sb.append(' ');
        }
        sb.append(w);
      }
    }
    return sb.toString();
  }

  private static String head(String doc) {
    String s = doc.strip();
    int nl = s.indexOf('\n');
    if (nl > 0 && nl < 100) {
      s = s.substring(0, nl) + " ...";
    }
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }
}
