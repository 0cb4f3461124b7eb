package dev.airlock.classify.sql;

import dev.airlock.classify.LimitExceededException;
import dev.airlock.classify.Limits;

/**
 * A conservative, linear SQL lexer: it knows string literals, quoted identifiers, comments, dollar
 * quoting and client commands well enough to tell code from data, and cuts the text into statements
 * at top-level delimiters. It never fails: text it cannot read is marked on the statement
 * (unterminated literal, control characters) and the classifier decides.
 *
 * <p>Implementation notes. Dialects disagree on a few characters, and an attacker can hide a
 * statement in the disagreement: {@code 'a\'; DROP TABLE t; --'} is one string to MySQL but a
 * string, a DROP and a comment to PostgreSQL. The lexer therefore has three {@link Mode}s. The
 * PostgreSQL reading is done first and records whether the text holds any construct the others read
 * differently (a backslash inside a literal, {@code #}, {@code --x}, a nested or executable
 * comment, dollar quoting, brackets, Oracle q-quotes); only then does the classifier also read the
 * text in the other modes. Paren depth is bounded by {@link Limits#maxParseDepth()}, the number of
 * statements by {@link Limits#maxStatements()} and of tokens by {@link Limits#maxWords()}; the
 * lexer stops at a bound and records it, keeping the statements completed before it.
 */
final class SqlLexer {

  /** How quotes, comments and identifiers are read. */
  enum Mode {
    /** PostgreSQL and ANSI: '' strings, E'' escapes, "identifiers", $$ quoting, nested comments. */
    POSTGRES,
    /** MySQL and MariaDB: backslash escapes, "strings", `identifiers`, # comments, /*! code. */
    MYSQL,
    /** SQL Server, SQLite and Oracle: [identifiers], nested comments, q'[...]' quoting. */
    BRACKET
  }

  static final int HINT_POSTGRES = 1;
  static final int HINT_MYSQL = 2;
  static final int HINT_SQLSERVER = 4;
  static final int HINT_ORACLE = 8;

  private final String s;
  private final int n;
  private final Mode mode;
  private final Limits limits;
  private final Lexed out;

  private int pos;
  private int depth;
  private int stmtFirst;
  private int stmtSpanStart = -1;
  private int stmtSpanEnd;
  private byte stmtFlags;
  private boolean space;
  private boolean tokenOnLine;
  private String delimiter = ";";
  private boolean inExecutableComment;

  private SqlLexer(String text, Mode mode, Limits limits) {
    this.s = text;
    this.n = text.length();
    this.mode = mode;
    this.limits = limits;
    this.out = new Lexed(text, mode);
  }

  /** Lexes the whole text in one mode. */
  static Lexed lex(String text, Mode mode, Limits limits) {
    SqlLexer lexer = new SqlLexer(text, mode, limits);
    lexer.run();
    return lexer.out;
  }

