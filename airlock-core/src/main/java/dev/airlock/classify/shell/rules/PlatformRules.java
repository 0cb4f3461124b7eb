package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Set;

/**
 * Application platforms: Railway, Fly.io and Heroku here; Vercel, Netlify, Firebase, DigitalOcean,
 * Cloudflare Wrangler, Neon and PlanetScale in {@link HostingCommands}. Deleting a volume,
 * database, bucket, app, environment or project is catastrophic; removing a deployment, a service
 * or a variable is destructive; deploys are safe writes and status and logs are reads. Commands run
 * on the platform ({@code heroku run}, {@code fly ssh console -C}, {@code railway ssh}, {@code
 * railway run}) are judged as the commands they run.
 *
 * <p>A Railway volume belongs to the project and is attached to every environment; {@code railway
 * volume delete} takes no environment and reaches production whatever {@code -e} says (the April
 * 2026 incident), so it is always reported against production.
 */
public final class PlatformRules implements CommandRules {

  private static final String[] RAILWAY_VALUES =
      CloudCall.arrayOf(
          "-s --service -e --environment -p --project -v --volume -b --bucket --2fa-code -m "
              + "--mount-path -n --name --duplicate -i --identity-file --local-dir --session "
              + "--deployment-instance -r --region --set --set-from-stdin");

  private static final String[] FLY_VALUES =
      CloudCall.arrayOf(
          "-a --app -c --config -r --region -s --size --image -i --vm-size --vm-memory -t "
              + "--access-token -C --command -o --org --snapshot-id --machine --process-group -u "
              + "--user --select");

  private static final String[] HEROKU_VALUES =
      CloudCall.arrayOf(
          "-a --app -r --remote -s --size -e --env --confirm -c --command --type -n --num "
              + "--source -p --ps --region --team --space -d --dyno");

  private static final Set<String> RAILWAY_OWN =
      CloudCall.setOf(
          "-s --service -e --environment -p --project --session --deployment-instance -i "
              + "--identity-file");

  private static final String VOLUME_NOTE =
      "; a Railway volume belongs to the project and is attached to every environment, so this"
          + " reaches production";

  private static final CloudTable RAILWAY =
      CloudTable.of(
          "platform",
          "railway-",
          """
          volume|volumes delete|remove|rm => catastrophic volume-delete delete volume \
          -v,--volume : deletes {} and every backup stored on it
          volume|volumes detach => destructive volume-detach detach volume -v,--volume : \
          detaches {} from its service, which runs without that data until it is attached again
          volume|volumes upload|up|put => destructive volume-upload overwrite volume \
          -v,--volume : writes files onto {}, replacing what is there
          bucket|buckets delete|remove|rm => catastrophic bucket-delete delete bucket \
          -b,--bucket : deletes {} and permanently every object in it
          environment|env delete|remove|rm => catastrophic environment-delete delete \
          environment : deletes {} with its service deployments, variables and volume instances
          delete => catastrophic project-delete delete project -p,--project : deletes {} with \
          every environment, service, database and volume in it
          project|projects delete|remove|rm => catastrophic project-delete delete project \
          -p,--project : deletes {} with every environment, service, database and volume in it
          down => destructive down remove service -s,--service : removes the most recent \
          successful deployment of {}
          service|services delete|remove|rm => destructive service-delete delete service \
          -s,--service : deletes {} and all its deployments from the environment
          variable|variables|vars|var delete|rm|remove => destructive variable-delete delete \
          variable : deletes {}; the service redeploys without it
          variable|variables|vars|var set => destructive variable-set overwrite variable : sets \
          {}, replacing the previous value, which is not kept; the service redeploys
          functions|function|func|fn|funcs|fns delete|remove|rm => destructive function-delete \
          delete function : deletes {}
          """);

  private static final Set<String> RAILWAY_READS =
      CloudCall.setOf(
          "logs status list ls whoami docs open completion metrics usage info files "
              + "download dl get browse credentials");

  @Override
  public String name() {
    return "platform";
  }

