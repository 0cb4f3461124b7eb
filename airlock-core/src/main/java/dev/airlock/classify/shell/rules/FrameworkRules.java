package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Web frameworks' command runners that own a database: Rails ({@code rails}, {@code bin/rails},
 * {@code rake}) tasks, {@code rails runner} and console code (ActiveRecord {@code delete_all},
 * {@code destroy_all} and {@code connection.execute} are recognised, the rest goes to the Ruby
 * interpreter rules), and {@code rails dbconsole}. {@code artisan} and {@code django-admin} run as
 * {@code php artisan} and {@code python django-admin}, which the interpreter pack judges.
 */
public final class FrameworkRules implements CommandRules {

  private static final String ALL = "every table of the database";

  /** Rails database tasks with effects. */
  private static final Map<String, String> CATASTROPHIC =
      Map.ofEntries(
          Map.entry("db:drop", "drops the database"),
          Map.entry("db:drop:all", "drops every configured database"),
          Map.entry("db:drop:_unsafe", "drops the database"),
          Map.entry("db:reset", "drops the database and recreates it from the schema"),
          Map.entry("db:purge", "empties the database"),
          Map.entry("db:purge:all", "empties every configured database"),
          Map.entry("db:schema:load", "recreates " + ALL + " from the schema, empty"),
          Map.entry("db:structure:load", "recreates " + ALL + " from structure.sql, empty"),
          Map.entry("db:migrate:reset", "drops the database and reruns every migration"),
          Map.entry("db:truncate_all", "empties " + ALL),
          Map.entry("db:seed:replant", "empties " + ALL + " and reseeds it"));

  private static final Map<String, String> DESTRUCTIVE =
      Map.ofEntries(
          Map.entry("db:rollback", "rolls back migrations, which can drop tables and columns"),
          Map.entry("db:migrate:down", "rolls back a migration, which can drop tables and columns"),
          Map.entry("db:migrate:redo", "rolls back and reapplies migrations"),
          Map.entry("db:setup", "loads the schema, replacing existing tables"),
          Map.entry("db:fixtures:load", "deletes the rows of fixture tables and loads fixtures"),
          Map.entry("destroy", "deletes the files a generator made, with any edits to them"),
          Map.entry("d", "deletes the files a generator made, with any edits to them"));

  /** Tasks that apply migrations or seeds. */
  private static final Set<String> APPLIES =
      Set.of("db:migrate", "db:migrate:up", "db:seed", "db:prepare", "db:migrate:redo:up");

  private static final Set<String> DESTROY_WORDS =
      Set.of("drop", "purge", "wipe", "truncate", "delete", "destroy", "reset", "clean", "nuke");

  @Override
  public String name() {
    return "framework";
  }

  @Override
  public Set<String> programs() {
    return Set.of("rails", "rake", "artisan", "django-admin", "mix", "dotnet");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Reporter r = new Reporter("framework", inv, ctx);
    switch (inv.program()) {
      case "artisan" -> delegate(r, "php", "artisan");
      case "django-admin" -> delegate(r, "python", "django-admin");
      case "mix", "dotnet" -> tasks(r);
      default -> rails(r);
    }
    r.finish("command", "run", "nothing destructive recognised");
  }

  /**
   * Elixir's {@code mix} tasks ({@code ecto.drop}, {@code ecto.reset}) and the .NET CLI ({@code
   * dotnet ef database drop}): a task or subcommand named like one that deletes is destructive,
   * applying migrations is judged as migrations, anything else runs without a finding here.
   */
  private static void tasks(Reporter r) {
    Invocation inv = r.invocation();
    String program = inv.program();
    StringBuilder words = new StringBuilder();
    for (Arg a : inv.args()) {
      if (a.isOption()) {
        continue;
      }
      String v = a.value();
      words.append(words.isEmpty() ? "" : " ").append(v);
      for (String w : v.split("[.:_\\-]")) {
        if (DESTROY_WORDS.contains(w) && !w.equals("clean")) {
          r.add(
              program + "-destructive-task",
              w,
              "the database",
              Severity.DESTRUCTIVE,
              program
                  + " "
                  + v
                  + " is named like a task that deletes data; its body is not"
                  + " inspected");
          return;
        }
      }
    }
    String all = words.toString();
    if (all.equals("ecto.migrate") || all.equals("ef database update")) {
      r.migrations(program + "-migrate", all, "the database", program + " " + all);
      return;
    }
    r.write(
        program + "-task",
        all,
        "",
        "runs " + program + " " + all + "; nothing destructive recognised");
  }