  private void run() {
    while (pos < n && out.limit == null) {
      if (atDelimiter()) {
        endStatement();
        pos += delimiter.length();
        space = true;
        continue;
      }
      char c = s.charAt(pos);
      if (c == '\n') {
        tokenOnLine = false;
        space = true;
        pos++;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B) {
        space = true;
        pos++;
      } else if (c == '-' && at(pos + 1) == '-' && dashComment()) {
        pos = lineEnd(pos);
        space = true;
      } else if (c == '#' && mode == Mode.MYSQL) {
        out.hints |= HINT_MYSQL;
        pos = lineEnd(pos);
        space = true;
      } else if (c == '/' && at(pos + 1) == '*') {
        blockComment();
      } else if (c == '*' && at(pos + 1) == '/' && inExecutableComment) {
        inExecutableComment = false;
        pos += 2;
        space = true;
      } else if (c == '\'') {
        quoted(Lexed.STRING, pos, pos, '\'', mode == Mode.MYSQL);
      } else if (c == '"') {
        quoted(mode == Mode.MYSQL ? Lexed.STRING : Lexed.QIDENT, pos, pos, '"', mode == Mode.MYSQL);
      } else if (c == '`') {
        out.hints |= HINT_MYSQL;
        quoted(Lexed.QIDENT, pos, pos, '`', false);
      } else if (c == '[') {
        bracket();
      } else if (c == '$' && mode != Mode.MYSQL) {
        dollar();
      } else if ((c == 'e' || c == 'E') && at(pos + 1) == '\'' && mode == Mode.POSTGRES) {
        out.hints |= HINT_POSTGRES;
        quoted(Lexed.STRING, pos, pos + 1, '\'', true);
      } else if (isQQuoteStart(c)) {
        qQuote();
      } else if (c == '\\') {
        meta();
      } else if (c == '(') {
        token(Lexed.LPAREN, pos, pos + 1, Kw.NONE, (byte) 0);
        pos++;
        if (++depth > limits.maxParseDepth()) {
          out.limit = new LimitExceededException("maxParseDepth", depth, limits.maxParseDepth());
        }
      } else if (c == ')') {
        if (depth > 0) {
          depth--;
        }
        token(Lexed.RPAREN, pos, pos + 1, Kw.NONE, (byte) 0);
        pos++;
      } else if (c == ',') {
        token(Lexed.COMMA, pos, pos + 1, Kw.NONE, (byte) 0);
        pos++;
      } else if (c == '.' && !isDigit(at(pos + 1))) {
        token(Lexed.DOT, pos, pos + 1, Kw.NONE, (byte) 0);
        pos++;
      } else if (isDigit(c) || c == '.') {
        number();
      } else if (isIdentStart(c)) {
        word();
      } else if (c == '?'
          || (c == ':' && at(pos - 1) != ':' && isIdentStart(at(pos + 1)))
          || (c == '@' && (at(pos + 1) == '@' || isIdentStart(at(pos + 1))))) {
        param();
      } else if (c < 0x20 || c == 0x7F || c == 0xFFFD || c == 0xFFFE || c == 0xFFFF) {
        garbage();
      } else if (Character.isSpaceChar(c)) {
        space = true;
        pos++;
      } else {
        operator(c);
      }
    }
    if (out.limit == null) {
      endStatement();
    }
  }

  private boolean atDelimiter() {
    if (delimiter.length() == 1) {
      return s.charAt(pos) == delimiter.charAt(0);
    }
    return s.startsWith(delimiter, pos);
  }

  private char at(int p) {
    return p >= 0 && p < n ? s.charAt(p) : '\0';
  }

  private int lineEnd(int p) {
    int e = s.indexOf('\n', p);
    return e < 0 ? n : e;
  }

  /** Whether "--" at pos starts a comment in this mode; marks the dialect split. */
  private boolean dashComment() {
    char next = at(pos + 2);
    boolean spaced = pos + 2 >= n || next <= ' ';
    if (!spaced && mode == Mode.POSTGRES) {
      out.divergent = true;
    }
    return spaced || mode != Mode.MYSQL;
  }

  private void blockComment() {
    if (mode == Mode.MYSQL && (at(pos + 2) == '!' || (at(pos + 2) == 'M' && at(pos + 3) == '!'))) {
      out.hints |= HINT_MYSQL;
      pos += at(pos + 2) == '!' ? 3 : 4;
      while (pos < n && isDigit(s.charAt(pos))) {
        pos++;
      }
      inExecutableComment = true;
      space = true;
      return;
    }
    if (mode == Mode.POSTGRES && at(pos + 2) == '!') {
      out.divergent = true;
    }
    boolean nests = mode != Mode.MYSQL;
    int level = 1;
    int p = pos + 2;
    while (p < n) {
      char c = s.charAt(p);
      if (c == '*' && at(p + 1) == '/') {
        p += 2;
        if (--level == 0) {
          break;
        }
      } else if (c == '/' && at(p + 1) == '*') {
        if (mode == Mode.POSTGRES) {
          out.divergent = true;
        }
        if (nests) {
          level++;
        }
        p += 2;
      } else {
        p++;
      }
    }
    if (level > 0) {
      markUnterminated(pos);
    }
    pos = Math.min(p, n);
    space = true;
  }

