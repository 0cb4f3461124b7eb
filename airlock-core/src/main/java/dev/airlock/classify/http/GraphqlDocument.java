package dev.airlock.classify.http;

import dev.airlock.classify.Limits;
import dev.airlock.classify.http.GraphqlAst.Field;
import dev.airlock.classify.http.GraphqlAst.Fragment;
import dev.airlock.classify.http.GraphqlAst.FragmentSpread;
import dev.airlock.classify.http.GraphqlAst.InlineFragment;
import dev.airlock.classify.http.GraphqlAst.Operation;
import dev.airlock.classify.http.GraphqlAst.OperationType;
import dev.airlock.classify.http.GraphqlAst.Selection;
import graphql.parser.ParserOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A GraphQL document parsed under Airlock's limits, and the walk that lists what it does: every
 * operation, and for every mutation its top-level fields with fragment spreads and inline fragments
 * resolved.
 *
 * <p>Implementation notes: {@link GraphqlParser}, a hand-written parser for the executable grammar,
 * reads the document first. It is strict: whatever it rejects except a crossed limit goes to
 * graphql-java's parser ({@link GraphqlJava}), whose tree is translated into the same shape; if
 * graphql-java rejects it too the document is not understood and the caller holds it. Nothing the
 * hand parser cannot read is ever let through on its word.
 */
final class GraphqlDocument {

  /** A top-level mutation field and the operation it belongs to. */
  record MutationField(Field field, Operation operation) {}

  /** What the document does. */
  record Walk(
      List<Operation> operations,
      List<MutationField> mutations,
      @Nullable String problem,
      @Nullable String limit) {}

  /** A parse that failed: why, and the bound it hit if any. */
  record Failure(String reason, @Nullable String limit) {}

  private final GraphqlAst.@Nullable Document document;
  private final @Nullable Failure failure;
  private final @Nullable String fallback;

  private GraphqlDocument(
      GraphqlAst.@Nullable Document document,
      @Nullable Failure failure,
      @Nullable String fallback) {
    this.document = document;
    this.failure = failure;
    this.fallback = fallback;
  }

  /** Parser options for the graphql-java fallback derived from Airlock's limits. */
  static ParserOptions options(Limits limits) {
    return GraphqlJava.options(limits);
  }

  static GraphqlDocument parse(String text, ParserOptions options, Limits limits) {
    String rejected;
    try {
      return new GraphqlDocument(GraphqlParser.parse(text, limits), null, null);
    } catch (GraphqlLexer.Rejected e) {
      if (!e.limit().isEmpty()) {
        return new GraphqlDocument(null, new Failure(e.reason(), e.limit()), null);
      }
      rejected = e.reason();
    } catch (StackOverflowError e) {
      rejected = "the hand parser ran out of stack";
    }
    GraphqlJava.Result r = GraphqlJava.parse(text, options, limits);
    GraphqlAst.Document doc = r.document();
    if (doc == null) {
      return new GraphqlDocument(
          null, new Failure(String.valueOf(r.reason()), r.limit()), rejected);
    }
    return new GraphqlDocument(doc, null, rejected);
  }

  @Nullable Failure failure() {
    return failure;
  }

  /** Why the hand parser passed the document to graphql-java, or null if it read it itself. */
  @Nullable String fallback() {
    return fallback;
  }

  /** Lists the operations and the top-level fields of every mutation. */
  Walk walk(Limits limits) {
    GraphqlAst.Document doc = document;
    if (doc == null) {
      return new Walk(List.of(), List.of(), "not parsed", null);
    }
    List<Operation> ops = doc.operations();
    Map<String, Fragment> fragments = Map.of();
    if (!doc.fragments().isEmpty()) {
      fragments = new HashMap<>();
      for (Fragment f : doc.fragments()) {
        fragments.putIfAbsent(f.name(), f);
      }
    }
    if (ops.size() > limits.maxStatements()) {
      return new Walk(
          ops,
          List.of(),
          Limits.exceeded("maxStatements", ops.size(), limits.maxStatements())
              + ": too many operations in one GraphQL document",
          "maxStatements");
    }
    Collector c = new Collector(fragments, limits);
    for (Operation op : ops) {
      if (op.type() == OperationType.MUTATION) {
        c.collect(op, op.selections(), 0);
        if (c.problem != null) {
          break;
        }
      }
    }
    return new Walk(ops, c.fields, c.problem, c.limit);
  }

  /** Walks selection sets of mutation roots, resolving fragments, within a budget. */
  private static final class Collector {
    private final Map<String, Fragment> fragments;
    private final Limits limits;
    private final List<MutationField> fields = new ArrayList<>(2);
    private final Deque<String> path = new ArrayDeque<>();
    private long steps;
    private @Nullable String problem;
    private @Nullable String limit;

    Collector(Map<String, Fragment> fragments, Limits limits) {
      this.fragments = fragments;
      this.limits = limits;
    }

    void collect(Operation op, List<Selection> set, int depth) {
      if (problem != null) {
        return;
      }
      if (depth > limits.maxParseDepth()) {
        stop(
            Limits.exceeded("maxParseDepth", depth, limits.maxParseDepth())
                + ": fragments nest too deeply",
            "maxParseDepth");
        return;
      }
      for (Selection s : set) {
        if (++steps > limits.maxWords()) {
          stop(
              Limits.exceeded("maxWords", steps, limits.maxWords())
                  + ": fragment spreads expand to too many selections",
              "maxWords");
          return;
        }
        switch (s) {
          case Field f -> {
            fields.add(new MutationField(f, op));
            if (fields.size() > limits.maxStatements()) {
              stop(
                  Limits.exceeded("maxStatements", fields.size(), limits.maxStatements())
                      + ": too many mutation fields",
                  "maxStatements");
              return;
            }
          }
          case FragmentSpread spread -> {
            String name = spread.name();
            Fragment def = fragments.get(name);
            if (def == null) {
              stop(
                  "the mutation spreads fragment " + name + ", which the document does not define",
                  null);
              return;
            }
            if (!path.contains(name)) {
              path.push(name);
              collect(op, def.selections(), depth + 1);
              path.pop();
            }
          }
          case InlineFragment inline -> collect(op, inline.selections(), depth + 1);
        }
        if (problem != null) {
          return;
        }
      }
    }

    private void stop(String why, @Nullable String bound) {
      if (problem == null) {
        problem = why;
        limit = bound;
      }
    }
  }
}
