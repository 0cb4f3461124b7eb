/**
 * One policy over every kind of action: YAML rules that match findings and give {@code allow},
 * {@code ask} or {@code deny} with obligations; the most restrictive match wins.
 */
@NullMarked
package dev.airlock.policy;

import org.jspecify.annotations.NullMarked;