  private void markUnterminated(int from) {
    stmtFlags |= Lexed.UNTERMINATED;
    if (stmtSpanStart < 0) {
      stmtSpanStart = from;
    }
    stmtSpanEnd = n;
  }

  /**
   * A quoted literal or identifier starting at {@code tokenStart} whose opening quote is at {@code
   * quoteAt}; doubling the quote escapes it, and so does a backslash when {@code backslash}.
   */
  private void quoted(byte type, int tokenStart, int quoteAt, char quote, boolean backslash) {
    int p = quoteAt + 1;
    boolean closed = false;
    while (p < n) {
      char c = s.charAt(p);
      if (c == '\\') {
        if (mode == Mode.POSTGRES) {
          out.divergent = true;
        }
        if (backslash) {
          p += 2;
          continue;
        }
      }
      if (c == quote) {
        if (at(p + 1) == quote) {
          p += 2;
          continue;
        }
        p++;
        closed = true;
        break;
      }
      p++;
    }
    p = Math.min(p, n);
    byte f = backslash ? Lexed.BACKSLASH_ESCAPES : 0;
    if (!closed) {
      f |= Lexed.UNCLOSED;
      markUnterminated(tokenStart);
    }
    token(type, tokenStart, p, Kw.NONE, f);
    pos = p;
  }

  private void bracket() {
    if (mode != Mode.BRACKET) {
      if (mode == Mode.POSTGRES) {
        int close = simpleBracketEnd();
        if (close < 0 || !inertName(close)) {
          out.divergent = true;
        }
        if (close > 0) {
          // [dbo].[Orders]: a plain name in brackets reads the same in every dialect.
          out.hints |= HINT_SQLSERVER;
          token(Lexed.QIDENT, pos, close + 1, Kw.NONE, (byte) 0);
          pos = close + 1;
          return;
        }
      }
      operator('[');
      return;
    }
    out.hints |= HINT_SQLSERVER;
    quoted(Lexed.QIDENT, pos, pos, ']', false);
  }

  /**
   * Whether the plain bracketed name at pos, closed at {@code close}, stands where a name goes
   * (after FROM, TABLE, INTO, UPDATE, JOIN, SET and the like, or next to a dot) and holds no write
   * keyword. Such a bracket holds no quote, comment or delimiter, so every dialect cuts the text
   * into the same statements, and it cannot hide a statement: the other readings can add nothing.
   */
  private boolean inertName(int close) {
    boolean namePlace = at(close + 1) == '.';
    int last = out.count - 1;
    if (!namePlace && last >= stmtFirst && last >= 0) {
      int k = out.kw[last];
      namePlace =
          out.type[last] == Lexed.DOT
              || k == Kw.FROM
              || k == Kw.TABLE
              || k == Kw.INTO
              || k == Kw.UPDATE
              || k == Kw.JOIN
              || k == Kw.SET
              || k == Kw.EXISTS
              || k == Kw.DATABASE
              || k == Kw.SCHEMA
              || k == Kw.VIEW
              || k == Kw.INDEX;
    }
    if (!namePlace) {
      return false;
    }
    int p = pos + 1;
    while (p < close) {
      char c = s.charAt(p);
      if (c == ' ') {
        p++;
        continue;
      }
      int e = p + 1;
      while (e < close && s.charAt(e) != ' ') {
        e++;
      }
      if (Kw.WRITE[Kw.lookup(s, p, e)]) {
        return false;
      }
      p = e;
    }
    return true;
  }

  /** The index of the ']' closing a bracket at pos that holds only a plain name, or -1. */
  private int simpleBracketEnd() {
    int p = pos + 1;
    if (p >= n || !isIdentStart(s.charAt(p))) {
      return -1;
    }
    while (p < n && p < pos + 130) {
      char c = s.charAt(p);
      if (c == ']') {
        return p;
      }
      if (!isIdentPart(c) && c != ' ') {
        return -1;
      }
      p++;
    }
    return -1;
  }

