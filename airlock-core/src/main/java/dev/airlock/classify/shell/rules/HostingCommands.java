package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hosting and database platforms: Vercel, Netlify, Firebase, DigitalOcean ({@code doctl}),
 * Cloudflare ({@code wrangler}), Neon ({@code neonctl}) and PlanetScale ({@code pscale}). Whole
 * projects, sites, databases, buckets, volumes and clusters are catastrophic to delete; single
 * deployments, variables, functions and objects are destructive. SQL given to {@code wrangler d1
 * execute --command} goes to the SQL classifier, against development when {@code --local}.
 */
final class HostingCommands {

  private HostingCommands() {}

  private static final String[] VALUES =
      CloudCall.arrayOf(
          "--scope -S --token -t -A --local-config --global-config -Q --environment "
              + "--target --env -e --build-env -b --meta -m --regions --cwd --team -T --context "
              + "--site --auth --dir --functions --alias --filter --message --account-slug "
              + "--project -P --only --except --region --instance --database --config -c "
              + "--account --access-token -u --api-url -o --output --format --size --image "
              + "--ssh-command --ssh-user --ssh-key-path --ssh-port --project-id --name --command "
              + "--file --namespace-id --binding --jurisdiction --location --account-id --var "
              + "--persist-to --branch --org-id --api-key --context-file --config-dir --role "
              + "--parent --org --service-token --service-token-id --from --timestamp --bookmark");

  private static final CloudTable VERCEL =
      CloudTable.of(
          "platform",
          "vercel-",
          """
          project|projects rm|remove => catastrophic project-delete delete project : deletes \
          Vercel {} with its deployments, domains and variables
          domains|domain|dns|alias|aliases|certs|cert|secrets|secret|integration rm|remove => \
          destructive config-remove delete entry : removes {}
          env rm|remove => destructive env-remove delete environment_variable : removes {}
          blob del|rm|delete => destructive blob-delete delete blob : deletes {}
          blob store remove|rm|delete => catastrophic blob-store-delete delete blob_store : \
          deletes {} and every file in it
          """);

  private static final CloudTable NETLIFY =
      CloudTable.of(
          "platform",
          "netlify-",
          """
          sites:delete => catastrophic site-delete delete site : deletes Netlify {} with all \
          its deploys
          env:unset|env:delete|env:remove => destructive env-unset delete environment_variable \
          : removes {}
          env:set => destructive env-set overwrite environment_variable : sets {}, replacing \
          the previous value
          blobs:delete => destructive blob-delete delete blob : deletes {}
          """);

  private static final CloudTable FIREBASE =
      CloudTable.of(
          "platform",
          "firebase-",
          """
          firestore:databases:delete => catastrophic firestore-database-delete delete \
          Firestore_database : deletes {} and every document in it
          firestore:backups:delete => catastrophic backup-delete delete backup : deletes \
          Firestore {}{backup}
          functions:delete => destructive functions-delete delete function : deletes {}
          hosting:disable => destructive hosting-disable disable hosting_site : stops serving \
          the site: visitors get a 404
          hosting:sites:delete|hosting:channel:delete|ext:uninstall|apps:delete => destructive \
          delete delete resource : deletes {}
          """);

  private static final CloudTable DOCTL =
      CloudTable.of(
          "platform",
          "doctl-",
          """
          compute droplet|droplets|d delete|d|rm => catastrophic droplet-delete delete droplet \
          : deletes {} and its disk
          compute volume|volumes delete|d|rm => catastrophic volume-delete delete volume : \
          deletes block storage {}, destroying all of its data; this is irreversible
          compute snapshot|snapshots delete|d|rm => catastrophic snapshot-delete delete \
          snapshot : deletes {}{backup}
          databases|database|db|dbs delete|d|rm => catastrophic database-delete delete \
          database_cluster : deletes {} with every database in it
          databases|database|db|dbs db delete|d|rm => catastrophic database-delete delete \
          database : deletes a database of cluster {}
          kubernetes|k8s|kube|k cluster|clusters|c delete|d|rm => catastrophic cluster-delete \
          delete Kubernetes_cluster : deletes {} and every workload on it
          registry|registries|reg delete|d|rm => catastrophic registry-delete delete registry \
          : deletes the container registry and every image in it
          projects|project delete|d|rm => destructive project-delete delete project : deletes \
          {}; DigitalOcean refuses while it has resources
          apps|app delete|d|rm => destructive app-delete delete app : deletes App Platform {}
          """);

