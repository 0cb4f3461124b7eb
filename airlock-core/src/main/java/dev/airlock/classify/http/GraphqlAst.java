package dev.airlock.classify.http;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The syntax tree of an executable GraphQL document, as far as Airlock reads it: operations and
 * fragments with their selection sets, fields with aliases, arguments and directives, variable
 * definitions and every kind of value literal. {@link GraphqlParser} builds it; so does {@link
 * GraphqlJava} from graphql-java's tree when the hand parser gives up.
 */
final class GraphqlAst {

  private GraphqlAst() {}

  /** What an operation does. */
  enum OperationType {
    QUERY,
    MUTATION,
    SUBSCRIPTION
  }

  /** A parsed document: its operations and its fragment definitions, in document order. */
  record Document(List<Operation> operations, List<Fragment> fragments) {}

  /** An operation; {@code name} is null for an anonymous one. */
  record Operation(
      OperationType type,
      @Nullable String name,
      List<VariableDefinition> variables,
      List<Directive> directives,
      List<Selection> selections) {}

  /** {@code fragment name on type @directives { ... }}. */
  record Fragment(
      String name, String typeCondition, List<Directive> directives, List<Selection> selections) {}

  /**
   * {@code $name: type = default}; {@code type} is the type as GraphQL prints it ({@code
   * [String!]!}).
   */
  record VariableDefinition(
      String name, String type, @Nullable Value defaultValue, List<Directive> directives) {}

  /** {@code @name(arguments)}. */
  record Directive(String name, List<Argument> arguments) {}

  /** {@code name: value}, of a field or a directive. */
  record Argument(String name, Value value) {}

  /** A field, a fragment spread or an inline fragment. */
  sealed interface Selection permits Field, FragmentSpread, InlineFragment {}

  /**
   * {@code alias: name(arguments) @directives { selections }}; {@code offset} is where the field
   * (its alias, if any) starts in the document, -1 if unknown.
   */
  record Field(
      @Nullable String alias,
      String name,
      int offset,
      List<Argument> arguments,
      List<Directive> directives,
      List<Selection> selections)
      implements Selection {}

  /** {@code ...name @directives}. */
  record FragmentSpread(String name, List<Directive> directives) implements Selection {}

  /** {@code ... on type @directives { selections }}; {@code typeCondition} may be null. */
  record InlineFragment(
      @Nullable String typeCondition, List<Directive> directives, List<Selection> selections)
      implements Selection {}

  /** A value literal or a variable. */
  sealed interface Value
      permits Variable,
          IntValue,
          FloatValue,
          StringValue,
          BooleanValue,
          NullValue,
          EnumValue,
          ListValue,
          ObjectValue {}

  /** {@code $name}. */
  record Variable(String name) implements Value {}

  /** An integer as its canonical decimal text. */
  record IntValue(String text) implements Value {}

  /** A float as its canonical decimal text. */
  record FloatValue(String text) implements Value {}

  /** A string or block string, escapes and block indentation already resolved. */
  record StringValue(String value) implements Value {}

  /** {@code true} or {@code false}. */
  record BooleanValue(boolean value) implements Value {
    static final BooleanValue TRUE = new BooleanValue(true);
    static final BooleanValue FALSE = new BooleanValue(false);
  }

  /** {@code null}. */
  record NullValue() implements Value {
    static final NullValue INSTANCE = new NullValue();
  }

  /** An enum value: a name other than {@code true}, {@code false} or {@code null}. */
  record EnumValue(String name) implements Value {}

  /** {@code [items]}. */
  record ListValue(List<Value> items) implements Value {}

  /** {@code {name: value, ...}}. */
  record ObjectValue(List<ObjectField> fields) implements Value {}

  /** One member of an object value. */
  record ObjectField(String name, Value value) {}
}