  private void dollar() {
    char next = at(pos + 1);
    if (isDigit(next)) {
      param();
      return;
    }
    int p = pos + 1;
    if (next != '$') {
      if (!(isAsciiLetter(next) || next == '_')) {
        operator('$');
        return;
      }
      while (p < n && (isAsciiLetter(s.charAt(p)) || isDigit(s.charAt(p)) || s.charAt(p) == '_')) {
        p++;
      }
      if (p >= n || s.charAt(p) != '$') {
        operator('$');
        return;
      }
    }
    if (mode == Mode.BRACKET) {
      operator('$');
      return;
    }
    out.hints |= HINT_POSTGRES;
    String tag = s.substring(pos, p + 1);
    int close = s.indexOf(tag, p + 1);
    byte f = 0;
    int end;
    if (close < 0) {
      f = Lexed.UNCLOSED;
      markUnterminated(pos);
      end = n;
    } else {
      end = close + tag.length();
    }
    int bodyEnd = close < 0 ? n : close;
    for (int i = p + 1; i < bodyEnd; i++) {
      char c = s.charAt(i);
      if (c == ';' || c == '\\') {
        out.divergent = true;
        break;
      }
    }
    token(Lexed.DOLLAR, pos, end, Kw.NONE, f);
    pos = end;
  }

  private boolean isQQuoteStart(char c) {
    if (c != 'q' && c != 'Q' && c != 'n' && c != 'N') {
      return false;
    }
    int quote = pos + 1;
    if (c == 'n' || c == 'N') {
      char q = at(pos + 1);
      if (q != 'q' && q != 'Q') {
        return false;
      }
      quote++;
    }
    if (at(quote) != '\'' || quote + 1 >= n || isIdentPart(at(pos - 1))) {
      return false;
    }
    if (mode == Mode.POSTGRES) {
      out.divergent = true;
      return false;
    }
    return mode == Mode.BRACKET;
  }

  private void qQuote() {
    out.hints |= HINT_ORACLE;
    int quote = s.indexOf('\'', pos);
    char open = s.charAt(quote + 1);
    char close =
        switch (open) {
          case '[' -> ']';
          case '{' -> '}';
          case '(' -> ')';
          case '<' -> '>';
          default -> open;
        };
    int p = quote + 2;
    int end = -1;
    while (p + 1 < n) {
      if (s.charAt(p) == close && s.charAt(p + 1) == '\'') {
        end = p + 2;
        break;
      }
      p++;
    }
    byte f = Lexed.Q_QUOTE;
    if (end < 0) {
      f |= Lexed.UNCLOSED;
      markUnterminated(pos);
      end = n;
    }
    token(Lexed.STRING, pos, end, Kw.NONE, f);
    pos = end;
  }

  /** A psql or mysql client command: a backslash command running to the end of its line. */
  private void meta() {
    endStatement();
    int e = lineEnd(pos);
    if (e > pos && s.charAt(e - 1) == '\r') {
      e--;
    }
    out.hints |= HINT_POSTGRES;
    token(Lexed.META, pos, Math.max(e, pos + 1), Kw.NONE, (byte) 0);
    pos = Math.max(e, pos + 1);
    endStatement();
  }

  private void number() {
    int p = pos;
    if (s.charAt(p) == '0' && (at(p + 1) == 'x' || at(p + 1) == 'X') && isHex(at(p + 2))) {
      p += 2;
      while (p < n && isHex(s.charAt(p))) {
        p++;
      }
    } else {
      while (p < n && isDigit(s.charAt(p))) {
        p++;
      }
      if (at(p) == '.' && at(p + 1) != '.') {
        p++;
        while (p < n && isDigit(s.charAt(p))) {
          p++;
        }
      }
      if ((at(p) == 'e' || at(p) == 'E')
          && (isDigit(at(p + 1))
              || ((at(p + 1) == '+' || at(p + 1) == '-') && isDigit(at(p + 2))))) {
        p += 2;
        while (p < n && isDigit(s.charAt(p))) {
          p++;
        }
      }
    }
    if (p < n && isIdentPart(s.charAt(p)) && s.charAt(p) != '$') {
      // 1abc: MySQL reads an identifier that starts with digits.
      while (p < n && isIdentPart(s.charAt(p))) {
        p++;
      }
      token(Lexed.WORD, pos, p, Kw.NONE, (byte) 0);
    } else {
      token(Lexed.NUMBER, pos, p, Kw.NONE, (byte) 0);
    }
    pos = p;
  }

