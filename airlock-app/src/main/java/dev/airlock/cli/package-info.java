/** The {@code airlock} command line: one picocli class per subcommand. */
@NullMarked
package dev.airlock.cli;

import org.jspecify.annotations.NullMarked;
