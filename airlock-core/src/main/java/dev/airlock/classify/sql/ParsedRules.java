package dev.airlock.classify.sql;

import dev.airlock.classify.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeOperation;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.MySqlSelectIntoClause;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;
import org.jspecify.annotations.Nullable;

/**
 * Judges statements that JSqlParser reads: DROP, TRUNCATE, DELETE and UPDATE (with their WHERE
 * clauses checked by {@link WhereCheck}), INSERT, REPLACE, MERGE, ALTER TABLE, CREATE, and SELECT
 * with INTO. The parser runs in the calling thread: a {@link CCJSqlParser} is built directly, never
 * through {@code CCJSqlParserUtil}, whose parse runs on an executor with a timeout.
 */
final class ParsedRules {

  private ParsedRules() {}

  /** Rewritten statements longer than this are judged by the lexer. */
  static final int MAX_CHARS = 4_000;

  /** What became of a statement handed to the parser. */
  record Outcome(boolean handled, boolean silent, String why) {
    static final Outcome DONE = new Outcome(true, false, "");
    static final Outcome SILENT = new Outcome(true, true, "");

    static Outcome no(String why) {
      return new Outcome(false, false, why);
    }
  }

  static Outcome judge(Pass p, Stmt st, boolean nestedEffects) {
    if (FastPaths.enabled && startsNoCoveredStatement(st)) {
      return Outcome.no("no parser rule covers a statement that starts this way");
    }
    String sql = st.parserText();
    if (sql.length() > MAX_CHARS) {
      return Outcome.no("too long for JSqlParser (" + sql.length() + " characters)");
    }
    Statement ast = p.run.unparsable.contains(sql) ? null : parse(sql);
    if (ast == null) {
      p.run.unparsable.add(sql);
      return Outcome.no("JSqlParser could not parse it");
    }
    p.how = "parsed by JSqlParser";
    return switch (ast) {
      case Drop d -> drop(p, st, d);
      case Truncate t -> truncate(p, st, t);
      case Delete d -> delete(p, st, d);
      case Update u -> update(p, st, u);
      case Insert i -> insert(p, st, i);
      case Upsert u -> upsert(p, st, u);
      case Merge m -> merge(p, st, m);
      case Alter a -> alter(p, st, a);
      case Select s -> select(p, st, s, nestedEffects);
      default -> {
        if (ast.getClass().getSimpleName().startsWith("Create")) {
          String target = Procedures.createTarget(st, st.mainVerbIndex());
          p.effect(st, "sql.create")
              .verb("create")
              .resource(target)
              .safe()
              .access(Access.WRITE)
              .reason("creates " + target + "; nothing is lost")
              .emit();
          yield Outcome.DONE;
        }
        p.how = "";
        yield Outcome.no(
            "JSqlParser read it as " + ast.getClass().getSimpleName() + ", which no rule covers");
      }
    };
  }

  /**
   * Whether the statement starts with anything but a parenthesis or a word that starts a statement
   * the rules above cover (SELECT, WITH, VALUES, TABLE, FROM, INSERT, REPLACE, UPSERT, UPDATE,
   * DELETE, MERGE, DROP, TRUNCATE, ALTER, CREATE). Whatever JSqlParser makes of such a statement
   * ({@code BEGIN ...}, {@code RETURN NULL}, {@code DO ...}, the {@code $$ AS x} that the MySQL
   * reading of a dollar-quoted text hands it), no rule covers it and the lexer's fallback judges
   * it, so the parse is skipped. {@code SqlFastPathTest} checks this against the parse over every
   * corpus text in every reading, {@code SqlTokenPathsTest} over the pieces of dollar-quoted texts.
   */
  static boolean startsNoCoveredStatement(Stmt st) {
    if (st.isEmpty()) {
      return false;
    }
    int i = st.from;
    if (st.lx.type[i] == Lexed.LPAREN) {
      return false;
    }
    int k = st.lx.kw[i];
    return !(k == Kw.SELECT
        || k == Kw.WITH
        || k == Kw.VALUES
        || k == Kw.TABLE
        || k == Kw.FROM
        || k == Kw.INSERT
        || k == Kw.REPLACE
        || k == Kw.UPSERT
        || k == Kw.UPDATE
        || k == Kw.DELETE
        || k == Kw.MERGE
        || k == Kw.DROP
        || k == Kw.TRUNCATE
        || k == Kw.ALTER
        || k == Kw.CREATE);
  }

