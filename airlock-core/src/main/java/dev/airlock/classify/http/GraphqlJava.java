package dev.airlock.classify.http;

import dev.airlock.classify.Limits;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * graphql-java's parser (no schema) under Airlock's limits, and the translation of its tree into
 * {@link GraphqlAst}: the second opinion for every document {@link GraphqlParser} rejects, and the
 * oracle its tests compare against.
 */
final class GraphqlJava {

  private GraphqlJava() {}

  /** A parse: the document, or why there is none and the bound it hit if any. */
  record Result(
      GraphqlAst.@Nullable Document document, @Nullable String reason, @Nullable String limit) {}

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

  static Result parse(String text, ParserOptions options, Limits limits) {
    try {
      ParserEnvironment env =
          ParserEnvironment.newParserEnvironment().document(text).parserOptions(options).build();
      return new Result(new Converter(text).document(Parser.parse(env)), null, null);
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

  private static Result failed(String reason, @Nullable String limit) {
    return new Result(null, reason, limit);
  }

  /** Translates graphql-java's tree, finding each field's offset from its line and column. */
  private record Converter(String text) {

    GraphqlAst.Document document(graphql.language.Document doc) {
      List<GraphqlAst.Operation> ops = new ArrayList<>();
      List<GraphqlAst.Fragment> fragments = new ArrayList<>();
      for (Definition<?> d : doc.getDefinitions()) {
        if (d instanceof OperationDefinition op) {
          List<GraphqlAst.VariableDefinition> vars = new ArrayList<>();
          for (VariableDefinition v : op.getVariableDefinitions()) {
            vars.add(
                new GraphqlAst.VariableDefinition(
                    v.getName(),
                    type(v.getType()),
                    v.getDefaultValue() == null ? null : value(v.getDefaultValue()),
                    directives(v.getDirectives())));
          }
          ops.add(
              new GraphqlAst.Operation(
                  switch (op.getOperation()) {
                    case QUERY -> GraphqlAst.OperationType.QUERY;
                    case MUTATION -> GraphqlAst.OperationType.MUTATION;
                    case SUBSCRIPTION -> GraphqlAst.OperationType.SUBSCRIPTION;
                  },
                  op.getName(),
                  vars,
                  directives(op.getDirectives()),
                  selections(op.getSelectionSet())));
        } else if (d instanceof FragmentDefinition f) {
          fragments.add(
              new GraphqlAst.Fragment(
                  String.valueOf(f.getName()),
                  f.getTypeCondition() == null
                      ? ""
                      : String.valueOf(f.getTypeCondition().getName()),
                  directives(f.getDirectives()),
                  selections(f.getSelectionSet())));
        }
      }
      return new GraphqlAst.Document(ops, fragments);
    }

    private List<GraphqlAst.Selection> selections(@Nullable SelectionSet set) {
      if (set == null) {
        return List.of();
      }
      List<GraphqlAst.Selection> out = new ArrayList<>();
      for (Selection<?> s : set.getSelections()) {
        switch (s) {
          case Field f -> out.add(field(f));
          case FragmentSpread spread ->
              out.add(
                  new GraphqlAst.FragmentSpread(
                      String.valueOf(spread.getName()), directives(spread.getDirectives())));
          case InlineFragment inline ->
              out.add(
                  new GraphqlAst.InlineFragment(
                      inline.getTypeCondition() == null
                          ? null
                          : inline.getTypeCondition().getName(),
                      directives(inline.getDirectives()),
                      selections(inline.getSelectionSet())));
          default -> {}
        }
      }
      return out;
    }

    private GraphqlAst.Field field(Field f) {
      return new GraphqlAst.Field(
          f.getAlias(),
          f.getName(),
          locate(f),
          arguments(f.getArguments()),
          directives(f.getDirectives()),
          selections(f.getSelectionSet()));
    }

    /** Where a field's source text starts in the document. */
    private int locate(Field f) {
      String first = f.getAlias() != null ? f.getAlias() : f.getName();
      SourceLocation loc = f.getSourceLocation();
      int at = loc == null ? 0 : GraphqlText.offset(text, loc.getLine(), loc.getColumn());
      if (text.startsWith(first, at)) {
        return at;
      }
      int found = text.indexOf(first, Math.max(0, at - 8));
      return found < 0 ? 0 : found;
    }

    private List<GraphqlAst.Directive> directives(List<Directive> ds) {
      if (ds.isEmpty()) {
        return List.of();
      }
      List<GraphqlAst.Directive> out = new ArrayList<>(ds.size());
      for (Directive d : ds) {
        out.add(new GraphqlAst.Directive(d.getName(), arguments(d.getArguments())));
      }
      return out;
    }

    private List<GraphqlAst.Argument> arguments(List<Argument> args) {
      if (args.isEmpty()) {
        return List.of();
      }
      List<GraphqlAst.Argument> out = new ArrayList<>(args.size());
      for (Argument a : args) {
        out.add(new GraphqlAst.Argument(a.getName(), value(a.getValue())));
      }
      return out;
    }

    private static String type(Type<?> t) {
      return switch (t) {
        case NonNullType nn -> type(nn.getType()) + "!";
        case ListType l -> "[" + type(l.getType()) + "]";
        case TypeName n -> n.getName();
        default -> "?";
      };
    }

    private static GraphqlAst.Value value(Value<?> v) {
      return switch (v) {
        case VariableReference r -> new GraphqlAst.Variable(r.getName());
        case IntValue i -> new GraphqlAst.IntValue(String.valueOf(i.getValue()));
        case FloatValue f -> new GraphqlAst.FloatValue(String.valueOf(f.getValue()));
        case StringValue s -> new GraphqlAst.StringValue(String.valueOf(s.getValue()));
        case BooleanValue b ->
            b.isValue() ? GraphqlAst.BooleanValue.TRUE : GraphqlAst.BooleanValue.FALSE;
        case NullValue n -> GraphqlAst.NullValue.INSTANCE;
        case EnumValue e -> new GraphqlAst.EnumValue(String.valueOf(e.getName()));
        case ArrayValue a -> {
          List<GraphqlAst.Value> items = new ArrayList<>(a.getValues().size());
          for (Value<?> item : a.getValues()) {
            items.add(value(item));
          }
          yield new GraphqlAst.ListValue(items);
        }
        case ObjectValue o -> {
          List<GraphqlAst.ObjectField> fields = new ArrayList<>(o.getObjectFields().size());
          for (ObjectField f : o.getObjectFields()) {
            fields.add(new GraphqlAst.ObjectField(f.getName(), value(f.getValue())));
          }
          yield new GraphqlAst.ObjectValue(fields);
        }
        default -> throw new IllegalStateException("unknown GraphQL value " + v.getClass());
      };
    }
  }
}
