package dev.airlock.classify.sql;

import dev.airlock.classify.Access;
import java.util.Locale;

/**
 * Code that runs SQL from inside a body: DO blocks (run now), functions, procedures, triggers,
 * events and rules (run later), and the procedural lines around the statements in such bodies
 * ({@code IF ... THEN}, {@code LOOP}, {@code RAISE}, assignments).
 */
final class Procedures {

  private Procedures() {}

  /** DO: PostgreSQL's anonymous block (a body string) or MySQL's DO expression. */
  static boolean doBlock(Pass p, Stmt st, int verb) {
    int j = verb + 1;
    String lang = "plpgsql";
    if (st.is(j, Kw.LANGUAGE)) {
      lang = word(st, j + 1);
      j += 2;
    }
    if (!st.lx.isString(j)) {
      for (int i = verb + 1; i < st.to; i++) {
        if (Kw.WRITE[st.kw(i)] && !st.inGroup(i) && st.isWriteAt(i, verb, p.procedural)) {
          return false;
        }
      }
      p.how = "judged by the lexer: MySQL DO evaluates expressions";
      p.effect(st, "sql.read")
          .verb("do")
          .program("mysql")
          .safe()
          .read()
          .reason("evaluates expressions; it changes no data")
          .emit();
      return true;
    }
    int body = j;
    if (st.is(j + 1, Kw.LANGUAGE)) {
      lang = word(st, j + 2);
    }
    p.how = "judged by the lexer: DO block";
    if (!lang.equals("plpgsql") && !lang.equals("sql")) {
      p.effect(st, "sql.do-block")
          .verb("do")
          .program("postgres")
          .resource("language " + lang)
          .unknown()
          .reason("runs a DO block in " + lang + ", which Airlock cannot read")
          .emit();
      return true;
    }
    int before = p.run.findings.size();
    body(p, st, body, LexicalRules.prefix(st, "in a DO block, which runs now"));
    if (p.run.findings.size() == before) {
      p.effect(st, "sql.do-block")
          .verb("do")
          .program("postgres")
          .safe()
          .read()
          .reason("runs a DO block that only reads or computes")
          .emit();
    }
    return true;
  }

  /** Reads the string at token i as a procedure body in a nested scope. */
  private static void body(Pass p, Stmt st, int i, String context) {
    int offset = st.lx.verbatim(i) ? st.lx.contentStart(i) : -1;
    p.nested(st, st.lx.stringValue(i), offset, true, context);
  }

  /** Reads the tokens from i to the end of the statement as a procedure body. */
  private static void inlineBody(Pass p, Stmt st, int i, String context) {
    int start = st.lx.start[i];
    p.nested(st, st.lx.text.substring(start, st.spanEnd), start, true, context);
  }

  private static String word(Stmt st, int i) {
    String w = st.lx.isString(i) ? st.lx.stringValue(i) : st.isName(i) ? st.lx.name(i) : "";
    return w.toLowerCase(Locale.ROOT);
  }

  /** CREATE of things with bodies and of roles; false hands other CREATEs to the parser. */
  static boolean create(Pass p, Stmt st, int verb) {
    int t = typeIndex(st, verb);
    int k = st.kw(t);
    if (k == Kw.FUNCTION || k == Kw.PROCEDURE) {
      routine(p, st, t);
      return true;
    }
    if (k == Kw.TRIGGER || k == Kw.EVENT || k == Kw.RULE) {
      return runsLater(p, st, t);
    }
    if (k == Kw.USER || k == Kw.ROLE || k == Kw.LOGIN) {
      String name = String.join(", ", LexicalRules.names(st, skipIfNotExists(st, t + 1)));
      p.how = "judged by the lexer: CREATE " + st.lx.text(t).toUpperCase(Locale.ROOT);
      p.effect(st, "sql.create-role")
          .verb("create " + st.lx.text(t))
          .resource("role " + name)
          .destructive()
          .reason("creates database account " + name + " (a privilege change)")
          .emit();
      return true;
    }
    return false;
  }

  /** The token naming what CREATE creates, past OR REPLACE, DEFINER = ..., TEMP and the like. */
  static int typeIndex(Stmt st, int verb) {
    for (int i = verb + 1; i < Math.min(st.to, verb + 12); i++) {
      int k = st.kw(i);
      if (k == Kw.FUNCTION
          || k == Kw.PROCEDURE
          || k == Kw.TRIGGER
          || k == Kw.EVENT
          || k == Kw.RULE
          || k == Kw.USER
          || k == Kw.ROLE
          || k == Kw.LOGIN
          || k == Kw.TABLE
          || k == Kw.VIEW
          || k == Kw.INDEX
          || k == Kw.DATABASE
          || k == Kw.SCHEMA
          || k == Kw.SEQUENCE
          || k == Kw.TYPE
          || k == Kw.EXTENSION
          || k == Kw.POLICY
          || k == Kw.DOMAIN
          || k == Kw.SERVER
          || k == Kw.TABLESPACE) {
        return i;
      }
    }
    return verb + 1;
  }

