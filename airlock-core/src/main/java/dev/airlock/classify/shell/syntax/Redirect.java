package dev.airlock.classify.shell.syntax;

import org.jspecify.annotations.Nullable;

/**
 * A redirection. {@code fd} is the explicit descriptor ({@code 2>}) or -1. {@code operator} is one
 * of {@code < > >> >| <> <& >& &> &>> << <<- <<<}. For a heredoc ({@code <<}, {@code <<-}) the
 * target is the delimiter word and {@code heredoc} holds the body; for everything else {@code
 * heredoc} is null.
 */
public record Redirect(
    int fd, String operator, @Nullable Word target, @Nullable Heredoc heredoc, Span span) {}
