package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Set;

/**
 * Fly.io ({@code fly}, {@code flyctl}) and Heroku. Destroying an app, a volume or a database,
 * resetting or overwriting a Heroku Postgres database and deleting its backups are catastrophic;
 * destroying a machine, unsetting secrets and scaling to zero are destructive. Commands run on the
 * platform ({@code fly ssh console -C}, {@code fly machine exec}, {@code heroku run}) and SQL given
 * to {@code heroku pg:psql} or fed to a database shell are judged as what they are.
 */
final class FlyHerokuCommands {

  private FlyHerokuCommands() {}

  private static final CloudTable FLY =
      CloudTable.of(
          "platform",
          "fly-",
          """
          apps|app destroy|delete|remove|rm => catastrophic app-destroy destroy app -a,--app : \
          destroys {} with its machines, volumes and the data on them
          destroy|delete => catastrophic app-destroy destroy app -a,--app : destroys {} with \
          its machines, volumes and the data on them
          volumes|volume|vol destroy|delete|rm => catastrophic volume-destroy destroy volume : \
          destroys {}, permanently deleting all its data
          postgres|pg|mpg|mysql|redis|tigris|storage|consul destroy|delete|remove|rm => \
          catastrophic database-destroy destroy database -a,--app : destroys {} and every byte \
          of its data
          machine|machines|m destroy|remove|rm|kill => destructive machine-destroy destroy \
          machine : destroys {}; its root file system goes with it
          secrets|secret unset => destructive secrets-unset delete secret : removes {} from the \
          app, which restarts without it
          ips release => destructive ips-release release IP_address : releases {}; it cannot \
          be got back
          certs remove|delete|rm => destructive certs-remove delete certificate : removes {}
          """);

  private static final Set<String> FLY_READS =
      CloudCall.setOf(
          "status logs list ls show info doctor version releases history dig platform "
              + "regions display checks dashboard open snapshots ping whoami auth");

  private static final Set<String> HEROKU_OWN =
      CloudCall.setOf("-a --app -r --remote -s --size -e --env --type");

  private static final Set<String> HEROKU_SWITCHES =
      Set.of("-x", "--exit-code", "--no-tty", "--no-notify");

  private static final CloudTable HEROKU =
      CloudTable.of(
          "platform",
          "heroku-",
          """
          apps:destroy|destroy|apps:delete => catastrophic app-destroy destroy app -a,--app : \
          destroys {} with its dynos, add-ons and their databases
          pg:reset => catastrophic pg-reset reset database : deletes all data in {}
          addons:destroy|addons:remove|addons:delete => catastrophic addon-destroy destroy \
          add-on : destroys {} and the data it holds (a Postgres or Redis add-on is a database)
          pg:backups:delete|pg:backups:destroy => catastrophic backup-delete delete backup : \
          deletes {}{backup}
          pg:backups:restore => catastrophic pg-restore overwrite backup : overwrites the \
          database with {}: everything written since is lost
          pg:copy => catastrophic pg-copy overwrite database : overwrites the target database \
          with a copy of {}; its own data is lost
          spaces:destroy => catastrophic space-destroy destroy space : destroys {} and every \
          app in it
          pg:kill|pg:killall => destructive pg-kill kill queries : kills running database \
          queries; their transactions are rolled back
          config:unset|config:remove => destructive config-unset delete config_var : removes \
          {}; the app restarts without it
          config:set|config:add => destructive config-set overwrite config_var : sets {}, \
          replacing the previous value, which is not kept; the app restarts
          ps:stop|ps:kill|stop|kill => destructive ps-stop stop dyno : stops {}
          """);

  private static final Set<String> HEROKU_READS =
      CloudCall.setOf(
          "logs config config:get pg:info pg releases apps apps:info info ps addons "
              + "addons:info domains pg:backups pg:backups:info pg:diagnose status whoami "
              + "auth:whoami regions stack features releases:info pg:credentials pg:backups:url "
              + "pg:ps pg:outliers pg:settings spaces access drains buildpacks pipelines version");