  /** Parses one statement; null if JSqlParser fails, reads only part of it, or gives up. */
  static @Nullable Statement parse(String sql) {
    try {
      CCJSqlParser parser = new CCJSqlParser(new StringProvider(sql));
      Statement statement = parser.Statement();
      Token next = parser.getNextToken();
      if (next == null || next.kind != CCJSqlParserConstants.EOF) {
        return null;
      }
      return statement instanceof UnsupportedStatement ? null : statement;
    } catch (ParseException | RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  private static Outcome drop(Pass p, Stmt st, Drop d) {
    String type = d.getType() == null ? "" : d.getType().toUpperCase(Locale.ROOT);
    if (d.isMaterialized() && type.equals("VIEW")) {
      type = "MATERIALIZED VIEW";
    }
    if (d.isUsingTemporary()) {
      type = "TEMPORARY " + type;
    }
    List<String> names = new ArrayList<>();
    if (d.getNames() != null && !d.getNames().isEmpty()) {
      for (Table t : d.getNames()) {
        names.add(name(t));
      }
    } else if (d.getName() != null) {
      names.add(name(d.getName()));
    }
    StringBuilder note = new StringBuilder();
    List<String> params = d.getParameters() == null ? List.of() : d.getParameters();
    for (String param : params) {
      if (param.equalsIgnoreCase("CASCADE")) {
        note.append("; CASCADE also drops the objects that depend on it");
      } else if (param.equalsIgnoreCase("PURGE")) {
        note.append("; PURGE skips the recycle bin, so it cannot be undone");
      }
    }
    Verdicts.drop(p, st, type, names, note.toString());
    return Outcome.DONE;
  }

  private static Outcome truncate(Pass p, Stmt st, Truncate t) {
    List<String> names = new ArrayList<>();
    if (t.getTables() != null && !t.getTables().isEmpty()) {
      for (Table table : t.getTables()) {
        names.add(name(table));
      }
    } else if (t.getTable() != null) {
      names.add(name(t.getTable()));
    }
    Verdicts.truncate(
        p, st, names, t.getCascade() ? "; CASCADE also empties the tables that refer to it" : "");
    return Outcome.DONE;
  }

  private static Outcome delete(Pass p, Stmt st, Delete d) {
    String table = "";
    if (d.getTables() != null && !d.getTables().isEmpty()) {
      table = name(d.getTables().get(0));
    } else if (d.getTable() != null) {
      table = name(d.getTable());
    }
    Verdicts.Filter filter = WhereCheck.of(d.getWhere());
    if (filter == Verdicts.Filter.NONE) {
      if (innerJoins(d.getJoins())) {
        filter = Verdicts.Filter.JOIN;
      } else if (d.getLimit() != null) {
        filter = Verdicts.Filter.LIMIT;
      }
    }
    Verdicts.modify(p, st, "delete", table, filter, whereText(st, d.getWhere()));
    return Outcome.DONE;
  }

  private static Outcome update(Pass p, Stmt st, Update u) {
    String table = u.getTable() == null ? "" : name(u.getTable());
    Verdicts.Filter filter = WhereCheck.of(u.getWhere());
    if (filter == Verdicts.Filter.NONE) {
      if (innerJoins(u.getStartJoins()) || innerJoins(u.getJoins())) {
        filter = Verdicts.Filter.JOIN;
      } else if (u.getLimit() != null) {
        filter = Verdicts.Filter.LIMIT;
      }
    }
    Verdicts.modify(p, st, "update", table, filter, whereText(st, u.getWhere()));
    return Outcome.DONE;
  }

  /** Whether there are joins and every one is an inner join with an ON condition. */
  private static boolean innerJoins(@Nullable List<Join> joins) {
    if (joins == null || joins.isEmpty()) {
      return false;
    }
    for (Join j : joins) {
      boolean hasOn = j.getOnExpressions() != null && !j.getOnExpressions().isEmpty();
      if (!hasOn
          || j.isLeft()
          || j.isRight()
          || j.isFull()
          || j.isOuter()
          || j.isCross()
          || j.isNatural()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The WHERE clause as written in the source (from the lexer's tokens), or JSqlParser's rendering
   * of it when the tokens show no WHERE clause at the statement's own level.
   */
  private static String whereText(
      Stmt st, net.sf.jsqlparser.expression.@Nullable Expression where) {
    if (where == null) {
      return "";
    }
    String source = TokenDml.whereSource(st, st.mainVerbIndex());
    return source.isEmpty() ? where.toString() : source;
  }

  private static Outcome insert(Pass p, Stmt st, Insert i) {
    String table = i.getTable() == null ? "" : name(i.getTable());
    if (i.isOverwrite()) {
      p.effect(st, "sql.insert-overwrite")
          .verb("insert overwrite")
          .resource("table " + table)
          .env(Verdicts.object(table))
          .catastrophic()
          .reason("replaces every row of table " + table + " with the query's rows")
          .emit();
      return Outcome.DONE;
    }
    boolean upsert = i.getConflictAction() != null || i.getDuplicateAction() != null;
    Verdicts.insert(
        p,
        st,
        upsert ? "upsert" : "insert",
        table,
        upsert
            ? "inserts rows into table " + table + " or updates the rows they conflict with"
            : "inserts rows into table " + table);
    return Outcome.DONE;
  }

  private static Outcome upsert(Pass p, Stmt st, Upsert u) {
    String table = u.getTable() == null ? "" : name(u.getTable());
    String verb = st.lx.text(st.mainVerbIndex()).toLowerCase(Locale.ROOT);
    Verdicts.insert(
        p,
        st,
        verb,
        table,
        "inserts rows into table " + table + ", replacing rows with the same key");
    return Outcome.DONE;
  }

  private static Outcome merge(Pass p, Stmt st, Merge m) {
    boolean deletes = false;
    if (m.getOperations() != null) {
      for (MergeOperation op : m.getOperations()) {
        deletes |= op instanceof MergeDelete;
      }
    }
    TokenDml.mergeVerdict(p, st, m.getTable() == null ? "" : name(m.getTable()), deletes);
    return Outcome.DONE;
  }

  private static Outcome alter(Pass p, Stmt st, Alter a) {
    String table = a.getTable() == null ? "" : name(a.getTable());
    List<String> drops = new ArrayList<>(2);
    if (a.getAlterExpressions() != null) {
      for (AlterExpression e : a.getAlterExpressions()) {
        String d = dropped(e);
        if (d != null) {
          drops.add(d);
        }
      }
    }
    Effect e =
        p.effect(st, drops.isEmpty() ? "sql.alter" : "sql.alter-drop")
            .verb("alter table")
            .resource("table " + table)
            .env(Verdicts.object(table));
    if (drops.isEmpty()) {
      e.safe().access(Access.WRITE).reason("alters table " + table + "; nothing is dropped");
    } else {
      e.destructive()
          .reason(
              "alters table "
                  + table
                  + ": "
                  + String.join(", ", drops)
                  + " (the data in it is lost)");
    }
    e.emit();
    return Outcome.DONE;
  }

  /** What an ALTER TABLE clause drops, or null if it drops nothing. */
  private static @Nullable String dropped(AlterExpression e) {
    AlterOperation op = e.getOperation();
    if (op == null) {
      return null;
    }
    return switch (op) {
      case DROP -> {
        if (e.getColumnName() != null) {
          yield "drops column " + e.getColumnName();
        }
        if (e.getConstraintName() != null) {
          yield "drops constraint " + e.getConstraintName();
        }
        if (e.getIndex() != null) {
          yield "drops " + e.getIndex().toString().toLowerCase(Locale.ROOT);
        }
        yield "drops " + e.toString();
      }
      case DROP_PRIMARY_KEY -> "drops the primary key";
      case DROP_UNIQUE -> "drops a unique key";
      case DROP_FOREIGN_KEY -> "drops a foreign key";
      case DROP_PARTITION -> "drops partition " + String.join(", ", partitions(e));
      case TRUNCATE_PARTITION -> "empties partition " + String.join(", ", partitions(e));
      case DISCARD_PARTITION, DISCARD_TABLESPACE -> "discards the tablespace holding its rows";
      default -> null;
    };
  }

  private static List<String> partitions(AlterExpression e) {
    return e.getPartitions() == null ? List.of() : e.getPartitions();
  }

  private static Outcome select(Pass p, Stmt st, Select s, boolean nestedEffects) {
    List<PlainSelect> plain = new ArrayList<>(2);
    collect(s, plain, 0);
    for (PlainSelect ps : plain) {
      MySqlSelectIntoClause into = ps.getMySqlSelectIntoClause();
      if (into != null && into.getType() != MySqlSelectIntoClause.Type.VARIABLES) {
        p.effect(st, "sql.select-into-file")
            .verb("select into " + into.getType().name())
            .program("mysql")
            .destructive()
            .reason("writes the query's rows to a file on the database server")
            .emit();
        return Outcome.DONE;
      }
      if (ps.getIntoTables() != null && !ps.getIntoTables().isEmpty() && !p.procedural) {
        String table = name(ps.getIntoTables().get(0));
        p.effect(st, "sql.select-into")
            .verb("select into")
            .resource("table " + table)
            .env(Verdicts.object(table))
            .safe()
            .access(Access.WRITE)
            .reason("creates table " + table + " from the query's rows")
            .emit();
        return Outcome.DONE;
      }
    }
    if (nestedEffects) {
      return Outcome.SILENT;
    }
    LexicalRules.read(p, st, st.mainVerbIndex());
    return Outcome.DONE;
  }

  private static void collect(Select s, List<PlainSelect> out, int depth) {
    if (depth > 16) {
      return;
    }
    if (s instanceof PlainSelect ps) {
      out.add(ps);
    } else if (s instanceof SetOperationList list && list.getSelects() != null) {
      for (Select x : list.getSelects()) {
        collect(x, out, depth + 1);
      }
    } else if (s instanceof ParenthesedSelect ps && ps.getSelect() != null) {
      collect(ps.getSelect(), out, depth + 1);
    }
  }

  /** A table name without its quotes ({@code "public"."users"} gives public.users). */
  static String name(Table t) {
    String full = t.getFullyQualifiedName();
    if (full == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(full.length());
    for (int i = 0; i < full.length(); i++) {
      char c = full.charAt(i);
      if (c != '"' && c != '`' && c != '[' && c != ']') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
