package dev.airlock.classify.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One program run, as a rule pack sees it: wrappers ({@code sudo}, {@code env}, {@code bash -c},
 * {@code xargs}, ...) already looked through, arguments resolved, and where its standard input
 * comes from.
 */
public final class Invocation {

  /** Where standard input comes from, when the command line says. */
  public enum InputKind {
    /** {@code <<EOF ... EOF}; text is the body. */
    HEREDOC,
    /** {@code <<< word}; text is the word. */
    HERESTRING,
    /** {@code cmd | this}; text is the upstream command's source text. */
    PIPE,
    /** {@code < file}; text is the file name. */
    FILE
  }

  /**
   * The standard input of an invocation: what kind, its text, whether that text holds expansions
   * not known until run time, and the span it came from.
   */
  public record Input(InputKind kind, String text, boolean dynamic, int start, int end) {}

  private final String name;
  private final String program;
  private final List<Arg> args;
  private final int start;
  private final int end;
  private final String text;
  private final @Nullable Input input;

  public Invocation(
      String name, List<Arg> args, int start, int end, String text, @Nullable Input input) {
    this.name = name;
    this.program = normalize(name);
    this.args = List.copyOf(args);
    this.start = start;
    this.end = end;
    this.text = text;
    this.input = input;
  }

  /**
   * An invocation made of literal words, for tests and synthesized commands: spans are laid out as
   * if the words were joined by single spaces.
   */
  public static Invocation ofWords(String... words) {
    List<Arg> args = new ArrayList<>();
    int pos = words[0].length() + 1;
    for (int i = 1; i < words.length; i++) {
      args.add(new Arg(words[i], 0, pos, pos + words[i].length()));
      pos += words[i].length() + 1;
    }
    return new Invocation(words[0], args, 0, Math.max(0, pos - 1), String.join(" ", words), null);
  }

  /**
   * The program a name runs, as rule packs are keyed: the base name, lower case, without {@code
   * .exe}, {@code .cmd} or {@code .bat}. {@code /usr/bin/RM} and {@code rm.exe} are both {@code
   * rm}.
   */
  public static String normalize(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    String base = name.substring(slash + 1).toLowerCase(Locale.ROOT);
    for (String ext : EXTENSIONS) {
      if (base.endsWith(ext) && base.length() > ext.length()) {
        return base.substring(0, base.length() - ext.length());
      }
    }
    return base;
  }

  private static final Set<String> EXTENSIONS = Set.of(".exe", ".cmd", ".bat", ".com", ".ps1");

  /** The command name as written, quotes removed ({@code /bin/rm}). */
  public String name() {
    return name;
  }

  /** The normalized program ({@code rm}). */
  public String program() {
    return program;
  }

  /** The arguments after the command name. */
  public List<Arg> args() {
    return args;
  }

  /** The argument at an index, or null past the end. */
  public @Nullable Arg arg(int index) {
    return index < args.size() ? args.get(index) : null;
  }

  /** The argument values, for matching. */
  public List<String> values() {
    List<String> v = new ArrayList<>(args.size());
    for (Arg a : args) {
      v.add(a.value());
    }
    return v;
  }

  /** Start of the command in the text being classified. */
  public int start() {
    return start;
  }

  /** End of the command in the text being classified. */
  public int end() {
    return end;
  }

  /** The source text of the command (for evidence). */
  public String text() {
    return text;
  }

  /** Where standard input comes from, or null when the command line does not say. */
  public @Nullable Input input() {
    return input;
  }

  /** Parses the arguments as options; {@code withValue} names the options that take a value. */
  public ArgView view(String... withValue) {
    return ArgView.of(args, withValue);
  }

  @Override
  public String toString() {
    return text;
  }
}
