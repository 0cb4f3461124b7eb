package dev.airlock.classify.sql;

/**
 * The SQL keywords the classifier looks at, as small integer ids, with an allocation-free
 * case-insensitive lookup from a span of the input. Words that are not listed get {@link #NONE}.
 *
 * <p>The ids are dense so that per-keyword facts (is it a write keyword, a read verb, ...) are
 * plain boolean arrays.
 */
final class Kw {

  private Kw() {}

  static final int NONE = 0;

  private static final String[] NAMES = {
    "",
    "SELECT",
    "WITH",
    "VALUES",
    "TABLE",
    "SHOW",
    "DESCRIBE",
    "DESC",
    "EXPLAIN",
    "BEGIN",
    "START",
    "COMMIT",
    "END",
    "ROLLBACK",
    "ABORT",
    "SAVEPOINT",
    "RELEASE",
    "SET",
    "RESET",
    "USE",
    "INSERT",
    "UPDATE",
    "DELETE",
    "MERGE",
    "UPSERT",
    "REPLACE",
    "DROP",
    "TRUNCATE",
    "ALTER",
    "CREATE",
    "GRANT",
    "REVOKE",
    "COPY",
    "CALL",
    "EXEC",
    "EXECUTE",
    "DO",
    "ATTACH",
    "DETACH",
    "PRAGMA",
    "FLUSH",
    "SHUTDOWN",
    "KILL",
    "VACUUM",
    "REINDEX",
    "CLUSTER",
    "OPTIMIZE",
    "CHECKPOINT",
    "REFRESH",
    "COMMENT",
    "SECURITY",
    "LOAD",
    "LOCK",
    "UNLOCK",
    "PREPARE",
    "DEALLOCATE",
    "RENAME",
    "IMPORT",
    "PURGE",
    "DECLARE",
    "FETCH",
    "CLOSE",
    "MOVE",
    "LISTEN",
    "UNLISTEN",
    "NOTIFY",
    "DISCARD",
    "HELP",
    "HANDLER",
    "CHECK",
    "REPAIR",
    "BACKUP",
    "RESTORE",
    "UNDROP",
    "ANALYZE",
    "ANALYSE",
    "SOURCE",
    "DBCC",
    "BULK",
    "REASSIGN",
    "INTO",
    "FROM",
    "WHERE",
    "RETURNING",
    "ORDER",
    "LIMIT",
    "FOR",
    "KEY",
    "OF",
    "ON",
    "CONFLICT",
    "DUPLICATE",
    "USING",
    "JOIN",
    "PROGRAM",
    "TO",
    "STDIN",
    "STDOUT",
    "DATABASE",
    "SCHEMA",
    "TABLESPACE",
    "VIEW",
    "INDEX",
    "FUNCTION",
    "PROCEDURE",
    "SEQUENCE",
    "TYPE",
    "TRIGGER",
    "USER",
    "ROLE",
    "GROUP",
    "LOGIN",
    "OWNED",
    "BY",
    "EXTENSION",
    "DOMAIN",
    "RULE",
    "POLICY",
    "EVENT",
    "SERVER",
    "CASCADE",
    "IF",
    "EXISTS",
    "ONLY",
    "COLUMN",
    "CONSTRAINT",
    "PARTITION",
    "PRIMARY",
    "FOREIGN",
    "NOT",
    "NULL",
    "DEFAULT",
    "IDENTITY",
    "EXPRESSION",
    "TRUE",
    "FALSE",
    "AND",
    "OR",
    "IS",
    "IN",
    "PASSWORD",
    "IDENTIFIED",
    "GLOBAL",
    "PERSIST",
    "PERSIST_ONLY",
    "SYSTEM",
    "OUTFILE",
    "DUMPFILE",
    "IMMEDIATE",
    "LANGUAGE",
    "AS",
    "THEN",
    "ELSE",
    "LOOP",
    "RETURN",
    "OWNER",
    "ATOMIC",
    "RETURNS",
    "QUERY",
    "INSTEAD",
    "ALSO",
    "NOTHING",
    "EACH",
    "ROW",
    "OVERWRITE",
    "TOP",
    "DELIMITER",
    "GO",
    "CURRENT",
    "SEARCH_PATH",
    "INCLUDING",
    "OFF",
    "EXCEPTION",
    "UNDO",
    "FLASHBACK",
    "ALL",
  };