  private static int skipIfNotExists(Stmt st, int i) {
    return st.is(i, Kw.IF) && st.is(i + 1, Kw.NOT) && st.is(i + 2, Kw.EXISTS) ? i + 3 : i;
  }

  /** What a CREATE creates, for resources and reasons ("table notes"). */
  static String createTarget(Stmt st, int verb) {
    int t = typeIndex(st, verb);
    String noun = st.lx.text(Math.min(t, st.to - 1)).toLowerCase(Locale.ROOT);
    int n = skipIfNotExists(st, t + 1);
    if (st.kw(t) == Kw.INDEX && TokenDml.wordIs(st, n, "CONCURRENTLY")) {
      n++;
    }
    n = skipIfNotExists(st, n);
    String name = st.kw(n) == Kw.ON ? "" : st.qualifiedName(n);
    return name.isEmpty() ? noun : noun + " " + name;
  }

  /** CREATE FUNCTION or PROCEDURE: a write now, and its body is judged as if it ran. */
  private static void routine(Pass p, Stmt st, int t) {
    String noun = st.lx.text(t).toLowerCase(Locale.ROOT);
    int n = skipIfNotExists(st, t + 1);
    String name = st.qualifiedName(n);
    p.how = "judged by the lexer: CREATE " + noun.toUpperCase(Locale.ROOT);
    p.effect(st, "sql.create-function")
        .verb("create " + noun)
        .resource(noun + " " + name)
        .safe()
        .access(Access.WRITE)
        .reason("creates " + noun + " " + name + "; its body is judged as if it ran")
        .emit();
    String lang = "";
    int language = st.find(Kw.LANGUAGE, n);
    if (language > 0) {
      lang = word(st, language + 1);
    }
    if (!lang.isEmpty() && !lang.equals("plpgsql") && !lang.equals("sql")) {
      p.effect(st, "sql.routine-language")
          .verb("create " + noun)
          .resource(noun + " " + name)
          .unknown()
          .reason(
              "the body of "
                  + noun
                  + " "
                  + name
                  + " is in "
                  + lang
                  + (lang.equals("c") || lang.equals("internal") ? " (native code)" : "")
                  + ", which Airlock cannot read")
          .emit();
      return;
    }
    String ctx = LexicalRules.prefix(st, "when " + noun + " " + name + " runs");
    int after = st.nameEnd(n);
    if (st.type(after) == Lexed.LPAREN) {
      after = st.lx.skipGroup(after, st.to);
    }
    for (int i = after; i < st.to; i++) {
      if (st.atBase(i)
          && (st.type(i) == Lexed.DOLLAR || (st.lx.isString(i) && st.is(i - 1, Kw.AS)))) {
        body(p, st, i, ctx);
        return;
      }
    }
    for (int i = after; i < st.to; i++) {
      if (!st.atBase(i) || st.is(i - 1, Kw.RETURNS) || st.is(i - 1, Kw.LANGUAGE)) {
        continue;
      }
      int k = st.kw(i);
      if (k == Kw.BEGIN || k == Kw.RETURN || isInlineVerb(k)) {
        inlineBody(p, st, i, ctx);
        return;
      }
      if (k == Kw.AS && i + 1 < st.to && !st.lx.isString(i + 1)) {
        inlineBody(p, st, i + 1, ctx);
        return;
      }
    }
  }

  /** Verbs that start an inline routine body (MySQL, SQL Server, standard SQL). */
  private static boolean isInlineVerb(int k) {
    return k == Kw.SELECT
        || k == Kw.INSERT
        || k == Kw.UPDATE
        || k == Kw.DELETE
        || k == Kw.MERGE
        || k == Kw.WITH
        || k == Kw.DROP
        || k == Kw.TRUNCATE
        || k == Kw.ALTER
        || k == Kw.CREATE
        || k == Kw.CALL
        || k == Kw.EXECUTE
        || k == Kw.EXEC;
  }

