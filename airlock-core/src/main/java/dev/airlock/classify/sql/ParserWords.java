package dev.airlock.classify.sql;

import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;

/**
 * The words JSqlParser's tokenizer reads as something other than a plain identifier: every keyword
 * of its grammar, and the words its pattern tokens match (data types, date and time literals,
 * {@code CURRENT_DATE}, {@code SUBSTRING}, ...). A token path that must be sure the parser would
 * read a word as a column or table name asks {@link #isPlainWord}; {@code SqlTokenPathsTest} runs
 * the tokenizer over a broad list of words to check the table.
 */
final class ParserWords {

  private ParserWords() {}

  /**
   * Words matched by JSqlParser's pattern tokens ({@code <DATA_TYPE>}, {@code <K_DATE_LITERAL>}).
   */
  private static final String[] PATTERN_WORDS = {
    "BIGINT",
    "BLOB",
    "BOOL",
    "BPCHAR",
    "BYTEA",
    "DECIMAL",
    "DOUBLE",
    "ENUM",
    "FLOAT",
    "FLOAT4",
    "FLOAT64",
    "FLOAT8",
    "HUGEINT",
    "INT",
    "INT1",
    "INT2",
    "INT4",
    "INT8",
    "INTEGER",
    "LONG",
    "MAP",
    "NCHAR",
    "NUMBER",
    "NUMERIC",
    "NVARCHAR",
    "PRECISION",
    "REAL",
    "SHORT",
    "SMALLINT",
    "TIMESTAMP_MS",
    "TIMESTAMP_NS",
    "TIMESTAMP_S",
    "TIMETZ",
    "TINYINT",
    "UBIGINT",
    "UHUGEINT",
    "UINTEGER",
    "USMALLINT",
    "UTINYINT",
    "UUID",
    "VARBINARY",
    "VARCHAR",
    "VARYING",
    "ARRAY",
    "DATE",
    "DATETIME",
    "TIME",
    "TIMESTAMP",
    "TIMESTAMPTZ",
    "DAY",
    "HOUR",
    "MINUTE",
    "MONTH",
    "SECOND",
    "YEAR",
    "CS",
    "RS",
    "UR",
    "STRAIGHT_JOIN",
    "POSITION",
    "SUBSTRING",
    "OVERLAY",
    "SUBSTR",
    "TEXT",
    "LONGTEXT",
    "MEDIUMTEXT",
    "TINYTEXT",
    "CURRENT_DATE",
    "CURRENT_TIMESTAMP",
    "CURRENT_TIME",
    "CURRENT_TIMEZONE",
    "BIT",
    "CLOB",
    "BOOLEAN",
    "SIMILAR",
    "CASEWHEN",
    "CASE",
    "WHEN"
  };

  private static final WordTable WORDS = build();

  /**
   * Keywords JSqlParser also reads as names (its non-reserved words) that are common column names
   * and start no construct of their own.
   */
  private static final WordTable NAME_KEYWORDS =
      new WordTable(
          "ACTION",
          "ACTIVE",
          "COMMENT",
          "COMMENTS",
          "DATA",
          "EVENT",
          "FIRST",
          "LAST",
          "KEY",
          "LEVEL",
          "LOG",
          "MODE",
          "NAME",
          "PATH",
          "PLAN",
          "PASSWORD",
          "SIZE",
          "TYPE",
          "VERSION",
          "FORMAT",
          "HISTORY",
          "SESSION",
          "STEP",
          "TIMEOUT");

  private static WordTable build() {
    List<String> words = new ArrayList<>(List.of(PATTERN_WORDS));
    for (String image : CCJSqlParserConstants.tokenImage) {
      String w = null;
      if (image.startsWith("<K_") && image.endsWith(">")) {
        w = image.substring(3, image.length() - 1);
      } else if (image.startsWith("<TYPE_") && image.endsWith(">")) {
        w = image.substring(6, image.length() - 1);
      } else if (image.length() > 2 && image.startsWith("\"") && image.endsWith("\"")) {
        w = image.substring(1, image.length() - 1);
      }
      if (w != null
          && !w.isEmpty()
          && w.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c))) {
        words.add(w);
      }
    }
    return new WordTable(words.toArray(new String[0]));
  }

  /** Whether the text is a keyword or pattern word of JSqlParser. */
  static boolean isParserWord(CharSequence text, int start, int end) {
    return WORDS.lookup(text, start, end) != 0;
  }

  /**
   * Whether token i is an unquoted word JSqlParser reads as a name and Airlock's lexer gives no
   * writing meaning: ASCII letters, digits and underscores, not starting with a digit, and no
   * keyword of JSqlParser other than the few common column names it also reads as names.
   */
  static boolean isPlainWord(Stmt st, int i) {
    if (st.type(i) != Lexed.WORD || Kw.WRITE[st.kw(i)]) {
      return false;
    }
    Lexed lx = st.lx;
    int s = lx.start[i];
    int e = lx.end[i];
    char first = lx.text.charAt(s);
    if (first >= '0' && first <= '9') {
      return false;
    }
    for (int p = s; p < e; p++) {
      char c = lx.text.charAt(p);
      if (!((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '_')) {
        return false;
      }
    }
    return !isParserWord(lx.text, s, e) || NAME_KEYWORDS.lookup(lx.text, s, e) != 0;
  }

  /** Whether token i is a word that is no keyword of JSqlParser (a function name, say). */
  static boolean isIdentifier(Stmt st, int i) {
    Lexed lx = st.lx;
    return isPlainWord(st, i) && !isParserWord(lx.text, lx.start[i], lx.end[i]);
  }
}
