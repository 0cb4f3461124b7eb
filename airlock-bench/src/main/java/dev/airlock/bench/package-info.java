/** JMH benchmarks of Airlock's classification and decision. */
@NullMarked
package dev.airlock.bench;

import org.jspecify.annotations.NullMarked;
