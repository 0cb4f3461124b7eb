/**
 * The shell classifier: a POSIX sh and bash parser written for this purpose, a walk that sees
 * through wrappers and nested code, and one rule pack per program family.
 */
@NullMarked
package dev.airlock.classify.shell;

import org.jspecify.annotations.NullMarked;