  private static final CloudTable WRANGLER =
      CloudTable.of(
          "platform",
          "wrangler-",
          """
          d1 delete => catastrophic d1-delete delete D1_database : deletes {} and all its data
          d1 time-travel restore => destructive d1-restore overwrite D1_database : rewinds {}: \
          every write since then is lost
          r2 bucket delete => catastrophic r2-bucket-delete delete R2_bucket : deletes {}
          r2 object delete => destructive r2-object-delete delete R2_object : deletes {}
          kv namespace delete => catastrophic kv-namespace-delete delete KV_namespace \
          --namespace-id,--binding : deletes {} and every key in it
          kv:namespace delete => catastrophic kv-namespace-delete delete KV_namespace \
          --namespace-id,--binding : deletes {} and every key in it
          kv key|bulk delete => destructive kv-delete delete KV_keys : deletes {}
          kv:key|kv:bulk delete => destructive kv-delete delete KV_keys : deletes {}
          vectorize delete => catastrophic vectorize-delete delete Vectorize_index : deletes {} \
          and its vectors
          delete => destructive worker-delete delete Worker --name : deletes {} and its routes
          secret|queues|hyperdrive delete => destructive delete delete resource : deletes {}
          pages project|deployment delete => destructive pages-delete delete Pages_resource : \
          deletes {}
          """);

  private static final CloudTable NEON =
      CloudTable.of(
          "platform",
          "neon-",
          """
          projects|project delete => catastrophic project-delete delete project : deletes Neon \
          {} with every branch and database in it
          databases|database|db delete => catastrophic database-delete delete database : \
          deletes {} and all its data
          roles|role delete => destructive role-delete delete role : deletes {}
          """);

  private static final CloudTable PSCALE =
      CloudTable.of(
          "platform",
          "pscale-",
          """
          database|db delete => catastrophic database-delete delete database : deletes \
          PlanetScale {} with every branch and backup
          backup|backups delete => catastrophic backup-delete delete backup : deletes {}{backup}
          password|passwords delete => destructive password-delete delete password : deletes {}
          """);

  private static final java.util.Map<String, CloudTable> TABLES =
      java.util.Map.of(
          "vercel",
          VERCEL,
          "netlify",
          NETLIFY,
          "firebase",
          FIREBASE,
          "doctl",
          DOCTL,
          "wrangler",
          WRANGLER,
          "neonctl",
          NEON,
          "neon",
          NEON,
          "pscale",
          PSCALE);

  private static final Set<String> READS =
      CloudCall.setOf(
          "ls list logs inspect whoami status get info show tail connection-string cs me "
              + "open sites:list env:list env:get projects:list functions:list functions:log "
              + "database:get apps:list firestore:indexes hosting:channel:list help");