  /** CREATE TRIGGER, EVENT or RULE: a write now; an inline body runs later and is judged. */
  private static boolean runsLater(Pass p, Stmt st, int t) {
    String noun = st.lx.text(t).toLowerCase(Locale.ROOT);
    String name = st.qualifiedName(skipIfNotExists(st, t + 1));
    int bodyAt = -1;
    for (int i = t + 1; i < st.to && bodyAt < 0; i++) {
      int k = st.kw(i);
      if (!st.atBase(i)) {
        continue;
      }
      if (k == Kw.DO && st.kw(t) != Kw.TRIGGER) {
        int b = i + 1;
        if (st.is(b, Kw.ALSO) || st.is(b, Kw.INSTEAD)) {
          b++;
        }
        bodyAt = st.is(b, Kw.NOTHING) ? -2 : b;
      } else if (k == Kw.ROW
          && st.is(i - 1, Kw.EACH)
          && i + 1 < st.to
          && (st.kw(i + 1) == Kw.BEGIN || LexicalRules.isStatementVerb(st.kw(i + 1)))
          && !(st.is(i + 1, Kw.EXECUTE)
              && (st.is(i + 2, Kw.FUNCTION) || st.is(i + 2, Kw.PROCEDURE)))) {
        bodyAt = i + 1;
      } else if ((k == Kw.BEGIN || (k == Kw.AS && st.kw(t) == Kw.TRIGGER)) && i + 1 < st.to) {
        bodyAt = k == Kw.AS ? i + 1 : i;
      }
      if (bodyAt == -2) {
        break;
      }
    }
    p.how = "judged by the lexer: CREATE " + noun.toUpperCase(Locale.ROOT);
    p.effect(st, "sql.create")
        .verb("create " + noun)
        .resource(noun + " " + name)
        .safe()
        .access(Access.WRITE)
        .reason(
            "creates "
                + noun
                + " "
                + name
                + (bodyAt >= 0 ? "; what it runs is judged as if it ran" : ""))
        .emit();
    if (bodyAt >= 0 && bodyAt < st.to) {
      if (st.type(bodyAt) == Lexed.LPAREN && bodyAt + 1 < st.to) {
        bodyAt++;
      }
      inlineBody(p, st, bodyAt, LexicalRules.prefix(st, "when " + noun + " " + name + " fires"));
    }
    return true;
  }

  /**
   * One {@code ;}-separated piece of a procedure body: split at control keywords (THEN, ELSE, LOOP,
   * BEGIN, DECLARE, EXCEPTION) outside CASE expressions, then each segment that holds a statement
   * is judged; control-flow segments yield nothing unless they hide a write.
   */
  static void judgePiece(Pass p, Stmt st) {
    int segment = st.from;
    int caseDepth = 0;
    int base = st.base();
    for (int i = st.from; i <= st.to; i++) {
      boolean split = i == st.to;
      if (!split && st.lx.depth[i] == base && st.type(i) == Lexed.WORD) {
        int k = st.kw(i);
        if (TokenDml.wordIs(st, i, "CASE") && !st.is(i - 1, Kw.END)) {
          caseDepth++;
        } else if (k == Kw.END && caseDepth > 0) {
          caseDepth--;
        } else if (k == Kw.LOOP
            || k == Kw.BEGIN
            || k == Kw.DECLARE
            || k == Kw.EXCEPTION
            || ((k == Kw.THEN || k == Kw.ELSE) && caseDepth == 0)) {
          split = true;
        }
      } else if (!split && st.type(i) == Lexed.OP && st.lx.text(i).equals(">>")) {
        split = true;
      }
      if (split) {
        if (i > segment) {
          segment(p, st.sub(segment, i, st.context));
        }
        segment = i + 1;
      }
    }
  }

  private static void segment(Pass p, Stmt seg) {
    int start = statementStart(seg);
    if (start > seg.from) {
      SideEffects.scan(p, seg, seg.from, start);
    }
    if (start >= 0) {
      p.judgeStatement(seg.sub(start, seg.to, seg.context));
      return;
    }
    SideEffects.scan(p, seg, seg.from, seg.to);
    int write = seg.firstWrite(true);
    if (write >= 0) {
      p.how = "judged by the lexer: procedural code";
      p.effect(seg, "sql.not-understood")
          .unknown()
          .reason(
              "could not tell what this part of the procedure does (contains "
                  + seg.lx.text(write).toUpperCase(Locale.ROOT)
                  + ")")
          .emit();
    }
  }

  /** Where the SQL statement in a procedural segment starts, or -1 if it holds none. */
  static int statementStart(Stmt seg) {
    for (int i = seg.from; i < seg.to; i++) {
      int k = seg.kw(i);
      if (!LexicalRules.isStatementVerb(k) || (k == Kw.SET && i > seg.from)) {
        continue;
      }
      int prev = seg.kw(i - 1);
      if (i == seg.from
          || prev == Kw.ATOMIC
          || prev == Kw.IN
          || prev == Kw.QUERY
          || prev == Kw.THEN
          || prev == Kw.ELSE
          || (prev == Kw.FOR && (k == Kw.SELECT || k == Kw.WITH || k == Kw.EXECUTE))) {
        return i;
      }
    }
    return -1;
  }
}
