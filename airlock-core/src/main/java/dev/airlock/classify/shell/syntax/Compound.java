package dev.airlock.classify.shell.syntax;

import java.util.List;

/**
 * A compound command. For classification only what can run matters, so every kind shares one shape:
 *
 * <ul>
 *   <li>{@code keyword}: {@code subshell} ({@code ( )}), {@code group} ({@code { }}), {@code if},
 *       {@code while}, {@code until}, {@code for}, {@code select}, {@code case}, {@code arith}
 *       ({@code (( ))}), {@code test} ({@code [[ ]]}), {@code coproc}
 *   <li>{@code body}: every command inside, in source order (conditions, branches, loop bodies,
 *       case arms)
 *   <li>{@code words}: the words it expands itself (a {@code for} list, the {@code case} subject
 *       and patterns, the operands of {@code [[ ]]}, the expression of {@code (( ))} as one word)
 *   <li>{@code redirects}: redirections applied to the whole compound command
 * </ul>
 */
public record Compound(
    String keyword, List<Node> body, List<Word> words, List<Redirect> redirects, Span span)
    implements Node {

  public Compound {
    body = List.copyOf(body);
    words = List.copyOf(words);
    redirects = List.copyOf(redirects);
  }
}
