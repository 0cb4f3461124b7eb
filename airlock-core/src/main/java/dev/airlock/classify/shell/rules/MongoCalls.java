package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.rules.MongoScript.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Judges the method calls of a mongosh script: dropping a database or collection and deleting or
 * updating every document ({@code {}} filter) are catastrophic; filtered deletes, index and user
 * drops, {@code $out} and shutdowns are destructive; inserts and filtered updates are narrow
 * writes; everything else reads. A script that cannot be read, or calls a method by a computed
 * name, is not understood.
 */
final class MongoCalls {

  private MongoCalls() {}

  private static final Set<String> WRITES =
      Set.of(
          "replaceOne",
          "updateOne",
          "insertOne",
          "insertMany",
          "insert",
          "save",
          "findOneAndUpdate",
          "findOneAndReplace",
          "createIndex",
          "createIndexes",
          "ensureIndex",
          "createCollection",
          "createView",
          "hideIndex",
          "unhideIndex",
          "createUser",
          "updateUser",
          "changeUserPassword",
          "grantRolesToUser",
          "revokeRolesFromUser",
          "createRole",
          "setProfilingLevel",
          "killOp",
          "fsyncLock",
          "fsyncUnlock");

  private static final Set<String> DROPS =
      Set.of(
          "dropIndex",
          "dropIndexes",
          "dropUser",
          "dropAllUsers",
          "dropRole",
          "dropAllRoles",
          "dropSearchIndex",
          "shutdownServer");

  private static final Set<String> READ_COMMANDS =
      Set.of(
          "ping",
          "serverStatus",
          "dbStats",
          "collStats",
          "listCollections",
          "listDatabases",
          "hello",
          "isMaster",
          "ismaster",
          "buildInfo",
          "buildinfo",
          "find",
          "count",
          "aggregate",
          "distinct",
          "hostInfo",
          "getLog",
          "currentOp",
          "replSetGetStatus",
          "connectionStatus",
          "getParameter",
          "listIndexes",
          "explain",
          "dataSize",
          "top",
          "validate",
          "whatsmyuri",
          "getCmdLineOpts",
          "usersInfo",
          "rolesInfo",
          "getMore",
          "listCommands",
          "profile",
          "replSetGetConfig",
          "getShardMap",
          "listShards",
          "balancerStatus",
          "dbHash");

  private static final Set<String> DROP_COMMANDS =
      Set.of(
          "shutdown",
          "dropUser",
          "dropAllUsersFromDatabase",
          "dropRole",
          "dropAllRolesFromDatabase",
          "dropIndexes",
          "dropSearchIndex",
          "convertToCapped",
          "removeShard");

  private static final Set<String> WRITE_COMMANDS =
      Set.of(
          "update",
          "insert",
          "create",
          "createIndexes",
          "collMod",
          "compact",
          "setParameter",
          "fsync",
          "fsyncUnlock",
          "killOp",
          "killCursors",
          "killSessions",
          "replSetStepDown",
          "logRotate",
          "createUser",
          "updateUser",
          "grantRolesToUser",
          "revokeRolesFromUser",
          "createRole",
          "cloneCollectionAsCapped",
          "enableSharding",
          "shardCollection",
          "addShard",
          "balancerStart",
          "balancerStop",
          "refineCollectionShardKey");

  /** Judges a script run against {@code db} on {@code server}. */
  static void judge(Reporter r, String js, String db, String server, boolean dynamic) {
    String where = "database " + db + " on " + server;
    if (dynamic && DatabaseCliRules.hasSubstitution(js)) {
      r.unknown(
          "script-dynamic",
          "run-script",
          where,
          "the mongosh code includes the output of a command, known only when it runs");
      return;
    }
    MongoScript m = MongoScript.read(js);
    if (m.broken()) {
      r.unknown(
          "script-unreadable",
          "run-script",
          where,
          "the mongosh code could not be read (a string, comment or bracket does not close)");
      return;
    }
    if (m.dynamicCall()) {
      r.unknown(
          "script-dynamic-call",
          "run-script",
          where,
          "the mongosh code calls a method whose name is computed at run time");
    }
    boolean any = false;
    for (Call c : m.calls()) {
      String used = m.useBefore(c.at());
      any |= call(r, c, used == null ? db : used, server);
    }
    if (!any && !m.dynamicCall()) {
      r.read(
          "script-read", "query", where, "no write, drop or delete recognised in the mongosh code");
    }
  }