  static void fly(Invocation inv, ShellContext ctx, String[] values) {
    CloudCall c = new CloudCall(inv, ctx, values);
    if (c.helpRequested(true)) {
      c.help("platform");
      return;
    }
    Environment env = c.markers("-a", "--app", "-c", "--config");
    String note = c.noPrompt("--yes", "-y", "--force", "-f");
    String sub = c.word(0);
    if (sub.equals("ssh") && c.word(1).equals("console") || sub.equals("console")) {
      Arg code = c.value("-C", "--command");
      if (code != null) {
        ctx.shell(inv, code, "fly ssh console" + app(c), env);
      } else {
        c.write("shell.platform.write", "ssh", "app", env, "fly ssh console opens a shell");
      }
    } else if (Set.of("machine", "machines", "m").contains(sub) && c.word(1).equals("exec")) {
      Arg code = c.joined(c.words().subList(Math.min(3, c.size()), c.size()));
      if (code != null) {
        ctx.shell(inv, code, "fly machine exec " + c.raw(2) + app(c), env);
      }
    } else if (Set.of("postgres", "pg", "mpg").contains(sub)
        && c.word(1).equals("connect")
        && c.stdinFed()
        && inv.input() instanceof Invocation.Input in) {
      ctx.sql(inv, in.text(), env);
    } else if (sub.equals("scale")
        && c.word(1).equals("count")
        && c.words().stream().skip(2).anyMatch(a -> a.value().matches("(\\w+=)?0"))) {
      c.report(
          "shell.platform.fly-scale-to-zero",
          Severity.DESTRUCTIVE,
          "scale",
          "app" + app(c),
          env,
          "fly scale count 0 stops every machine of the app" + note);
    } else if (!FLY.report(c, 0, env, note)) {
      if (FLY_READS.contains(sub) || FLY_READS.contains(c.word(1))) {
        c.read("shell.platform.read", "app" + app(c), env, "fly " + sub + " only reads");
      } else if (!c.unlistedDelete("platform", 3, env) && !sub.isEmpty()) {
        c.write(
            "shell.platform.write",
            sub,
            "app" + app(c),
            env,
            "fly " + sub + " deploys or configures; it deletes nothing by itself");
      }
    }
  }

  private static String app(CloudCall c) {
    String a = c.text("-a", "--app");
    return a.isEmpty() ? "" : " " + a;
  }

  static void heroku(Invocation inv, ShellContext ctx, String[] values) {
    CloudCall c = new CloudCall(inv, ctx, values);
    if (c.helpRequested(true)) {
      c.help("platform");
      return;
    }
    Environment env = c.markers("-a", "--app", "-r", "--remote", "--confirm");
    String note = c.noPrompt("--confirm");
    String sub = c.word(0);
    if (sub.equals("run") || sub.equals("run:detached") || sub.equals("run:inside")) {
      List<Arg> argv = c.trailingCommand(c.raw(0), HEROKU_OWN, HEROKU_SWITCHES, true);
      Arg code = c.joined(argv);
      if (code != null) {
        ctx.shell(inv, code, "heroku run" + app(c), env);
      }
    } else if (sub.equals("pg:psql") || sub.equals("psql")) {
      Arg sql = c.value("-c", "--command");
      if (sql != null) {
        ctx.sql(inv, sql, env);
      } else if (c.stdinFed() && inv.input() instanceof Invocation.Input in) {
        ctx.sql(inv, in.text(), env);
      } else {
        c.write("shell.platform.write", "connect", "database", env, "opens a psql session");
      }
    } else if ((sub.equals("ps:scale") || sub.equals("scale"))
        && c.words().stream().skip(1).anyMatch(a -> a.value().matches("\\w+=0(:.*)?"))) {
      c.report(
          "shell.platform.heroku-scale-to-zero",
          Severity.DESTRUCTIVE,
          "scale",
          "app" + app(c),
          env,
          "heroku " + sub + " to 0 stops every dyno of that process type: the app goes down");
    } else if (!HEROKU.report(c, 0, env, note)) {
      if (HEROKU_READS.contains(sub)) {
        c.read("shell.platform.read", "app" + app(c), env, "heroku " + sub + " only reads");
      } else if (!c.unlistedDelete("platform", 2, env) && !sub.isEmpty()) {
        c.write(
            "shell.platform.write",
            sub,
            "app" + app(c),
            env,
            "heroku " + sub + " deploys or configures; it deletes nothing by itself");
      }
    }
  }
}
