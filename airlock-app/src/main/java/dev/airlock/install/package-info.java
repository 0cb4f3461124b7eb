/**
 * Installing Airlock's hook into agent runtimes' settings files: a format-preserving JSON splice,
 * the per-runtime layouts, install/uninstall with backups, and the doctor's test decisions.
 */
@NullMarked
package dev.airlock.install;

import org.jspecify.annotations.NullMarked;
