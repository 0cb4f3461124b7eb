/**
 * The SQL classifier: statements parsed with JSqlParser, with a conservative lexer that understands
 * strings, comments and dollar quoting for what the parser cannot read.
 */
@NullMarked
package dev.airlock.classify.sql;

import org.jspecify.annotations.NullMarked;
