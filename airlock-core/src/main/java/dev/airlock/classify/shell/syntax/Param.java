package dev.airlock.classify.shell.syntax;

import java.util.List;

/**
 * A parameter expansion: {@code $NAME}, {@code ${NAME}}, {@code $1}, {@code $@}, {@code ${NAME:-w}}
 * and the other {@code ${...}} forms. {@code name} is the parameter ({@code HOME}, {@code 1},
 * {@code @}); {@code raw} is the full source text; {@code operator} is what follows the name inside
 * braces ({@code :-}, {@code #}, {@code /}, ... or empty); {@code nested} holds the words inside an
 * operand that may themselves expand (such as the {@code $(cmd)} in {@code ${X:-$(cmd)}}).
 */
public record Param(String name, String raw, String operator, List<Word> nested, Span span)
    implements WordPart {

  public Param {
    nested = List.copyOf(nested);
  }
}
