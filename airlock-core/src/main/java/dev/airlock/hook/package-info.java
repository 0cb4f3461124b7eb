/**
 * The agent runtimes' hook protocols: reading the payload a runtime sends before a tool runs
 * (Claude Code, Cursor, Codex, Gemini CLI) into an {@link dev.airlock.action.Action}, and writing
 * Airlock's verdict back in that runtime's own words. Pure: no I/O; the process around it lives in
 * the application.
 */
@NullMarked
package dev.airlock.hook;

import org.jspecify.annotations.NullMarked;
