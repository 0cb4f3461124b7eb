/**
 * What an action really does: the classification model shared by every classifier (findings,
 * severity, evidence), the limits on hostile input, and the scope that nested classifiers inherit.
 */
@NullMarked
package dev.airlock.classify;

import org.jspecify.annotations.NullMarked;
