/**
 * A parser for POSIX sh and bash command lines, written for Airlock: a lexer and a
 * recursive-descent parser producing the syntax tree in this package. Total and linear: any input
 * yields a tree, with syntax errors listed rather than thrown.
 */
@NullMarked
package dev.airlock.classify.shell.syntax;

import org.jspecify.annotations.NullMarked;