  private void word() {
    int p = pos + 1;
    while (p < n && isIdentPart(s.charAt(p))) {
      p++;
    }
    int k = Kw.lookup(s, pos, p);
    boolean statementEmpty = out.count == stmtFirst;
    if (k == Kw.GO && !tokenOnLine && restOfLineBlank(p)) {
      out.hints |= HINT_SQLSERVER;
      endStatement();
      pos = lineEnd(p);
      return;
    }
    if (k == Kw.DELIMITER && !tokenOnLine && statementEmpty && at(p) == ' ') {
      out.hints |= HINT_MYSQL;
      int e = lineEnd(p);
      String d = s.substring(p, e).strip();
      int cut = d.indexOf(' ');
      if (cut > 0) {
        d = d.substring(0, cut);
      }
      if (!d.isEmpty()) {
        delimiter = d;
      }
      pos = e;
      return;
    }
    token(Lexed.WORD, pos, p, k, (byte) 0);
    pos = p;
  }

  private boolean restOfLineBlank(int p) {
    int e = lineEnd(p);
    for (int i = p; i < e; i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\r' && !isDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private void param() {
    int p = pos + 1;
    if (s.charAt(pos) == '@' && at(p) == '@') {
      p++;
    }
    while (p < n && isIdentPart(s.charAt(p))) {
      p++;
    }
    token(Lexed.PARAM, pos, p, Kw.NONE, (byte) 0);
    pos = p;
  }

  private void garbage() {
    stmtFlags |= Lexed.GARBAGE;
    if (stmtSpanStart < 0) {
      stmtSpanStart = pos;
    }
    stmtSpanEnd = Math.max(stmtSpanEnd, pos + 1);
    pos++;
    space = true;
  }

  private void operator(char c) {
    int e = pos + 1;
    char d = at(pos + 1);
    if ((c == '<' && (d == '>' || d == '=' || d == '<'))
        || (c == '>' && (d == '=' || d == '>'))
        || (c == '!' && d == '=')
        || (c == ':' && (d == ':' || d == '='))
        || (c == '|' && d == '|')
        || (c == '=' && d == '>')
        || (c == '-' && d == '>')) {
      e++;
    }
    if (c == ':' && d == ':') {
      out.hints |= HINT_POSTGRES;
    }
    token(Lexed.OP, pos, e, Kw.NONE, (byte) 0);
    pos = e;
  }

  private void token(byte type, int start, int end, int kw, byte flags) {
    if (out.count >= limits.maxWords()) {
      out.limit = new LimitExceededException("maxWords", out.count + 1L, limits.maxWords());
      return;
    }
    out.add(type, start, end, depth, kw, space ? (byte) (flags | Lexed.SPACE_BEFORE) : flags);
    space = false;
    tokenOnLine = true;
    if (stmtSpanStart < 0) {
      stmtSpanStart = start;
    }
    stmtSpanEnd = Math.max(stmtSpanEnd, end);
  }

  private void endStatement() {
    if (out.count > stmtFirst || stmtFlags != 0) {
      out.addStatement(stmtFirst, out.count, stmtSpanStart, stmtSpanEnd, stmtFlags);
      if (out.statements > limits.maxStatements()) {
        out.statements = limits.maxStatements();
        out.limit =
            new LimitExceededException(
                "maxStatements", limits.maxStatements() + 1L, limits.maxStatements());
      }
    }
    stmtFirst = out.count;
    stmtSpanStart = -1;
    stmtSpanEnd = 0;
    stmtFlags = 0;
    depth = 0;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHex(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private boolean isIdentStart(char c) {
    return isAsciiLetter(c)
        || c == '_'
        || (c == '$' && mode == Mode.MYSQL)
        || (c > 127 && Character.isLetter(c));
  }

  private static boolean isIdentPart(char c) {
    return isAsciiLetter(c)
        || isDigit(c)
        || c == '_'
        || c == '$'
        || (c > 127 && Character.isLetterOrDigit(c));
  }
}