  @Override
  public Set<String> programs() {
    return CloudCall.setOf(
        "railway fly flyctl heroku vercel netlify firebase doctl wrangler neonctl neon "
            + "pscale");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    switch (inv.program()) {
      case "railway" -> railway(inv, ctx);
      case "fly", "flyctl" -> FlyHerokuCommands.fly(inv, ctx, FLY_VALUES);
      case "heroku" -> FlyHerokuCommands.heroku(inv, ctx, HEROKU_VALUES);
      default -> HostingCommands.classify(inv, ctx);
    }
  }

  private static void railway(Invocation inv, ShellContext ctx) {
    CloudCall c = new CloudCall(inv, ctx, RAILWAY_VALUES);
    if (c.helpRequested(true)) {
      c.help("platform");
      return;
    }
    Environment env = c.markers("-e", "--environment", "-p", "--project");
    String sub = c.word(0);
    String note = c.noPrompt("--yes", "-y");
    CloudTable.Row row = RAILWAY.match(c, 0);
    if (row != null && row.rule().endsWith("volume-delete")) {
      RAILWAY.report(c, 0, Environment.PRODUCTION, note + VOLUME_NOTE);
      return;
    }
    if (row != null) {
      RAILWAY.report(c, 0, env, note);
      return;
    }
    switch (sub) {
      case "run", "local" -> {
        List<Arg> argv = c.trailingCommand(sub, RAILWAY_OWN, Set.of(), false);
        if (!argv.isEmpty()) {
          ctx.command(inv, argv, "railway run" + environmentNote(c), env);
        }
      }
      case "ssh" -> {
        Arg code = c.joined(c.trailingCommand(sub, RAILWAY_OWN, Set.of(), false));
        if (code != null) {
          ctx.shell(inv, code, "railway ssh" + environmentNote(c), env);
        } else {
          c.write("shell.platform.write", "ssh", "service", env, "railway ssh opens a shell");
        }
      }
      case "connect" -> {
        Invocation.Input in = inv.input();
        String service = c.raw(1);
        if (in != null && in.kind() != Invocation.InputKind.FILE) {
          ctx.sql(inv, in.text(), env.combine(c.wordMarkers(1)));
        } else {
          c.write(
              "shell.platform.write",
              "connect",
              "database " + service,
              env,
              "railway connect opens an interactive database shell; nothing runs without input");
        }
      }
      case "variable", "variables", "vars", "var" -> {
        if (c.value("--set", "--set-from-stdin") != null) {
          String key = c.text("--set", "--set-from-stdin");
          int eq = key.indexOf('=');
          c.report(
              "shell.platform.railway-variable-set",
              Severity.DESTRUCTIVE,
              "overwrite",
              "variable " + (eq > 0 ? key.substring(0, eq) : key),
              env,
              "sets variable "
                  + (eq > 0 ? key.substring(0, eq) : key)
                  + ", replacing the previous value, which is not kept; the service redeploys");
        } else {
          c.read("shell.platform.read", "variables", env, "railway variables lists variables");
        }
      }
      case "bucket", "buckets" -> {
        if (c.flag("--reset")) {
          c.report(
              "shell.platform.railway-credentials-reset",
              Severity.DESTRUCTIVE,
              "reset",
              "bucket credentials",
              env,
              "resets the bucket's S3 credentials: everything using the old ones loses access");
        } else {
          railwayDefault(c, env);
        }
      }
      default -> railwayDefault(c, env);
    }
  }

  private static void railwayDefault(CloudCall c, Environment env) {
    String last = c.word(c.size() > 1 && !c.word(0).equals("logs") ? 1 : 0);
    if (RAILWAY_READS.contains(c.word(0)) || RAILWAY_READS.contains(last)) {
      c.read("shell.platform.read", "", env, "railway " + c.word(0) + " only reads");
    } else if (!c.unlistedDelete("platform", 3, env) && !c.word(0).isEmpty()) {
      c.write(
          "shell.platform.write",
          c.word(0),
          "",
          env,
          "railway " + c.word(0) + " deploys, links or configures; it deletes nothing by itself");
    }
  }

  private static String environmentNote(CloudCall c) {
    String e = c.text("-e", "--environment");
    return e.isEmpty() ? "" : " -e " + e;
  }
}