  // Ids used by name in the classifier; a test checks each against its spelling.
  static final int SELECT = id("SELECT");
  static final int WITH = id("WITH");
  static final int VALUES = id("VALUES");
  static final int TABLE = id("TABLE");
  static final int SHOW = id("SHOW");
  static final int DESCRIBE = id("DESCRIBE");
  static final int DESC = id("DESC");
  static final int EXPLAIN = id("EXPLAIN");
  static final int BEGIN = id("BEGIN");
  static final int START = id("START");
  static final int COMMIT = id("COMMIT");
  static final int END = id("END");
  static final int ROLLBACK = id("ROLLBACK");
  static final int ABORT = id("ABORT");
  static final int SAVEPOINT = id("SAVEPOINT");
  static final int RELEASE = id("RELEASE");
  static final int SET = id("SET");
  static final int RESET = id("RESET");
  static final int USE = id("USE");
  static final int INSERT = id("INSERT");
  static final int UPDATE = id("UPDATE");
  static final int DELETE = id("DELETE");
  static final int MERGE = id("MERGE");
  static final int UPSERT = id("UPSERT");
  static final int REPLACE = id("REPLACE");
  static final int DROP = id("DROP");
  static final int TRUNCATE = id("TRUNCATE");
  static final int ALTER = id("ALTER");
  static final int CREATE = id("CREATE");
  static final int GRANT = id("GRANT");
  static final int REVOKE = id("REVOKE");
  static final int COPY = id("COPY");
  static final int CALL = id("CALL");
  static final int EXEC = id("EXEC");
  static final int EXECUTE = id("EXECUTE");
  static final int DO = id("DO");
  static final int ATTACH = id("ATTACH");
  static final int DETACH = id("DETACH");
  static final int PRAGMA = id("PRAGMA");
  static final int FLUSH = id("FLUSH");
  static final int SHUTDOWN = id("SHUTDOWN");
  static final int KILL = id("KILL");
  static final int VACUUM = id("VACUUM");
  static final int REINDEX = id("REINDEX");
  static final int CLUSTER = id("CLUSTER");
  static final int OPTIMIZE = id("OPTIMIZE");
  static final int CHECKPOINT = id("CHECKPOINT");
  static final int REFRESH = id("REFRESH");
  static final int COMMENT = id("COMMENT");
  static final int SECURITY = id("SECURITY");
  static final int LOAD = id("LOAD");
  static final int LOCK = id("LOCK");
  static final int UNLOCK = id("UNLOCK");
  static final int PREPARE = id("PREPARE");
  static final int DEALLOCATE = id("DEALLOCATE");
  static final int RENAME = id("RENAME");
  static final int IMPORT = id("IMPORT");
  static final int PURGE = id("PURGE");
  static final int DECLARE = id("DECLARE");
  static final int FETCH = id("FETCH");
  static final int CLOSE = id("CLOSE");
  static final int MOVE = id("MOVE");
  static final int LISTEN = id("LISTEN");
  static final int UNLISTEN = id("UNLISTEN");
  static final int NOTIFY = id("NOTIFY");
  static final int DISCARD = id("DISCARD");
  static final int HELP = id("HELP");
  static final int HANDLER = id("HANDLER");
  static final int CHECK = id("CHECK");
  static final int REPAIR = id("REPAIR");
  static final int BACKUP = id("BACKUP");
  static final int RESTORE = id("RESTORE");
  static final int UNDROP = id("UNDROP");
  static final int ANALYZE = id("ANALYZE");
  static final int ANALYSE = id("ANALYSE");
  static final int SOURCE = id("SOURCE");
  static final int DBCC = id("DBCC");
  static final int BULK = id("BULK");
  static final int REASSIGN = id("REASSIGN");
  static final int INTO = id("INTO");
  static final int FROM = id("FROM");
  static final int WHERE = id("WHERE");
  static final int RETURNING = id("RETURNING");
  static final int ORDER = id("ORDER");
  static final int LIMIT = id("LIMIT");
  static final int FOR = id("FOR");
  static final int KEY = id("KEY");
  static final int OF = id("OF");
  static final int ON = id("ON");
  static final int CONFLICT = id("CONFLICT");
  static final int DUPLICATE = id("DUPLICATE");
  static final int USING = id("USING");
  static final int JOIN = id("JOIN");
  static final int PROGRAM = id("PROGRAM");
  static final int TO = id("TO");
  static final int STDIN = id("STDIN");
  static final int STDOUT = id("STDOUT");
  static final int DATABASE = id("DATABASE");
  static final int SCHEMA = id("SCHEMA");
  static final int TABLESPACE = id("TABLESPACE");
  static final int VIEW = id("VIEW");
  static final int INDEX = id("INDEX");
  static final int FUNCTION = id("FUNCTION");
  static final int PROCEDURE = id("PROCEDURE");
  static final int SEQUENCE = id("SEQUENCE");
  static final int TYPE = id("TYPE");
  static final int TRIGGER = id("TRIGGER");
  static final int USER = id("USER");
  static final int ROLE = id("ROLE");
  static final int GROUP = id("GROUP");
  static final int LOGIN = id("LOGIN");
  static final int OWNED = id("OWNED");
  static final int BY = id("BY");
  static final int EXTENSION = id("EXTENSION");
  static final int DOMAIN = id("DOMAIN");
  static final int RULE = id("RULE");
  static final int POLICY = id("POLICY");
  static final int EVENT = id("EVENT");
  static final int SERVER = id("SERVER");
  static final int CASCADE = id("CASCADE");
  static final int IF = id("IF");
  static final int EXISTS = id("EXISTS");
  static final int ONLY = id("ONLY");
  static final int COLUMN = id("COLUMN");
  static final int CONSTRAINT = id("CONSTRAINT");
  static final int PARTITION = id("PARTITION");
  static final int PRIMARY = id("PRIMARY");
  static final int FOREIGN = id("FOREIGN");
  static final int NOT = id("NOT");
  static final int NULL = id("NULL");
  static final int DEFAULT = id("DEFAULT");
  static final int IDENTITY = id("IDENTITY");
  static final int EXPRESSION = id("EXPRESSION");
  static final int TRUE = id("TRUE");
  static final int FALSE = id("FALSE");
  static final int AND = id("AND");
  static final int OR = id("OR");
  static final int IS = id("IS");
  static final int IN = id("IN");
  static final int PASSWORD = id("PASSWORD");
  static final int IDENTIFIED = id("IDENTIFIED");
  static final int GLOBAL = id("GLOBAL");
  static final int PERSIST = id("PERSIST");
  static final int PERSIST_ONLY = id("PERSIST_ONLY");
  static final int SYSTEM = id("SYSTEM");
  static final int OUTFILE = id("OUTFILE");
  static final int DUMPFILE = id("DUMPFILE");
  static final int IMMEDIATE = id("IMMEDIATE");
  static final int LANGUAGE = id("LANGUAGE");
  static final int AS = id("AS");
  static final int THEN = id("THEN");
  static final int ELSE = id("ELSE");
  static final int LOOP = id("LOOP");
  static final int RETURN = id("RETURN");
  static final int OWNER = id("OWNER");
  static final int ATOMIC = id("ATOMIC");
  static final int RETURNS = id("RETURNS");
  static final int QUERY = id("QUERY");
  static final int INSTEAD = id("INSTEAD");
  static final int ALSO = id("ALSO");
  static final int NOTHING = id("NOTHING");
  static final int EACH = id("EACH");
  static final int ROW = id("ROW");
  static final int OVERWRITE = id("OVERWRITE");
  static final int TOP = id("TOP");
  static final int DELIMITER = id("DELIMITER");
  static final int GO = id("GO");
  static final int CURRENT = id("CURRENT");
  static final int SEARCH_PATH = id("SEARCH_PATH");
  static final int INCLUDING = id("INCLUDING");
  static final int OFF = id("OFF");
  static final int EXCEPTION = id("EXCEPTION");
  static final int UNDO = id("UNDO");
  static final int FLASHBACK = id("FLASHBACK");
  static final int ALL = id("ALL");

