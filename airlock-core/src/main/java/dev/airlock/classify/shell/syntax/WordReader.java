package dev.airlock.classify.shell.syntax;

import org.jspecify.annotations.Nullable;

/**
 * The word level of the shell parser: words and their literal parts (escapes, joined lines, glob,
 * brace and extended-glob text, tildes), quotes, and array values written inside a word. The
 * expansions a word may hold are read one level up, by {@link ExpansionReader}.
 *
 * <p>Implementation notes. A literal run is gathered in fields rather than in an object per word:
 * every path that recurses (into a quote, an expansion, a nested word) first flushes the run, so at
 * most one run is open at a time. A run without escapes or joined lines becomes a substring of the
 * source; only a run that needs rewriting is copied into {@link #litSb}.
 */
abstract class WordReader extends Scanner {

  /** An unquoted word between blanks and operators. */
  static final int W_NORMAL = 0;

  /** The value of an assignment: a tilde may also follow {@code :}. */
  static final int W_ASSIGN = 1;

  /** The operand of {@code ${name op operand}}: blanks are literal and {@code }} ends it. */
  static final int W_OPERAND = 2;

  /** The right side of {@code =~} in {@code [[ ]]}: parentheses and {@code |} are literal. */
  static final int W_REGEX = 3;

  /** An array subscript inside {@code ${name[...]}}: {@code ]} ends it. */
  static final int W_SUBSCRIPT = 4;

  private int litStart = -1;

  private boolean litDirty;

  private boolean litGlob;

  private boolean litBrace;

  private final StringBuilder litSb = new StringBuilder();

  private int bracketFrom = -1;

  private int bracketStop = -1;

  WordReader(String top, String src, @Nullable Span fixed, Budget budget, int depth) {
    super(top, src, fixed, budget, depth);
  }

  /** Reads the expansion at {@link #pos}, a {@code $} for which {@link #expands} holds. */
  abstract WordPart dollar();

  /** Reads the backquoted command substitution at {@link #pos}. */
  abstract CommandSub backtick(boolean inDq);

  /** Reads the process substitution {@code <(...)} or {@code >(...)} at {@link #pos}. */
  abstract ProcessSub processSub(int c);

  // ---- literal runs

  /** Adds the character at {@link #pos} to the literal run. */
  final void lit() {
    if (litStart < 0) {
      litStart = pos;
    } else if (litDirty) {
      litSb.append(src.charAt(pos));
    }
    pos++;
  }

  /** A backslash at {@link #pos} quoting {@code c}: the run keeps {@code c} only. */
  final void esc(char c) {
    if (litStart < 0) {
      litStart = pos;
    }
    if (!litDirty) {
      dirty();
    }
    litSb.append(c);
    pos += 2;
  }

  private void dirty() {
    litSb.setLength(0);
    litSb.append(src, litStart, pos);
    litDirty = true;
  }

  /** Moves to {@code p}, leaving out the characters skipped (joined lines, stripped tabs). */
  final void skipTo(int p) {
    if (litStart >= 0 && !litDirty) {
      dirty();
    }
    pos = p;
  }

  /** Ends the literal run, if one is open, as a {@link Literal} part. */
  final void flush(PartList parts) {
    if (litStart < 0) {
      return;
    }
    String text = litDirty ? litSb.toString() : src.substring(litStart, pos);
    if (litBrace) {
      parts.braceNext();
    }
    parts.add(new Literal(text, litGlob, false, span(litStart, pos)));
    budget.token();
    litStart = -1;
    litDirty = false;
    litGlob = false;
    litBrace = false;
  }

  // ---- words

