/** Recognising the environment an action really targets from the names it mentions. */
@NullMarked
package dev.airlock.classify.env;

import org.jspecify.annotations.NullMarked;