  static final int COUNT = NAMES.length;

  /** Words that change something wherever they appear in a statement's own tokens. */
  static final boolean[] WRITE = new boolean[COUNT];

  /** Statement verbs that only read (or only touch the session) when nothing else writes. */
  static final boolean[] READ_VERB = new boolean[COUNT];

  private static final WordTable WORDS =
      new WordTable(java.util.Arrays.copyOfRange(NAMES, 1, NAMES.length));

  static {
    int[] writes = {
      INSERT,
      UPDATE,
      DELETE,
      MERGE,
      UPSERT,
      REPLACE,
      DROP,
      TRUNCATE,
      ALTER,
      CREATE,
      GRANT,
      REVOKE,
      COPY,
      CALL,
      EXEC,
      EXECUTE,
      DO,
      INTO,
      ATTACH,
      DETACH,
      PRAGMA,
      FLUSH,
      SHUTDOWN,
      KILL,
      VACUUM,
      REINDEX,
      CLUSTER,
      OPTIMIZE,
      CHECKPOINT,
      REFRESH,
      COMMENT,
      SECURITY,
      LOAD,
      PREPARE,
      DEALLOCATE,
      RENAME,
      IMPORT,
      PURGE,
      ANALYZE,
      ANALYSE,
      OUTFILE,
      DUMPFILE,
      HANDLER,
      REPAIR,
      BACKUP,
      RESTORE,
      UNDROP,
      SOURCE,
      DBCC,
      BULK,
      REASSIGN,
      UNDO,
      FLASHBACK,
      NOTIFY
    };
    for (int w : writes) {
      WRITE[w] = true;
    }
    int[] reads = {
      SELECT, WITH, VALUES, TABLE, SHOW, DESCRIBE, DESC, EXPLAIN, BEGIN, START, COMMIT, END,
      ROLLBACK, ABORT, SAVEPOINT, RELEASE, SET, RESET, USE, HELP, DECLARE, FETCH, CLOSE, MOVE,
      LISTEN, UNLISTEN, DISCARD, CHECK
    };
    for (int r : reads) {
      READ_VERB[r] = true;
    }
  }

  /** The upper-case spelling of a keyword id. */
  static String name(int id) {
    return NAMES[id];
  }

  /** The keyword id of {@code text[start, end)}, compared case-insensitively; NONE if none. */
  static int lookup(CharSequence text, int start, int end) {
    int len = end - start;
    if (len < 2 || len > 16) {
      return NONE;
    }
    return WORDS.lookup(text, start, end);
  }

  private static int id(String name) {
    for (int i = 1; i < NAMES.length; i++) {
      if (NAMES[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no keyword " + name);
  }
}