  private static void delegate(Reporter r, String interpreter, String script) {
    Invocation inv = r.invocation();
    List<Arg> argv = new ArrayList<>(inv.args().size() + 2);
    argv.add(new Arg(interpreter, 0, inv.start(), inv.start()));
    argv.add(new Arg(script, 0, inv.start(), inv.start()));
    argv.addAll(inv.args());
    r.command(argv, inv.program());
  }

  private static void rails(Reporter r) {
    Invocation inv = r.invocation();
    List<Arg> args = inv.args();
    List<Arg> tasks = new ArrayList<>();
    boolean unchecked = false;
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      int eq = v.indexOf('=');
      if (v.startsWith("RAILS_ENV=") || v.startsWith("RACK_ENV=")) {
        r.mark(v.substring(eq + 1));
      } else if (v.startsWith("DISABLE_DATABASE_ENVIRONMENT_CHECK=")) {
        unchecked = true;
      } else if (v.equals("-e") || v.equals("--environment")) {
        r.mark(i + 1 < args.size() ? args.get(++i).value() : "");
      } else if (v.startsWith("--environment=") || v.startsWith("-e") && v.length() > 2) {
        r.mark(v.substring(eq > 0 ? eq + 1 : 2));
      } else if (v.equals("-f") || v.equals("--rakefile") || v.equals("-I") || v.equals("-R")) {
        i++;
      } else if (!a.isOption()) {
        tasks.add(a);
      }
    }
    String db = "the " + (r.env().id().equals("unknown") ? "" : r.env().id() + " ") + "database";
    String note = unchecked ? " (with Rails' production safeguard disabled)" : "";
    if (tasks.isEmpty()) {
      r.write("rails", "run", "", inv.program() + " with no task or command");
      return;
    }
    String first = tasks.get(0).value();
    List<Arg> rest = args.subList(args.indexOf(tasks.get(0)) + 1, args.size());
    if (inv.program().equals("rails")) {
      switch (first) {
        case "runner", "r" -> {
          runner(r, rest, db);
          return;
        }
        case "console", "c" -> {
          Invocation.Input in = inv.input();
          if (in == null) {
            r.read("console", "open-console", db, "opens an interactive Rails console");
          } else {
            if (DatabaseCliRules.literal(in)) {
              activeRecord(r, in.text(), db);
            }
            r.command(List.of(new Arg("ruby", 0, inv.start(), inv.start())), "rails console");
          }
          return;
        }
        case "dbconsole", "db" -> {
          DatabaseCliRules.stdinSql(r, "rails dbconsole", db);
          return;
        }
        case "credentials:show", "secrets:show", "encrypted:show" -> {
          r.add(
              "reveal-credentials",
              "reveal-credential",
              "Rails credentials",
              Severity.DESTRUCTIVE,
              "rails "
                  + first
                  + " prints the application's decrypted secrets into the agent's context");
          return;
        }
        default -> {}
      }
    }
    for (Arg t : tasks) {
      task(r, t.value(), db, note);
    }
  }

  private static void task(Reporter r, String task, String db, String note) {
    String name = task.contains("[") ? task.substring(0, task.indexOf('[')) : task;
    String cat = CATASTROPHIC.get(name);
    String des = DESTRUCTIVE.get(name);
    if (cat != null) {
      r.add(
          "rails-" + name.replace(':', '-'),
          name,
          db,
          Severity.CATASTROPHIC,
          name + " " + cat + note);
    } else if (des != null) {
      r.add(
          "rails-" + name.replace(':', '-'),
          name,
          db,
          Severity.DESTRUCTIVE,
          name + " " + des + note);
    } else if (destroys(name)) {
      r.add(
          "rails-task-destructive-name",
          name,
          db,
          Severity.DESTRUCTIVE,
          "the task " + name + " is named like one that deletes data; its body is not inspected");
    } else if (APPLIES.contains(name)) {
      r.migrations("rails-migrate", name, db, name);
    } else {
      r.write(
          "rails-task",
          name,
          name.startsWith("db:") ? db : "",
          "runs " + name + "; nothing destructive recognised");
    }
  }

  private static boolean destroys(String task) {
    for (String w : task.split("[:_\\-]")) {
      if (DESTROY_WORDS.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static void runner(Reporter r, List<Arg> rest, String db) {
    Arg code = null;
    for (Arg a : rest) {
      if (!a.isOption()) {
        code = a;
        break;
      }
    }
    if (code == null) {
      return;
    }
    String v = code.value();
    if (v.endsWith(".rb") && v.indexOf(' ') < 0) {
      r.write(
          "runner-script",
          "run-script",
          v,
          "rails runner runs " + v + "; its contents are not inspected");
      return;
    }
    activeRecord(r, v, db);
    Invocation inv = r.invocation();
    r.command(
        List.of(
            new Arg("ruby", 0, inv.start(), inv.start()),
            new Arg("-e", 0, code.start(), code.start()),
            code),
        "rails runner");
  }

  /** ActiveRecord calls that delete rows or run SQL, found in Ruby code. */
  static void activeRecord(Reporter r, String code, String db) {
    for (String call : new String[] {".delete_all", ".destroy_all"}) {
      int at = code.indexOf(call);
      while (at >= 0) {
        int s = at;
        while (s > 0
            && (Character.isJavaIdentifierPart(code.charAt(s - 1))
                || ".:()[]'\" ,=".indexOf(code.charAt(s - 1)) >= 0)
            && code.charAt(s - 1) != '\n'
            && code.charAt(s - 1) != ';') {
          s--;
        }
        String chain = code.substring(s, at).strip();
        boolean narrowed =
            chain.contains(".where")
                || chain.contains(".find")
                || chain.contains(".limit")
                || chain.contains(".first")
                || chain.contains(".last");
        String model = chain.indexOf('.') > 0 ? chain.substring(0, chain.indexOf('.')) : chain;
        r.add(
            narrowed ? "activerecord-delete" : "activerecord-delete-all",
            call.substring(1),
            "rows of " + (model.isEmpty() ? "a model" : model) + " in " + db,
            narrowed ? Severity.DESTRUCTIVE : Severity.CATASTROPHIC,
            chain
                + call
                + (narrowed
                    ? " deletes the rows the query selects"
                    : " deletes every row of the table"));
        at = code.indexOf(call, at + 1);
      }
    }
    for (String exec : new String[] {"execute(", "exec_query(", "exec_update(", "exec_delete("}) {
      int at = code.indexOf(exec);
      while (at >= 0) {
        int q = at + exec.length();
        while (q < code.length() && Character.isWhitespace(code.charAt(q))) {
          q++;
        }
        char quote = q < code.length() ? code.charAt(q) : ' ';
        int close = quote == '"' || quote == '\'' ? code.indexOf(quote, q + 1) : -1;
        if (close > q) {
          r.sql(code.substring(q + 1, close));
        } else {
          r.unknown(
              "activerecord-execute",
              "execute",
              db,
              "runs SQL built at run time through " + exec + "...)");
        }
        at = code.indexOf(exec, at + 1);
      }
    }
  }
}