  /** Judges one call; true if it reported something. */
  private static boolean call(Reporter r, Call c, String db, String server) {
    String recv = c.receiver();
    String name = c.name();
    List<String> seg = segments(recv);
    String database = database(seg, db);
    String on = " on " + server;
    if (recv.equals("rs") || recv.equals("sh")) {
      return cluster(r, c, server);
    }
    String coll = collection(seg);
    String collection = "collection " + database + "." + (coll == null ? "?" : coll) + on;
    switch (name) {
      case "dropDatabase" ->
          r.add(
              "drop-database",
              "drop-database",
              "database " + database + on,
              Severity.CATASTROPHIC,
              "dropDatabase() deletes database " + database + " with every collection in it");
      case "drop" ->
          r.add(
              "drop-collection",
              "drop-collection",
              collection,
              Severity.CATASTROPHIC,
              "drop() deletes " + collection + " with all its documents and indexes");
      case "deleteMany", "remove" -> {
        boolean justOne =
            name.equals("remove")
                && c.args().size() > 1
                && (c.args().get(1).equals("true")
                    || c.args().get(1).replace(" ", "").contains("justOne:true"));
        if (MongoScript.emptyFilter(c.args()) && !justOne) {
          r.add(
              "delete-all",
              "delete",
              collection,
              Severity.CATASTROPHIC,
              name + "() with an empty filter deletes every document of " + collection);
        } else {
          r.add(
              "delete",
              "delete",
              collection,
              Severity.DESTRUCTIVE,
              name + "() deletes the documents of " + collection + " matching " + filter(c));
        }
      }
      case "deleteOne", "findOneAndDelete", "findAndRemove" ->
          r.add(
              "delete",
              "delete",
              collection,
              Severity.DESTRUCTIVE,
              name + "() deletes a document of " + collection + " matching " + filter(c));
      case "findAndModify" -> {
        if (c.argsText().contains("remove")) {
          r.add(
              "delete",
              "delete",
              collection,
              Severity.DESTRUCTIVE,
              "findAndModify() with remove deletes a document of " + collection);
        } else {
          r.write("write", "update", collection, "findAndModify() updates one document");
        }
      }
      case "updateMany", "update" -> {
        boolean all =
            MongoScript.emptyFilter(c.args())
                && (name.equals("updateMany")
                    || c.argsText().replace(" ", "").contains("multi:true"));
        if (all) {
          r.add(
              "update-all",
              "update",
              collection,
              Severity.CATASTROPHIC,
              name + "() with an empty filter rewrites every document of " + collection);
        } else {
          r.write(
              "write",
              "update",
              collection,
              name + "() updates the documents matching " + filter(c));
        }
      }
      case "bulkWrite" -> {
        if (c.argsText().contains("delete")) {
          r.add(
              "bulk-delete",
              "delete",
              collection,
              Severity.DESTRUCTIVE,
              "bulkWrite() includes deletes in " + collection);
        } else {
          r.write("write", "bulk-write", collection, "bulkWrite() inserts or updates documents");
        }
      }
      case "renameCollection" -> {
        if (c.args().size() > 1 && c.args().get(1).equals("true")) {
          r.add(
              "rename-drop-target",
              "rename",
              collection,
              Severity.DESTRUCTIVE,
              "renameCollection() with dropTarget deletes the collection it renames onto");
        } else {
          r.write("write", "rename", collection, "renames a collection");
        }
      }
      case "aggregate" -> {
        if (c.argsText().contains("$out")) {
          r.add(
              "aggregate-out",
              "replace-collection",
              collection,
              Severity.DESTRUCTIVE,
              "an aggregation with $out replaces its target collection with the results");
        } else if (c.argsText().contains("$merge")) {
          r.write(
              "write", "merge", collection, "an aggregation with $merge writes into a collection");
        } else {
          return false;
        }
      }
      case "runCommand", "adminCommand" -> {
        return command(r, c, name.equals("adminCommand") ? "admin" : database, server);
      }
      case "eval", "load", "Function" -> {
        if (!recv.isEmpty()) {
          return false;
        }
        r.unknown(
            "script-eval",
            name,
            "database " + database + on,
            name + "() runs code Airlock cannot see");
      }
      case "Mongo", "connect" -> {
        String target = c.args().isEmpty() ? null : MongoScript.literal(c.args().get(0));
        r.mark(target == null ? "" : Targets.isUrl(target) ? Targets.url(target).host() : target);
        return false;
      }
      default -> {
        if (DROPS.contains(name)) {
          drop(r, name, collection, "database " + database + on);
        } else if (WRITES.contains(name)) {
          r.write(
              "write",
              Reporter.lower(name),
              name.contains("User") || name.contains("Role")
                  ? "database " + database + on
                  : collection,
              name + "() is a narrow write");
        } else {
          return false;
        }
      }
    }
    return true;
  }

