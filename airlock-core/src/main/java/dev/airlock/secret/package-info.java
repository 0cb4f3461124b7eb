/** Keeping credentials out of everything Airlock prints, returns or stores. */
@NullMarked
package dev.airlock.secret;

import org.jspecify.annotations.NullMarked;
