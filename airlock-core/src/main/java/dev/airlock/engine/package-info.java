/**
 * The gate: every action classified and judged by the policy, failing closed on anything not
 * understood; plus the JSON forms of actions and verdicts shared by every entry point.
 */
@NullMarked
package dev.airlock.engine;

import org.jspecify.annotations.NullMarked;
