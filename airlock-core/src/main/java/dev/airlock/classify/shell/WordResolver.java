package dev.airlock.classify.shell;

import dev.airlock.classify.shell.syntax.AnsiCQuoted;
import dev.airlock.classify.shell.syntax.ArithSub;
import dev.airlock.classify.shell.syntax.CommandSub;
import dev.airlock.classify.shell.syntax.DoubleQuoted;
import dev.airlock.classify.shell.syntax.Literal;
import dev.airlock.classify.shell.syntax.Param;
import dev.airlock.classify.shell.syntax.ProcessSub;
import dev.airlock.classify.shell.syntax.SingleQuoted;
import dev.airlock.classify.shell.syntax.Tilde;
import dev.airlock.classify.shell.syntax.Word;
import dev.airlock.classify.shell.syntax.WordPart;
import java.util.List;

/**
 * Turns a word of the syntax tree into an {@link Arg}: quotes removed, {@code ~}, {@code $HOME} and
 * {@code ${HOME}} at the start written as {@code ~}, variables the line assigns literally replaced
 * by their values, and everything else kept as written and flagged dynamic. Code inside the word
 * (command and process substitutions, expansions in parameter operands) is handed to the walk,
 * because it runs when the word is expanded.
 */
final class WordResolver {

  /** Receives code found inside words. */
  interface CodeSink {
    void commandSub(CommandSub sub);

    void processSub(ProcessSub sub);

    void nestedWord(Word word);
  }

  private final Bindings bindings;
  private final CodeSink sink;

  WordResolver(Bindings bindings, CodeSink sink) {
    this.bindings = bindings;
    this.sink = sink;
  }

  Arg resolve(Word word) {
    StringBuilder sb = new StringBuilder(16);
    int flags = append(word.parts(), sb, 0, false);
    return new Arg(sb.toString(), flags, word.span().start(), word.span().end());
  }

  private int append(List<WordPart> parts, StringBuilder sb, int flags, boolean inQuotes) {
    // Type tests rather than a pattern switch, which would spin up a class at every hook start.
    for (WordPart part : parts) {
      if (part instanceof Literal l) {
        sb.append(l.text());
        if (!inQuotes && l.glob()) {
          flags |= Arg.GLOB;
        }
        if (!inQuotes && l.brace()) {
          flags |= Arg.BRACE;
        }
        if (inQuotes) {
          flags |= Arg.QUOTED;
        }
      } else if (part instanceof SingleQuoted q) {
        sb.append(q.text());
        flags |= Arg.QUOTED;
      } else if (part instanceof AnsiCQuoted q) {
        sb.append(q.text());
        flags |= Arg.QUOTED;
      } else if (part instanceof DoubleQuoted q) {
        flags = append(q.parts(), sb, flags | Arg.QUOTED, true);
      } else if (part instanceof Tilde t) {
        if (sb.isEmpty()) {
          flags |= Arg.HOME;
        }
        sb.append('~').append(t.user());
      } else if (part instanceof Param p) {
        flags = param(p, sb, flags, inQuotes);
      } else if (part instanceof CommandSub c) {
        sink.commandSub(c);
        sb.append(c.backtick() ? "`...`" : "$(...)");
        flags |= Arg.DYNAMIC | Arg.SUBST;
      } else if (part instanceof ProcessSub p) {
        sink.processSub(p);
        sb.append(p.direction()).append("(...)");
        flags |= Arg.DYNAMIC | Arg.SUBST;
      } else if (part instanceof ArithSub a) {
        for (WordPart n : a.nested()) {
          if (n instanceof CommandSub c) {
            sink.commandSub(c);
          }
        }
        sb.append("$((").append(a.expression()).append("))");
        flags |= Arg.DYNAMIC;
      } else {
        throw new IllegalStateException("unknown word part " + part.getClass().getSimpleName());
      }
    }
    return flags;
  }

  private int param(Param p, StringBuilder sb, int flags, boolean inQuotes) {
    for (Word w : p.nested()) {
      sink.nestedWord(w);
    }
    String name = p.name();
    if (p.operator().isEmpty()) {
      if (name.equals("HOME") && sb.isEmpty()) {
        sb.append('~');
        return flags | Arg.HOME;
      }
      String v = bindings.value(name);
      if (v != null) {
        sb.append(v);
        // Unquoted, a value with blanks is split into several words ("rm -rf" runs rm with -rf);
        // the word as one string would misname the program, so it counts as not known.
        return !inQuotes && hasBlank(v) ? flags | Arg.DYNAMIC : flags;
      }
    }
    sb.append(p.raw());
    return flags | Arg.DYNAMIC;
  }

  private static boolean hasBlank(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
