package dev.airlock.classify.http;

import static dev.airlock.classify.http.GraphqlLexer.EOF;
import static dev.airlock.classify.http.GraphqlLexer.FLOAT;
import static dev.airlock.classify.http.GraphqlLexer.INT;
import static dev.airlock.classify.http.GraphqlLexer.NAME;
import static dev.airlock.classify.http.GraphqlLexer.SPREAD;
import static dev.airlock.classify.http.GraphqlLexer.STRING;

import dev.airlock.classify.Limits;
import dev.airlock.classify.http.GraphqlAst.Argument;
import dev.airlock.classify.http.GraphqlAst.Directive;
import dev.airlock.classify.http.GraphqlAst.Document;
import dev.airlock.classify.http.GraphqlAst.Field;
import dev.airlock.classify.http.GraphqlAst.Fragment;
import dev.airlock.classify.http.GraphqlAst.FragmentSpread;
import dev.airlock.classify.http.GraphqlAst.InlineFragment;
import dev.airlock.classify.http.GraphqlAst.ObjectField;
import dev.airlock.classify.http.GraphqlAst.Operation;
import dev.airlock.classify.http.GraphqlAst.OperationType;
import dev.airlock.classify.http.GraphqlAst.Selection;
import dev.airlock.classify.http.GraphqlAst.Value;
import dev.airlock.classify.http.GraphqlAst.VariableDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser for executable GraphQL documents (GraphQL specification, October 2021,
 * sections 2.2 to 2.12): operations (with the query shorthand), variable definitions and types,
 * selection sets, fields with aliases and arguments, fragment spreads, inline fragments, fragment
 * definitions, directives and every value literal. Type-system definitions are not part of an
 * executable document and are rejected.
 *
 * <p>It enforces Airlock's limits as it goes: {@code maxInputChars} on the text, {@code maxWords}
 * on the tokens and {@code maxParseDepth} on the nesting of selection sets, argument lists, list
 * and object values and list types. It throws {@link GraphqlLexer.Rejected} for anything it does
 * not accept.
 */
final class GraphqlParser {

  private final GraphqlLexer lex;
  private final int maxDepth;
  private int depth;

  private GraphqlParser(String text, Limits limits) {
    this.lex = new GraphqlLexer(text, limits);
    this.maxDepth = limits.maxParseDepth();
  }

  /**
   * Parses an executable document.
   *
   * @throws GraphqlLexer.Rejected for a syntax error, anything outside what this parser accepts, or
   *     a limit crossed
   */
  static Document parse(String text, Limits limits) {
    if (text.length() > limits.maxInputChars()) {
      throw new GraphqlLexer.Rejected(
          Limits.exceeded("maxInputChars", text.length(), limits.maxInputChars())
              + " in the GraphQL document",
          "maxInputChars");
    }
    return new GraphqlParser(text, limits).document();
  }

  private Document document() {
    lex.next();
    List<Operation> ops = new ArrayList<>(2);
    List<Fragment> fragments = List.of();
    if (lex.kind == EOF) {
      throw lex.error("an empty document");
    }
    while (lex.kind != EOF) {
      if (lex.kind == '{') {
        ops.add(new Operation(OperationType.QUERY, null, List.of(), List.of(), selectionSet()));
      } else if (lex.isName("query")) {
        ops.add(operation(OperationType.QUERY));
      } else if (lex.isName("mutation")) {
        ops.add(operation(OperationType.MUTATION));
      } else if (lex.isName("subscription")) {
        ops.add(operation(OperationType.SUBSCRIPTION));
      } else if (lex.isName("fragment")) {
        if (fragments.isEmpty()) {
          fragments = new ArrayList<>(4);
        }
        fragments.add(fragment());
      } else {
        throw lex.error("a definition this parser does not read");
      }
    }
    return new Document(ops, fragments);
  }

  private Operation operation(OperationType type) {
    lex.next();
    String name = null;
    if (lex.kind == NAME) {
      name = lex.text();
      lex.next();
    }
    List<VariableDefinition> vars = List.of();
    if (lex.kind == '(') {
      vars = variableDefinitions();
    }
    List<Directive> directives = directives(false);
    return new Operation(type, name, vars, directives, selectionSet());
  }

  private Fragment fragment() {
    lex.next();
    if (lex.kind != NAME || lex.isName("on")) {
      throw lex.error("a fragment without a name");
    }
    String name = lex.text();
    lex.next();
    if (!lex.isName("on")) {
      throw lex.error("a fragment without a type condition");
    }
    lex.next();
    String type = name("a type condition without a type");
    return new Fragment(name, type, directives(false), selectionSet());
  }

  private List<VariableDefinition> variableDefinitions() {
    enter();
    lex.next();
    List<VariableDefinition> vars = new ArrayList<>(2);
    do {
      expect('$', "a variable definition without '$'");
      String name = name("a variable without a name");
      expect(':', "a variable definition without ':'");
      StringBuilder type = new StringBuilder(16);
      type(type);
      Value dflt = null;
      if (lex.kind == '=') {
        lex.next();
        dflt = value(true);
      }
      vars.add(new VariableDefinition(name, type.toString(), dflt, directives(true)));
    } while (lex.kind != ')');
    lex.next();
    leave();
    return vars;
  }

