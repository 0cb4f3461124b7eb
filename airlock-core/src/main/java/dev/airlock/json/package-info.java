/**
 * A small immutable JSON value model with a limit-checked reader and a writer, used for MCP
 * arguments, HTTP bodies and every JSON document Airlock reads or prints.
 */
@NullMarked
package dev.airlock.json;

import org.jspecify.annotations.NullMarked;