  static void classify(Invocation inv, ShellContext ctx) {
    CloudCall c = new CloudCall(inv, ctx, VALUES);
    if (c.helpRequested(true)) {
      c.help("platform");
      return;
    }
    String p = inv.program();
    Environment env =
        c.markers(
            "--environment",
            "--target",
            "--env",
            "-e",
            "--context",
            "--site",
            "--project",
            "-P",
            "--scope",
            "--branch",
            "--project-id",
            "--org");
    if (p.equals("vercel")) {
      env = env.combine(c.wordMarkers(1));
    }
    if (c.flag("--prod") || c.flag("-p") && p.equals("netlify")) {
      env = env.combine(Environment.PRODUCTION);
    }
    String note = c.noPrompt("--yes", "-y", "--force", "--confirm", "--dangerous");
    String sub = c.word(0);
    boolean handled =
        switch (p) {
          case "vercel" -> vercel(c, sub, env, note);
          case "firebase" -> firebase(c, sub, env, note);
          case "wrangler" -> wrangler(c, inv, ctx, sub, env);
          case "neonctl", "neon", "pscale" -> branches(c, inv, ctx, sub, env, note);
          case "doctl" -> doctl(c, inv, ctx, env);
          default -> netlify(c, sub, env);
        };
    CloudTable table = TABLES.get(p);
    if (handled || table != null && table.report(c, 0, env, note)) {
      return;
    }
    if (p.equals("vercel") && (sub.isEmpty() || sub.equals("deploy"))) {
      c.write(
          "shell.platform.vercel-deploy",
          "deploy",
          "deployment",
          env,
          "vercel deploys the project" + (c.flag("--prod") ? " to production" : " as a preview"));
      return;
    }
    if (READS.contains(sub) || READS.contains(c.word(1)) || READS.contains(c.word(2))) {
      c.read("shell.platform.read", "", env, p + " " + sub + " only reads");
    } else if (!c.unlistedDelete("platform", 3, env) && !sub.isEmpty()) {
      c.write(
          "shell.platform.write",
          sub,
          "",
          env,
          p + " " + sub + " deploys or configures; it deletes nothing by itself");
    }
  }

  /** {@code vercel rm}: a deployment URL is one deployment, a bare name every deployment. */
  private static boolean vercel(CloudCall c, String sub, Environment env, String note) {
    if (!sub.equals("rm") && !sub.equals("remove")) {
      return false;
    }
    List<Arg> names = c.words().subList(Math.min(1, c.size()), c.size());
    boolean project = names.stream().anyMatch(a -> !a.value().contains("."));
    String first = names.isEmpty() ? "" : names.getFirst().value();
    c.report(
        project ? "shell.platform.vercel-remove-project" : "shell.platform.vercel-remove",
        project ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
        "delete",
        (project ? "project " : "deployment ") + first,
        env.combine(c.wordMarkers(1)),
        project
            ? "vercel remove " + first + " removes every deployment of the project" + note
            : "vercel remove deletes the deployment " + first + note);
    return true;
  }

  private static boolean netlify(CloudCall c, String sub, Environment env) {
    if (!sub.equals("api") || !c.word(1).startsWith("delete")) {
      return false;
    }
    boolean site = c.word(1).equals("deletesite");
    c.report(
        "shell.platform.netlify-api-delete",
        site ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
        "delete",
        c.raw(1),
        env,
        "netlify api " + c.raw(1) + (site ? " deletes a whole site" : " deletes through the API"));
    return true;
  }

