package dev.airlock.classify.http;

import dev.airlock.classify.Limits;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A GraphQL document parsed with graphql-java's parser (no schema) under Airlock's limits, and the
 * walk that lists what it does: every operation, and for every mutation its top-level fields with
 * fragment spreads and inline fragments resolved.
 */
final class GraphqlDocument {

  /** A top-level mutation field and the operation it belongs to. */
  record MutationField(Field field, OperationDefinition operation) {}

  /** What the document does. */
  record Walk(
      List<OperationDefinition> operations,
      List<MutationField> mutations,
      @Nullable String problem,
      @Nullable String limit) {}

  /** A parse that failed: why, the bound it hit if any, and where. */
  record Failure(String reason, @Nullable String limit) {}

  private final @Nullable Document document;
  private final @Nullable Failure failure;

  private GraphqlDocument(@Nullable Document document, @Nullable Failure failure) {
    this.document = document;
    this.failure = failure;
  }

  /** Parser options derived from Airlock's limits. */
  static ParserOptions options(Limits limits) {
    return ParserOptions.newParserOptions()
        .captureSourceLocation(true)
        .captureIgnoredChars(false)
        .captureLineComments(false)
        .readerTrackData(false)
        .redactTokenParserErrorMessages(true)
        .maxCharacters(limits.maxInputChars())
        .maxTokens(limits.maxWords())
        .maxWhitespaceTokens((int) Math.min(Integer.MAX_VALUE, 2L * limits.maxWords()))
        .maxRuleDepth(limits.maxParseDepth())
        .build();
  }

  static GraphqlDocument parse(String text, ParserOptions options, Limits limits) {
    try {
      ParserEnvironment env =
          ParserEnvironment.newParserEnvironment().document(text).parserOptions(options).build();
      return new GraphqlDocument(Parser.parse(env), null);
    } catch (ParseCancelledTooDeepException e) {
      return failed(
          "the GraphQL document nests deeper than limit maxParseDepth ("
              + limits.maxParseDepth()
              + " grammar levels)",
          "maxParseDepth");
    } catch (ParseCancelledTooManyCharsException e) {
      return failed(
          Limits.exceeded("maxInputChars", text.length(), limits.maxInputChars())
              + " in the GraphQL document",
          "maxInputChars");
    } catch (ParseCancelledException e) {
      return failed(
          "the GraphQL document has more tokens than limit maxWords (" + limits.maxWords() + ")",
          "maxWords");
    } catch (InvalidSyntaxException e) {
      return failed("the GraphQL document does not parse" + at(e.getLocation()), null);
    } catch (RuntimeException | StackOverflowError e) {
      return failed(
          "the GraphQL parser gave up on the document (" + e.getClass().getSimpleName() + ")",
          null);
    }
  }

  private static String at(@Nullable SourceLocation loc) {
    if (loc == null || loc.getLine() < 1) {
      return "";
    }
    return " (syntax error at line " + loc.getLine() + ", column " + loc.getColumn() + ")";
  }

  private static GraphqlDocument failed(String reason, @Nullable String limit) {
    return new GraphqlDocument(null, new Failure(reason, limit));
  }

  @Nullable Failure failure() {
    return failure;
  }

  /** Lists the operations and the top-level fields of every mutation. */
  Walk walk(Limits limits) {
    Document doc = document;
    if (doc == null) {
      return new Walk(List.of(), List.of(), "not parsed", null);
    }
    List<OperationDefinition> ops = new ArrayList<>(2);
    Map<String, FragmentDefinition> fragments = new HashMap<>();
    for (Definition<?> d : doc.getDefinitions()) {
      if (d instanceof OperationDefinition op) {
        ops.add(op);
      } else if (d instanceof FragmentDefinition f && f.getName() != null) {
        fragments.putIfAbsent(f.getName(), f);
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
    for (OperationDefinition op : ops) {
      if (op.getOperation() == OperationDefinition.Operation.MUTATION) {
        c.collect(op, op.getSelectionSet(), 0);
        if (c.problem != null) {
          break;
        }
      }
    }
    return new Walk(ops, c.fields, c.problem, c.limit);
  }

  /** Walks selection sets of mutation roots, resolving fragments, within a budget. */
  private static final class Collector {
    private final Map<String, FragmentDefinition> fragments;
    private final Limits limits;
    private final List<MutationField> fields = new ArrayList<>();
    private final Deque<String> path = new ArrayDeque<>();
    private long steps;
    private @Nullable String problem;
    private @Nullable String limit;

    Collector(Map<String, FragmentDefinition> fragments, Limits limits) {
      this.fragments = fragments;
      this.limits = limits;
    }

    void collect(OperationDefinition op, @Nullable SelectionSet set, int depth) {
      if (set == null || problem != null) {
        return;
      }
      if (depth > limits.maxParseDepth()) {
        stop(
            Limits.exceeded("maxParseDepth", depth, limits.maxParseDepth())
                + ": fragments nest too deeply",
            "maxParseDepth");
        return;
      }
      for (Selection<?> s : set.getSelections()) {
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
            String name = String.valueOf(spread.getName());
            FragmentDefinition def = fragments.get(name);
            if (def == null) {
              stop(
                  "the mutation spreads fragment " + name + ", which the document does not define",
                  null);
              return;
            }
            if (!path.contains(name)) {
              path.push(name);
              collect(op, def.getSelectionSet(), depth + 1);
              path.pop();
            }
          }
          case InlineFragment inline -> collect(op, inline.getSelectionSet(), depth + 1);
          default -> {}
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
