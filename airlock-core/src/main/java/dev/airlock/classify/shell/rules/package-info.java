/** Rule packs: one class per family of programs, each judging invocations of its programs. */
@NullMarked
package dev.airlock.classify.shell.rules;

import org.jspecify.annotations.NullMarked;
