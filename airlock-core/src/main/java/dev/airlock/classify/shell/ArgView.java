package dev.airlock.classify.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Arguments read as options and operands, the way most Unix programs read them: {@code --name},
 * {@code --name=value}, {@code --name value} for options that take one, clusters of short options
 * ({@code -rf} is {@code -r} and {@code -f}; {@code -n3} is {@code -n 3} when {@code -n} takes a
 * value), single-dash long options ({@code -delete}, {@code -auto-approve}, {@code -var=x}), and
 * {@code --} ending the options.
 *
 * <p>A single-dash word is recorded both whole and letter by letter, so {@code flag("-f")} holds
 * for {@code -rf} and {@code flag("-delete")} for {@code -delete}. That errs towards seeing an
 * option, which is the safe direction for a gate.
 */
public final class ArgView {

  /** One option as given: its name ({@code -r}, {@code --force}) and its value, if it takes one. */
  public record Option(String name, @Nullable Arg value, Arg source) {}

  private final List<Option> options = new ArrayList<>();
  private final List<Arg> positionals = new ArrayList<>();

  private ArgView() {}

  /** Reads {@code args}; {@code withValue} lists the option names that take a value. */
  public static ArgView of(List<Arg> args, String... withValue) {
    ArgView view = new ArgView();
    view.parse(args, new HashSet<>(Arrays.asList(withValue)));
    return view;
  }

  private void parse(List<Arg> args, Set<String> withValue) {
    boolean operandsOnly = false;
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      if (operandsOnly || !a.isOption() || a.dynamic() && !v.startsWith("-")) {
        positionals.add(a);
        continue;
      }
      if (v.equals("--")) {
        operandsOnly = true;
        continue;
      }
      Arg next = i + 1 < args.size() ? args.get(i + 1) : null;
      if (v.startsWith("--")) {
        int eq = v.indexOf('=');
        if (eq >= 0) {
          options.add(new Option(v.substring(0, eq), a.withValue(v.substring(eq + 1)), a));
        } else if (withValue.contains(v) && next != null) {
          options.add(new Option(v, next, a));
          i++;
        } else {
          options.add(new Option(v, null, a));
        }
        continue;
      }
      if (withValue.contains(v)) {
        options.add(new Option(v, next, a));
        if (next != null) {
          i++;
        }
        continue;
      }
      int eq = v.indexOf('=');
      if (eq > 1 && withValue.contains(v.substring(0, eq))) {
        options.add(new Option(v.substring(0, eq), a.withValue(v.substring(eq + 1)), a));
        continue;
      }
      options.add(new Option(eq > 1 ? v.substring(0, eq) : v, null, a));
      for (int j = 1; j < v.length(); j++) {
        char c = v.charAt(j);
        if (!Character.isLetterOrDigit(c)) {
          break;
        }
        String name = "-" + c;
        if (withValue.contains(name)) {
          if (j + 1 < v.length()) {
            options.add(new Option(name, a.withValue(v.substring(j + 1)), a));
          } else {
            options.add(new Option(name, next, a));
            if (next != null) {
              i++;
            }
          }
          break;
        }
        options.add(new Option(name, null, a));
      }
    }
  }

  /** Whether any of these options was given ({@code flag("-f", "--force")}). */
  public boolean flag(String... names) {
    for (Option o : options) {
      for (String n : names) {
        if (o.name().equals(n)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The value of the last of these options given, or null. */
  public @Nullable Arg value(String... names) {
    Arg found = null;
    for (Option o : options) {
      for (String n : names) {
        if (o.name().equals(n) && o.value() != null) {
          found = o.value();
        }
      }
    }
    return found;
  }

  /** Every value given to these options, in order. */
  public List<Arg> values(String... names) {
    List<Arg> out = new ArrayList<>();
    for (Option o : options) {
      for (String n : names) {
        if (o.name().equals(n) && o.value() != null) {
          out.add(o.value());
        }
      }
    }
    return out;
  }

  /** Every option, in order. */
  public List<Option> options() {
    return List.copyOf(options);
  }

  /** The operands: everything that is not an option or an option's value. */
  public List<Arg> positionals() {
    return List.copyOf(positionals);
  }

  /** The operand at an index, or null. */
  public @Nullable Arg positional(int index) {
    return index < positionals.size() ? positionals.get(index) : null;
  }

  /** The value of the operand at an index, or the empty string. */
  public String word(int index) {
    Arg a = positional(index);
    return a == null ? "" : a.value();
  }
}
