package dev.airlock.classify.shell.rules;

import dev.airlock.classify.shell.Arg;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Argument scanning for programs that stop reading their own options at the first operand ({@code
 * docker exec [opts] CONTAINER argv}, {@code docker --context x volume rm}) and for splitting argv
 * at {@code --}.
 */
final class Cli {

  private Cli() {}

  /**
   * The index of the first operand at or after {@code from}: options and the values of those in
   * {@code withValue} are skipped ({@code --name value}, {@code --name=value}, {@code -n value},
   * {@code -nvalue}, {@code -itn value}); {@code --} ends the options. {@code args.size()} if there
   * is none.
   */
  static int operand(List<Arg> args, int from, Set<String> withValue) {
    int i = from;
    while (i < args.size()) {
      Arg a = args.get(i);
      String v = a.value();
      if (v.equals("--")) {
        return i + 1;
      }
      if (!a.isOption() || a.dynamic() && !v.startsWith("-")) {
        return i;
      }
      if (v.startsWith("--")) {
        i += v.indexOf('=') < 0 && withValue.contains(v) ? 2 : 1;
        continue;
      }
      if (withValue.contains(v)) {
        i += 2;
        continue;
      }
      boolean takesNext = false;
      for (int j = 1; j < v.length(); j++) {
        if (withValue.contains("-" + v.charAt(j))) {
          takesNext = j == v.length() - 1;
          break;
        }
      }
      i += takesNext ? 2 : 1;
    }
    return args.size();
  }

  /** The index of the first literal {@code --}, or -1. */
  static int dashDash(List<Arg> args) {
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      if (a.value().equals("--") && !a.quoted()) {
        return i;
      }
    }
    return -1;
  }

  /** The arguments without those {@code drop} rejects. */
  static List<Arg> without(List<Arg> args, java.util.function.Predicate<Arg> drop) {
    List<Arg> out = new ArrayList<>(args.size());
    for (Arg a : args) {
      if (!drop.test(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /** The value of {@code a} or null. */
  static @Nullable String value(@Nullable Arg a) {
    return a == null ? null : a.value();
  }

  /** Whether any argument has one of these exact values. */
  static boolean has(List<Arg> args, String... values) {
    for (Arg a : args) {
      for (String v : values) {
        if (a.value().equals(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The values joined by single spaces (for messages). */
  static String join(List<Arg> args) {
    StringBuilder sb = new StringBuilder();
    for (Arg a : args) {
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(a.value());
    }
    return sb.toString();
  }
}