  private static void drop(Reporter r, String name, String collection, String database) {
    switch (name) {
      case "dropIndex", "dropIndexes", "dropSearchIndex" ->
          r.add(
              "drop-index",
              "drop-index",
              collection,
              Severity.DESTRUCTIVE,
              name
                  + "() drops indexes of "
                  + collection
                  + "; queries and unique constraints"
                  + " relying on them break");
      case "dropUser", "dropAllUsers" ->
          r.add(
              "drop-user",
              "drop-user",
              database,
              Severity.DESTRUCTIVE,
              name
                  + "() deletes database users of "
                  + database
                  + "; clients using them are cut off");
      case "dropRole", "dropAllRoles" ->
          r.add(
              "drop-role",
              "drop-role",
              database,
              Severity.DESTRUCTIVE,
              name + "() deletes roles of " + database + " and the privileges they grant");
      default ->
          r.add(
              "shutdown",
              "shutdown",
              database,
              Severity.DESTRUCTIVE,
              name + "() stops the MongoDB server; every client loses it");
    }
  }

  private static String filter(Call c) {
    String f = c.args().isEmpty() ? "" : c.args().get(0);
    return f.length() > 60 ? f.substring(0, 57) + "..." : f;
  }

  private static boolean cluster(Reporter r, Call c, String server) {
    String m = c.receiver() + "." + c.name();
    switch (m) {
      case "rs.remove", "sh.removeShard" ->
          r.add(
              "cluster-remove",
              "remove-member",
              server,
              Severity.DESTRUCTIVE,
              m + "() removes a member from the cluster");
      case "rs.reconfig", "rs.reconfigForPSASet" -> {
        if (c.argsText().contains("force")) {
          r.add(
              "cluster-force-reconfig",
              "reconfig",
              server,
              Severity.DESTRUCTIVE,
              m + "() with force can roll back writes the majority had not seen");
        } else {
          r.write("cluster", "reconfig", server, m + "() changes the replica set configuration");
        }
      }
      default -> {
        if (c.name().startsWith("status")
            || c.name().startsWith("get")
            || c.name().startsWith("is")
            || c.name().equals("conf")
            || c.name().equals("config")
            || c.name().equals("help")
            || c.name().startsWith("print")) {
          return false;
        }
        r.write("cluster", Reporter.lower(c.name()), server, m + "() changes cluster settings");
      }
    }
    return true;
  }