  /** Reads a word at {@link #pos} in the given mode; the word may be empty. */
  final Word readWord(int mode) {
    int start = pos;
    PartList parts = new PartList();
    int braceDepth = 0;
    boolean braceSep = false;
    boolean braceFound = false;
    int nest = 0;
    int ext = 0;
    boolean eqSeen = false;
    boolean tildeOk = mode != W_SUBSCRIPT && mode != W_REGEX;
    loop:
    for (; ; ) {
      int p = cont(pos);
      if (p != pos) {
        skipTo(p);
      }
      int c = at(pos);
      if (c == EOF) {
        break;
      }
      if (c == '~' && tildeOk && tilde(parts, mode)) {
        tildeOk = false;
        continue;
      }
      tildeOk = false;
      switch (c) {
        case ' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>' -> {
          if (ext > 0) {
            ext += c == '(' ? 1 : c == ')' ? -1 : 0;
            lit();
          } else if ((c == '<' || c == '>') && at(nx(pos)) == '(') {
            flush(parts);
            parts.add(processSub(c));
          } else if (mode == W_OPERAND || mode == W_SUBSCRIPT) {
            lit();
          } else if (mode == W_REGEX) {
            if (c == '(') {
              nest++;
            } else if (c == ')' && nest > 0) {
              nest--;
            } else if (c == '|' || nest > 0 && c != '\n') {
              // literal inside the regular expression
            } else {
              break loop;
            }
            lit();
          } else if (c == '(' && assignmentPrefix(parts)) {
            arrayValue(parts);
          } else {
            break loop;
          }
        }
        case '\\' -> {
          if (pos + 1 < end) {
            esc(src.charAt(pos + 1));
          } else {
            lit();
          }
        }
        case '\'' -> {
          flush(parts);
          parts.add(singleQuoted());
        }
        case '"' -> {
          flush(parts);
          parts.add(doubleQuoted(pos, pos + 1));
        }
        case '`' -> {
          flush(parts);
          parts.add(backtick(false));
        }
        case '$' -> {
          if (expands(at(nx(pos)), false)) {
            flush(parts);
            parts.add(dollar());
          } else {
            lit();
          }
        }
        case '*', '?', '+', '@', '!' -> {
          if (at(pos + 1) == '(' && ext == 0 && mode != W_REGEX && parenClose(pos + 1) > 0) {
            litGlob = true;
            lit();
            lit();
            ext = 1;
          } else {
            if (c == '*' || c == '?') {
              litGlob = true;
            }
            lit();
          }
        }
        case '[' -> {
          if (mode == W_SUBSCRIPT) {
            nest++;
          } else if (bracketCloses()) {
            litGlob = true;
          }
          lit();
        }
        case ']' -> {
          if (mode == W_SUBSCRIPT) {
            if (nest == 0) {
              break loop;
            }
            nest--;
          }
          lit();
        }
        case '{' -> {
          if (mode == W_OPERAND) {
            nest++;
          } else if (mode != W_REGEX && mode != W_SUBSCRIPT) {
            braceDepth++;
            litBrace = true;
          }
          lit();
        }
        case '}' -> {
          if (mode == W_OPERAND) {
            if (nest == 0) {
              break loop;
            }
            nest--;
          } else if (braceDepth > 0) {
            braceFound |= braceSep;
            braceDepth--;
            litBrace = true;
          }
          lit();
        }
        case ',' -> {
          braceSep |= braceDepth > 0;
          lit();
        }
        case '.' -> {
          braceSep |= braceDepth > 0 && at(pos + 1) == '.';
          lit();
        }
        case ':' -> {
          tildeOk = mode == W_ASSIGN;
          lit();
        }
        case '=' -> {
          lit();
          if (mode == W_NORMAL && !eqSeen && assignmentPrefix(parts)) {
            mode = W_ASSIGN;
            tildeOk = true;
          }
          eqSeen = true;
        }
        default -> lit();
      }
    }
    if (ext > 0) {
      error(pos, "unterminated extended glob pattern");
    }
    flush(parts);
    if (braceFound) {
      parts.markBraces();
    }
    return new Word(parts.toList(), span(start, pos));
  }

  /**
   * Whether the {@code [} at {@link #pos} can open a bracket expression: a {@code ]} follows before
   * the word ends. The last scan is remembered, so a run of {@code [} costs one scan.
   */
  private boolean bracketCloses() {
    if (pos <= bracketFrom || pos >= bracketStop) {
      int i = pos + 1;
      while (i < end && src.charAt(i) != ']' && !isMeta(src.charAt(i))) {
        i++;
      }
      bracketFrom = pos;
      bracketStop = i;
    }
    return bracketStop < end && src.charAt(bracketStop) == ']';
  }

  /** Whether {@code $} followed by {@code c} starts an expansion. */
  static boolean expands(int c, boolean quoted) {
    return c == '{'
        || c == '('
        || c == '['
        || isNameStart(c)
        || isDigit(c)
        || isSpecial(c)
        || !quoted && (c == '\'' || c == '"');
  }

