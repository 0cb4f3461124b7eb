package dev.airlock.classify.sql;

import dev.airlock.classify.Access;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads ALTER and CREATE from tokens, for statements JSqlParser cannot read: dropping columns,
 * constraints or partitions loses data; creating loses nothing unless a statement hides inside.
 */
final class TokenDdl {

  private TokenDdl() {}

  /** ALTER TABLE read from tokens: dropping columns, constraints or partitions loses data. */
  static void alterTable(Pass p, Stmt st, int verb) {
    int j = verb + 1;
    String noun = st.lx.text(j).toLowerCase(Locale.ROOT);
    j++;
    if (st.is(j, Kw.IF) && st.is(j + 1, Kw.EXISTS)) {
      j += 2;
    }
    if (st.is(j, Kw.ONLY)) {
      j++;
    }
    String name = st.qualifiedName(j);
    List<String> drops = new ArrayList<>(2);
    for (int k = j; k < st.to; k++) {
      if (!st.atBase(k)) {
        continue;
      }
      int kk = st.kw(k);
      if (kk == Kw.DROP) {
        int n = st.kw(k + 1);
        if (n == Kw.NOT || n == Kw.DEFAULT || n == Kw.IDENTITY || n == Kw.EXPRESSION) {
          continue;
        }
        int target = k + 1;
        String what = "column";
        if (n == Kw.COLUMN
            || n == Kw.CONSTRAINT
            || n == Kw.PARTITION
            || n == Kw.INDEX
            || n == Kw.KEY
            || n == Kw.CHECK) {
          what = st.lx.text(k + 1).toLowerCase(Locale.ROOT);
          target++;
        } else if (n == Kw.PRIMARY || n == Kw.FOREIGN) {
          what = st.lx.text(k + 1).toLowerCase(Locale.ROOT) + " key";
          target += 2;
        }
        if (st.is(target, Kw.IF) && st.is(target + 1, Kw.EXISTS)) {
          target += 2;
        }
        String dropped = st.qualifiedName(target);
        drops.add("drops " + what + (dropped.isEmpty() ? "" : " " + dropped));
      } else if (kk == Kw.TRUNCATE && st.is(k + 1, Kw.PARTITION)) {
        drops.add("empties partition " + st.qualifiedName(k + 2));
      } else if (TokenDml.wordIs(st, k, "DISCARD") && TokenDml.wordIs(st, k + 1, "TABLESPACE")) {
        drops.add("discards the tablespace holding its rows");
      }
    }
    Effect e = p.effect(st, drops.isEmpty() ? "sql.alter" : "sql.alter-drop");
    e.verb("alter " + noun).resource(noun + " " + name).env(Verdicts.object(name));
    if (drops.isEmpty()) {
      e.safe().access(Access.WRITE).reason("alters " + noun + " " + name + "; nothing is dropped");
    } else {
      e.destructive()
          .reason(
              "alters "
                  + noun
                  + " "
                  + name
                  + ": "
                  + String.join(", ", drops)
                  + " (the data in it is lost)");
    }
    e.emit();
  }

  /** CREATE read from tokens: a write that loses nothing, unless a statement hides inside it. */
  static void create(Pass p, Stmt st, int verb) {
    int k = hiddenWrite(st, verb);
    if (k >= 0) {
      p.effect(st, "sql.not-understood")
          .verb("create")
          .unknown()
          .reason(
              "could not parse this CREATE and it contains "
                  + st.lx.text(k).toUpperCase(Locale.ROOT))
          .emit();
      return;
    }
    String target = Procedures.createTarget(st, verb);
    p.effect(st, "sql.create")
        .verb("create")
        .resource(target)
        .safe()
        .access(Access.WRITE)
        .reason("creates " + (target.isEmpty() ? "an object" : target) + "; nothing is lost")
        .emit();
  }

  /**
   * The first DELETE, UPDATE, INSERT, DROP, TRUNCATE or MERGE that starts a statement inside the
   * CREATE at verb (outside nested groups), or -1.
   */
  static int hiddenWrite(Stmt st, int verb) {
    for (int k = verb + 1; k < st.to; k++) {
      int kk = st.kw(k);
      if ((kk == Kw.DELETE
              || kk == Kw.UPDATE
              || kk == Kw.INSERT
              || kk == Kw.DROP
              || kk == Kw.TRUNCATE
              || kk == Kw.MERGE)
          && !st.inGroup(k)
          && st.isWriteAt(k, verb, false)
          && TokenDml.startsStatement(st, k)) {
        return k;
      }
    }
    return -1;
  }
}