  private static boolean command(Reporter r, Call c, String db, String server) {
    String arg = c.args().isEmpty() ? "" : c.args().get(0);
    String cmd = MongoScript.literal(arg);
    String value = "";
    if (cmd == null && arg.startsWith("{")) {
      int colon = arg.indexOf(':');
      if (colon > 1) {
        String key = arg.substring(1, colon).strip();
        String lit = MongoScript.literal(key);
        cmd = lit != null ? lit : key;
        int end = colon + 1;
        while (end < arg.length() && arg.charAt(end) != ',' && arg.charAt(end) != '}') {
          end++;
        }
        String raw = arg.substring(colon + 1, end).strip();
        String lv = MongoScript.literal(raw);
        value = lv != null ? lv : raw;
      }
    }
    String where = "database " + db + " on " + server;
    String compact = c.argsText().replace(" ", "").replace("\n", "");
    if (cmd == null) {
      r.unknown(
          "command-unknown",
          "run-command",
          where,
          c.name() + "() runs a command Airlock cannot read");
      return true;
    }
    switch (cmd) {
      case "dropDatabase" ->
          r.add(
              "drop-database",
              "drop-database",
              where,
              Severity.CATASTROPHIC,
              "the dropDatabase command deletes database " + db);
      case "drop" ->
          r.add(
              "drop-collection",
              "drop-collection",
              "collection " + db + "." + value + " on " + server,
              Severity.CATASTROPHIC,
              "the drop command deletes collection " + value);
      case "delete" -> {
        boolean all = compact.contains("q:{}");
        r.add(
            all ? "delete-all" : "delete",
            "delete",
            "collection " + db + "." + value + " on " + server,
            all ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
            all
                ? "the delete command with an empty filter deletes every document"
                : "the delete command deletes documents");
      }
      case "renameCollection" -> {
        if (compact.contains("dropTarget:true")) {
          r.add(
              "rename-drop-target",
              "rename",
              where,
              Severity.DESTRUCTIVE,
              "renameCollection with dropTarget deletes the target");
        } else {
          r.write("write", "rename", where, "renames a collection");
        }
      }
      case "findAndModify", "findandmodify" -> {
        if (compact.contains("remove:true")) {
          r.add(
              "delete",
              "delete",
              where,
              Severity.DESTRUCTIVE,
              "findAndModify with remove deletes a document");
        } else {
          r.write("write", "update", where, "findAndModify updates a document");
        }
      }
      default -> {
        if (DROP_COMMANDS.contains(cmd)) {
          r.add(
              "command-" + Reporter.lower(cmd),
              Reporter.lower(cmd),
              where,
              Severity.DESTRUCTIVE,
              "the "
                  + cmd
                  + " command "
                  + (cmd.equals("shutdown") ? "stops the server" : "removes what it names"));
        } else if (WRITE_COMMANDS.contains(cmd)) {
          r.write(
              "write",
              Reporter.lower(cmd),
              where,
              "the " + cmd + " command changes settings or data without deleting");
        } else if (READ_COMMANDS.contains(cmd)) {
          return false;
        } else {
          r.unknown(
              "command-unknown",
              Reporter.lower(cmd),
              where,
              "the " + cmd + " command is not one Airlock knows");
        }
      }
    }
    return true;
  }

  /** A receiver split at its top-level member accesses: {@code db.getSiblingDB('x').users}. */
  static List<String> segments(String recv) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i < recv.length(); i++) {
      char c = recv.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int k = recv.indexOf(c, i + 1);
        i = k < 0 ? recv.length() : k;
      } else if (c == '(' || c == '{') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        depth--;
      } else if (c == '[') {
        if (depth == 0 && i > from) {
          out.add(recv.substring(from, i).strip());
          from = i;
        }
        depth++;
      } else if (c == '.' && depth == 0) {
        if (i > from) {
          out.add(recv.substring(from, i).replace("?", "").strip());
        }
        from = i + 1;
      }
    }
    if (from < recv.length()) {
      out.add(recv.substring(from).strip());
    }
    return out;
  }

  private static boolean dbCall(String seg) {
    return seg.startsWith("getSiblingDB(") || seg.startsWith("getDB(");
  }

  /** The database a receiver names. */
  static String database(List<String> seg, String current) {
    for (int i = seg.size() - 1; i >= 0; i--) {
      String s = seg.get(i);
      if (dbCall(s)) {
        String lit = MongoScript.literal(s.substring(s.indexOf('(') + 1, s.length() - 1));
        return lit == null ? "(chosen at run time)" : lit;
      }
    }
    return current;
  }

  /** The collection a receiver names, null when it names a database. */
  static @Nullable String collection(List<String> seg) {
    if (seg.isEmpty()) {
      return null;
    }
    String last = seg.get(seg.size() - 1);
    if (last.equals("db") || dbCall(last) || last.startsWith("getMongo(")) {
      return null;
    }
    if (last.startsWith("getCollection(")) {
      String lit = MongoScript.literal(last.substring(14, Math.max(14, last.length() - 1)));
      return lit == null ? "(chosen at run time)" : lit;
    }
    if (last.startsWith("[")) {
      String lit = MongoScript.literal(last.substring(1, Math.max(1, last.length() - 1)));
      return lit == null ? "(chosen at run time)" : lit;
    }
    if (seg.size() == 1) {
      return "(held in " + last + ")";
    }
    return last;
  }
}
