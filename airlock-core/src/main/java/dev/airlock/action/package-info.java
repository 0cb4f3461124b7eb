/** What an agent wants to do: actions of four kinds and the context they arrive with. */
@NullMarked
package dev.airlock.action;

import org.jspecify.annotations.NullMarked;
