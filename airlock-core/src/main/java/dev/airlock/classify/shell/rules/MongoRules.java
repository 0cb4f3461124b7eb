package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.Targets.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The MongoDB shells and tools: {@code mongosh}/{@code mongo} with JavaScript given by {@code
 * --eval} or on standard input (judged by {@link MongoCalls}), and {@code mongorestore}, {@code
 * mongoimport}, {@code mongodump}, {@code mongoexport}, {@code mongofiles}. The connection string,
 * {@code --host} and {@code --db} name the environment; passwords are masked.
 */
public final class MongoRules implements CommandRules {

  private static final String[] VALUES = {
    "--host",
    "--port",
    "-u",
    "--username",
    "--authenticationDatabase",
    "--authenticationMechanism",
    "--eval",
    "-f",
    "--file",
    "--apiVersion",
    "--tlsCAFile",
    "--tlsCertificateKeyFile",
    "--tlsCRLFile",
    "--tlsDisabledProtocols",
    "--awsAccessKeyId",
    "--gssapiServiceName",
    "--sspiHostnameCanonicalization",
    "--sspiRealmOverride",
    "--keyVaultNamespace",
    "--kmsURL",
    "--cryptSharedLibPath",
    "--csfleLibraryPath",
    "--oidcFlows",
    "--oidcRedirectUri",
    "--browser",
    "--uri",
    "-h",
    "-d",
    "--db",
    "-c",
    "--collection",
    "--nsInclude",
    "--nsExclude",
    "--nsFrom",
    "--nsTo",
    "--archive",
    "--dir",
    "-o",
    "--out",
    "--type",
    "--mode",
    "--fields",
    "-q",
    "--query",
    "--numParallelCollections",
    "-j",
    "--numInsertionWorkersPerCollection",
    "--writeConcern",
    "--readPreference",
    "--local",
    "--prefix",
    "--replace",
    "--sslCAFile",
    "--sslPEMKeyFile",
    "--config",
    "--upsertFields"
  };

  /** Options whose value is a credential. */
  private static final Set<String> SECRETS =
      Set.of(
          "-p",
          "--password",
          "--tlsCertificateKeyFilePassword",
          "--sslPEMKeyPassword",
          "--awsSecretAccessKey",
          "--awsSessionToken",
          "--awsIamSessionToken");

  @Override
  public String name() {
    return "mongo";
  }

  @Override
  public Set<String> programs() {
    return Set.of(
        "mongosh",
        "mongo",
        "mongorestore",
        "mongoimport",
        "mongodump",
        "mongoexport",
        "mongofiles");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Reporter r = new Reporter("mongo", inv, ctx);
    List<Arg> args = withoutSecrets(r, inv.args());
    ArgView v = ArgView.of(args, VALUES);
    Target t = Target.NONE;
    Arg first = v.positional(0);
    boolean shell = inv.program().equals("mongosh") || inv.program().equals("mongo");
    if (first != null
        && (Targets.isUrl(first.value())
            || shell && !first.value().endsWith(".js") && !first.value().endsWith(".mjs"))) {
      t = address(first.value());
    }
    Arg uri = v.value("--uri");
    if (uri != null) {
      t = address(uri.value()).or(t);
    }
    Arg host = v.value("--host", "-h");
    if (host != null) {
      t = address(host.value()).or(t);
    }
    t = t.database(Cli.value(v.value("--db", "-d", "--authenticationDatabase")));
    t.markInto(r);
    if (v.flag("--version", "--help")) {
      r.read("version", "help", "", inv.program() + " only prints its version or help");
      return;
    }
    if (shell) {
      shell(r, v, t);
    } else {
      tool(r, v, t);
    }
    r.finish("command", "run", "nothing destructive recognised");
  }

  /** A connection string, {@code host:port/db}, {@code replset/host1,host2}, or a database. */
  private static Target address(String a) {
    if (Targets.isUrl(a)) {
      return Targets.url(a);
    }
    String s = a;
    int slash = s.indexOf('/');
    if (slash > 0
        && (s.indexOf('.') > 0 && s.indexOf('.') < slash
            || s.indexOf(':') > 0 && s.indexOf(':') < slash)) {
      return new Target(Targets.stripPorts(s.substring(0, slash)), s.substring(slash + 1));
    }
    if (slash > 0) {
      return new Target(Targets.stripPorts(s.substring(slash + 1)), "");
    }
    if (s.indexOf('.') > 0 || s.indexOf(':') > 0 || s.equals("localhost")) {
      return new Target(Targets.stripPorts(s), "");
    }
    return new Target("", s);
  }