  private void type(StringBuilder out) {
    if (lex.kind == '[') {
      enter();
      lex.next();
      out.append('[');
      type(out);
      expect(']', "a list type without ']'");
      out.append(']');
      leave();
    } else {
      out.append(name("a variable without a type"));
    }
    if (lex.kind == '!') {
      out.append('!');
      lex.next();
    }
  }

  private List<Directive> directives(boolean constant) {
    if (lex.kind != '@') {
      return List.of();
    }
    List<Directive> out = new ArrayList<>(1);
    while (lex.kind == '@') {
      lex.next();
      String name = name("a directive without a name");
      out.add(new Directive(name, lex.kind == '(' ? arguments(constant) : List.of()));
    }
    return out;
  }

  private List<Argument> arguments(boolean constant) {
    enter();
    lex.next();
    List<Argument> args = new ArrayList<>(2);
    do {
      String name = name("an argument without a name");
      expect(':', "an argument without ':'");
      args.add(new Argument(name, value(constant)));
    } while (lex.kind != ')');
    lex.next();
    leave();
    return args;
  }

  private List<Selection> selectionSet() {
    if (lex.kind != '{') {
      throw lex.error("a missing selection set");
    }
    enter();
    lex.next();
    List<Selection> out = new ArrayList<>(2);
    do {
      out.add(selection());
    } while (lex.kind != '}');
    lex.next();
    leave();
    return out;
  }

  private Selection selection() {
    if (lex.kind == SPREAD) {
      lex.next();
      if (lex.kind == NAME && !lex.isName("on")) {
        String name = lex.text();
        lex.next();
        return new FragmentSpread(name, directives(false));
      }
      String type = null;
      if (lex.isName("on")) {
        lex.next();
        type = name("a type condition without a type");
      }
      List<Directive> directives = directives(false);
      return new InlineFragment(type, directives, selectionSet());
    }
    if (lex.kind != NAME) {
      throw lex.error("a selection that is not a field or fragment");
    }
    int offset = lex.start;
    String alias = null;
    String name = lex.text();
    lex.next();
    if (lex.kind == ':') {
      lex.next();
      alias = name;
      name = name("an alias without a field name");
    }
    List<Argument> args = lex.kind == '(' ? arguments(false) : List.of();
    List<Directive> directives = directives(false);
    List<Selection> selections = lex.kind == '{' ? selectionSet() : List.of();
    return new Field(alias, name, offset, args, directives, selections);
  }

  private Value value(boolean constant) {
    switch (lex.kind) {
      case '$' -> {
        if (constant) {
          throw lex.error("a variable in a constant value");
        }
        lex.next();
        return new GraphqlAst.Variable(name("a variable without a name"));
      }
      case INT -> {
        String t = lex.text();
        lex.next();
        return new GraphqlAst.IntValue(t.equals("-0") ? "0" : t);
      }
      case FLOAT -> {
        String t;
        try {
          t = new BigDecimal(lex.text()).toString();
        } catch (NumberFormatException e) {
          throw lex.error("a float out of range");
        }
        lex.next();
        return new GraphqlAst.FloatValue(t);
      }
      case STRING -> {
        String v = lex.string;
        lex.next();
        return new GraphqlAst.StringValue(v);
      }
      case NAME -> {
        Value v;
        if (lex.isName("true")) {
          v = GraphqlAst.BooleanValue.TRUE;
        } else if (lex.isName("false")) {
          v = GraphqlAst.BooleanValue.FALSE;
        } else if (lex.isName("null")) {
          v = GraphqlAst.NullValue.INSTANCE;
        } else {
          v = new GraphqlAst.EnumValue(lex.text());
        }
        lex.next();
        return v;
      }
      case '[' -> {
        enter();
        lex.next();
        List<Value> items = new ArrayList<>();
        while (lex.kind != ']') {
          items.add(value(constant));
        }
        lex.next();
        leave();
        return new GraphqlAst.ListValue(items);
      }
      case '{' -> {
        enter();
        lex.next();
        List<ObjectField> fields = new ArrayList<>();
        while (lex.kind != '}') {
          String name = name("an object field without a name");
          expect(':', "an object field without ':'");
          fields.add(new ObjectField(name, value(constant)));
        }
        lex.next();
        leave();
        return new GraphqlAst.ObjectValue(fields);
      }
      default -> throw lex.error("a missing value");
    }
  }

  /** The current token as a name, moving past it. */
  private String name(String otherwise) {
    if (lex.kind != NAME) {
      throw lex.error(otherwise);
    }
    String t = lex.text();
    lex.next();
    return t;
  }

  private void expect(int kind, String otherwise) {
    if (lex.kind != kind) {
      throw lex.error(otherwise);
    }
    lex.next();
  }

  private void enter() {
    if (++depth > maxDepth) {
      throw new GraphqlLexer.Rejected(
          Limits.exceeded("maxParseDepth", depth, maxDepth)
              + ": the GraphQL document nests too deeply",
          "maxParseDepth");
    }
  }

  private void leave() {
    depth--;
  }
}