  /** Firestore and Realtime Database deletes: how much of the database a path covers. */
  private static boolean firebase(CloudCall c, String sub, Environment env, String note) {
    String path = c.raw(1);
    String trimmed = path.replaceAll("^/+|/+$", "");
    boolean root = trimmed.isEmpty();
    switch (sub) {
      case "firestore:delete" -> {
        boolean all = c.flag("--all-collections");
        boolean recursive = c.flag("-r", "--recursive");
        boolean collection = !root && trimmed.split("/").length % 2 == 1;
        boolean wide = all || recursive || collection;
        c.report(
            all
                ? "shell.platform.firebase-firestore-delete-all"
                : "shell.platform.firebase-firestore-delete",
            wide ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
            "delete",
            all ? "Firestore database" : "path " + path,
            env,
            (all
                    ? "firebase firestore:delete --all-collections deletes the entire Firestore"
                        + " database"
                    : "firebase firestore:delete deletes "
                        + (collection ? "every document in collection " : "the document ")
                        + path
                        + (recursive ? " and everything under it" : ""))
                + note);
        return true;
      }
      case "database:remove", "database:set" -> {
        boolean set = sub.equals("database:set");
        c.report(
            "shell.platform.firebase-" + (set ? "database-set" : "database-remove"),
            root ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
            set ? "overwrite" : "delete",
            "path " + (path.isEmpty() ? "/" : path),
            env,
            "firebase "
                + sub
                + (root
                    ? (set ? " replaces" : " removes") + " the whole Realtime Database"
                    : (set ? " overwrites " : " removes ") + path + " and everything under it")
                + note);
        return true;
      }
      case "deploy" -> {
        if (c.flag("--force", "-f")) {
          c.report(
              "shell.platform.firebase-deploy-force",
              Severity.DESTRUCTIVE,
              "deploy",
              "project",
              env,
              "firebase deploy --force deletes deployed functions missing from the source,"
                  + " without asking");
          return true;
        }
        return false;
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean wrangler(
      CloudCall c, Invocation inv, ShellContext ctx, String sub, Environment env) {
    if (!sub.equals("d1") || !c.word(1).equals("execute")) {
      return false;
    }
    String db = c.raw(2);
    Environment target =
        c.flag("--local") && !c.flag("--remote")
            ? Environment.DEVELOPMENT
            : env.combine(EnvironmentMarkers.of(db));
    Arg sql = c.value("--command");
    if (sql != null) {
      ctx.sql(inv, sql, target);
    } else if (!c.text("--file").isEmpty()) {
      if (target == Environment.DEVELOPMENT) {
        c.write(
            "shell.platform.write",
            "execute",
            "D1 database " + db,
            target,
            "wrangler d1 execute --local runs a SQL file against the local database");
      } else {
        c.report(
            "shell.platform.wrangler-d1-execute-file",
            Severity.UNKNOWN,
            "execute",
            "D1 database " + db,
            target,
            "wrangler d1 execute runs the SQL file "
                + c.text("--file")
                + " against "
                + db
                + "; Airlock reads no files, so what it does is not known");
      }
    }
    return true;
  }

  /** Neon and PlanetScale branches: deleting or resetting the main branch loses the data. */
  private static boolean branches(
      CloudCall c, Invocation inv, ShellContext ctx, String sub, Environment env, String note) {
    String p = inv.program();
    if (p.equals("pscale")
        && sub.equals("shell")
        && c.stdinFed()
        && inv.input() instanceof Invocation.Input in) {
      ctx.sql(inv, in.text(), env.combine(c.wordMarkers(1)));
      return true;
    }
    boolean branch = Set.of("branches", "branch").contains(sub);
    String verb = c.word(1);
    if (!branch || !Set.of("delete", "rm", "remove", "reset", "restore").contains(verb)) {
      return false;
    }
    String name = p.equals("pscale") ? c.raw(3) : c.raw(2);
    String lower = name.toLowerCase(Locale.ROOT);
    boolean main =
        lower.equals("main")
            || lower.equals("master")
            || EnvironmentMarkers.of(name) == Environment.PRODUCTION;
    boolean reset = verb.equals("reset") || verb.equals("restore");
    c.report(
        "shell.platform."
            + (p.equals("pscale") ? "pscale" : "neon")
            + "-branch-"
            + (reset ? "reset" : "delete"),
        main ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
        reset ? "reset" : "delete",
        "branch " + name,
        env.combine(c.wordMarkers(2)),
        p
            + " "
            + sub
            + " "
            + verb
            + " "
            + (reset
                ? "resets branch " + name + ": every change made on it is lost"
                : "deletes branch " + name + " and the data on it")
            + (main ? "; it is the main branch" : "")
            + note);
    return true;
  }

  private static boolean doctl(CloudCall c, Invocation inv, ShellContext ctx, Environment env) {
    if (c.word(0).equals("compute") && c.word(1).equals("ssh")) {
      Arg code = c.value("--ssh-command");
      if (code != null) {
        ctx.shell(inv, code, "doctl compute ssh " + c.raw(2), env.combine(c.wordMarkers(2)));
        return true;
      }
    }
    return false;
  }
}
