/**
 * The MCP classifier: a tool call judged by its name and its arguments, with shell, SQL and URL
 * arguments handed to those classifiers. Server-published annotations only ever make it stricter.
 */
@NullMarked
package dev.airlock.classify.mcp;

import org.jspecify.annotations.NullMarked;