  private static List<Arg> withoutSecrets(Reporter r, List<Arg> args) {
    List<Arg> out = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      int eq = v.indexOf('=');
      String name = eq > 0 && v.startsWith("--") ? v.substring(0, eq) : v;
      if (SECRETS.contains(name)) {
        if (eq > 0 && v.startsWith("--")) {
          if (!v.startsWith("$", eq + 1)) {
            r.secret(a, name + "=");
          }
        } else if (i + 1 < args.size() && !args.get(i + 1).isOption()) {
          Arg secret = args.get(++i);
          if (!secret.value().startsWith("$")) {
            r.secret(secret);
          }
        }
        continue;
      }
      out.add(a);
    }
    return out;
  }

  private static void shell(Reporter r, ArgView v, Target t) {
    Invocation inv = r.invocation();
    String db = t.database().isEmpty() ? "test" : t.database();
    String server = t.host().isEmpty() ? "the default MongoDB server" : t.host();
    List<Arg> evals = v.values("--eval");
    for (Arg e : evals) {
      MongoCalls.judge(r, e.value(), db, server, e.dynamic());
    }
    List<Arg> files = new ArrayList<>(v.values("-f", "--file"));
    for (Arg p : v.positionals()) {
      if (p.value().endsWith(".js") || p.value().endsWith(".mjs")) {
        files.add(p);
      }
    }
    for (Arg f : files) {
      r.unknown(
          "script-file",
          "run-script",
          "database " + db + " on " + server,
          "runs the mongosh script " + f.value() + ", which Airlock cannot see");
    }
    if (!evals.isEmpty() || !files.isEmpty()) {
      return;
    }
    Invocation.Input in = inv.input();
    if (in == null) {
      r.read(
          "interactive",
          "open-session",
          "database " + db + " on " + server,
          "opens an interactive session");
    } else if (DatabaseCliRules.literal(in)) {
      MongoCalls.judge(r, in.text(), db, server, false);
    } else {
      r.unknown(
          "script-piped",
          "run-script",
          "database " + db + " on " + server,
          "runs mongosh commands from "
              + (in.kind() == Invocation.InputKind.FILE
                  ? in.text()
                  : "`" + DatabaseCliRules.oneLine(in.text()) + "`")
              + ", which Airlock cannot see");
    }
  }

  private static void tool(Reporter r, ArgView v, Target t) {
    String p = r.invocation().program();
    String coll = Cli.value(v.value("-c", "--collection"));
    String ns = Cli.value(v.value("--nsInclude"));
    String what =
        ns != null
            ? "namespace " + ns
            : coll != null ? "collection " + t.database() + "." + coll : t.describe("database");
    if (ns != null || coll != null) {
      what = t.host().isEmpty() ? what : what + " on " + t.host();
    }
    switch (p) {
      case "mongodump", "mongoexport" ->
          r.read("dump", "dump", what, p + " only reads data out of the database");
      case "mongorestore" -> {
        if (v.flag("--drop")) {
          r.add(
              "restore-drop",
              "restore",
              what,
              Severity.DESTRUCTIVE,
              "mongorestore --drop drops each collection before restoring it: documents written"
                  + " since the dump are lost");
        } else {
          r.write(
              "restore", "restore", what, "mongorestore inserts documents without dropping any");
        }
      }
      case "mongoimport" -> {
        String mode = Cli.value(v.value("--mode"));
        if (v.flag("--drop")) {
          r.add(
              "import-drop",
              "import",
              what,
              Severity.DESTRUCTIVE,
              "mongoimport --drop drops the collection before importing into it");
        } else if ("delete".equals(mode)) {
          r.add(
              "import-delete",
              "delete",
              what,
              Severity.DESTRUCTIVE,
              "mongoimport --mode=delete deletes the documents that match the imported ones");
        } else {
          r.write("import", "import", what, "mongoimport adds or updates documents");
        }
      }
      default -> {
        String sub = v.word(0);
        if (sub.equals("delete") || sub.equals("delete_id")) {
          r.add(
              "files-delete",
              "delete",
              "GridFS file " + v.word(1) + " in " + t.describe("database"),
              Severity.DESTRUCTIVE,
              "mongofiles " + sub + " deletes a stored file");
        } else if (sub.equals("put") || sub.equals("put_id")) {
          r.write("files-put", "put", t.describe("database"), "stores a file in GridFS");
        } else {
          r.read("files", sub, t.describe("database"), "reads GridFS files");
        }
      }
    }
  }
}