  /**
   * Whether the word so far is a plain {@code name=} or {@code name+=}. Then a {@code (} at {@link
   * #pos} opens an array value (as in {@code declare -a x=(1 2)}), and a tilde may follow the
   * {@code =} or a {@code :}, as bash expands them in assignment-like arguments. Only the first
   * {@code =} of a word is checked, which keeps words linear.
   */
  private boolean assignmentPrefix(PartList parts) {
    if (parts.size() != 0 || litStart < 0 || litDirty || src.charAt(pos - 1) != '=') {
      return false;
    }
    int e = pos - 1;
    if (e > litStart && src.charAt(e - 1) == '+') {
      e--;
    }
    if (e <= litStart || !isNameStart(src.charAt(litStart))) {
      return false;
    }
    for (int i = litStart + 1; i < e; i++) {
      if (!isNameChar(src.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Reads {@code (a b c)} into the current word, keeping the elements' parts. */
  private void arrayValue(PartList parts) {
    int open = pos;
    enter();
    lit();
    for (; ; ) {
      int p = cont(pos);
      if (p != pos) {
        skipTo(p);
      }
      int c = at(pos);
      if (c == ' ' || c == '\t' || c == '\n') {
        lit();
      } else if (c == ')') {
        lit();
        break;
      } else if (c == EOF) {
        error(open, "unterminated array value");
        break;
      } else {
        flush(parts);
        int before = pos;
        Word element = readWord(W_NORMAL);
        for (WordPart part : element.parts()) {
          parts.add(part);
        }
        if (pos == before) {
          error(pos, "unexpected `" + one(c) + "` in an array value");
          break;
        }
      }
    }
    leave();
  }

  private boolean tilde(PartList parts, int mode) {
    int i = pos + 1;
    for (; i < end; i++) {
      char c = src.charAt(i);
      if (c == '/' || isMeta(c) || mode == W_ASSIGN && c == ':' || mode == W_OPERAND && c == '}') {
        break;
      }
      switch (c) {
        case '\'', '"', '\\', '$', '`', '*', '?', '[', '{', '}' -> {
          return false;
        }
        default -> {}
      }
    }
    flush(parts);
    parts.add(new Tilde(src.substring(pos + 1, i), span(pos, i)));
    budget.token();
    pos = i;
    return true;
  }

  // ---- quotes

  final SingleQuoted singleQuoted() {
    int s = pos;
    int q = src.indexOf('\'', s + 1);
    String text;
    if (q < 0 || q >= end) {
      error(s, "unterminated single quote");
      text = src.substring(s + 1, end);
      pos = end;
    } else {
      text = src.substring(s + 1, q);
      pos = q + 1;
    }
    budget.token();
    return new SingleQuoted(text, span(s, pos));
  }

  final AnsiCQuoted ansiC(int s, int quote) {
    int close = AnsiC.close(src, quote + 1, end);
    String text;
    if (close < 0) {
      error(s, "unterminated $'...' string");
      text = AnsiC.decode(src, quote + 1, end);
      pos = end;
    } else {
      text = AnsiC.decode(src, quote + 1, close);
      pos = close + 1;
    }
    budget.token();
    return new AnsiCQuoted(text, span(s, pos));
  }

  /** Reads {@code "..."} (or {@code $"..."}) starting at {@code s}, text at {@code from}. */
  final DoubleQuoted doubleQuoted(int s, int from) {
    pos = from;
    PartList parts = new PartList();
    boolean closed = false;
    for (; ; ) {
      int p = cont(pos);
      if (p != pos) {
        skipTo(p);
      }
      int c = at(pos);
      if (c == EOF) {
        break;
      }
      if (c == '"') {
        flush(parts);
        pos++;
        closed = true;
        break;
      }
      if (c == '\\') {
        int n = at(pos + 1);
        if (n == '\\' || n == '"' || n == '$' || n == '`') {
          esc((char) n);
        } else {
          lit();
        }
      } else if (c == '$' && expands(at(nx(pos)), true)) {
        flush(parts);
        parts.add(dollar());
      } else if (c == '`') {
        flush(parts);
        parts.add(backtick(true));
      } else {
        lit();
      }
    }
    if (!closed) {
      flush(parts);
      error(s, "unterminated double quote");
    }
    budget.token();
    return new DoubleQuoted(parts.toList(), span(s, pos));
  }
}
