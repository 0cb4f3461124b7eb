package dev.airlock.classify.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of an MCP tool or server name, split at {@code _ - . /} and camel-case humps, in lower
 * case: {@code delete_repository}, {@code deleteRepository} and {@code repository-delete} all give
 * {@code delete} and {@code repository}.
 */
record ToolName(List<String> words) {

  static final Set<String> DESTROY =
      Set.of(
          "delete",
          "destroy",
          "drop",
          "remove",
          "rm",
          "purge",
          "wipe",
          "erase",
          "truncate",
          "terminate",
          "flush",
          "flushall",
          "flushdb",
          "nuke",
          "uninstall",
          "revoke",
          "reset",
          "kill",
          "prune",
          "clear",
          "unlink",
          "rmdir",
          "deprovision",
          "decommission",
          "obliterate",
          "teardown",
          "del");

  static final Set<String> WIDE =
      Set.of(
          "database",
          "databases",
          "db",
          "dbs",
          "project",
          "projects",
          "environment",
          "environments",
          "env",
          "volume",
          "volumes",
          "bucket",
          "buckets",
          "cluster",
          "clusters",
          "namespace",
          "namespaces",
          "repository",
          "repositories",
          "repo",
          "repos",
          "organization",
          "organisation",
          "org",
          "account",
          "backup",
          "backups",
          "snapshot",
          "snapshots",
          "schema",
          "schemas",
          "stack",
          "stacks",
          "app",
          "apps",
          "application",
          "instance",
          "instances",
          "table",
          "tables",
          "collection",
          "collections",
          "keyspace",
          "index",
          "indices",
          "site",
          "zone",
          "workspace",
          "all",
          "everything",
          "server",
          "service");

  static final Set<String> READ =
      Set.of(
          "get",
          "list",
          "read",
          "search",
          "describe",
          "show",
          "find",
          "status",
          "view",
          "count",
          "explain",
          "inspect",
          "diff",
          "log",
          "logs",
          "fetch",
          "query",
          "lookup",
          "check",
          "info",
          "stat",
          "ls",
          "cat",
          "head",
          "tail",
          "grep",
          "whoami",
          "ping",
          "health",
          "browse",
          "preview",
          "tree",
          "select",
          "print",
          "watch",
          "download",
          "export",
          "analyze",
          "scan",
          "history",
          "blame",
          "compare",
          "summarize",
          "summarise",
          "validate",
          "lint",
          "test");

  static final Set<String> WRITE_FILE =
      Set.of(
          "write",
          "create",
          "edit",
          "update",
          "save",
          "put",
          "overwrite",
          "replace",
          "move",
          "rename",
          "append",
          "patch",
          "set",
          "upsert",
          "upload");

  /** Words of tools that change a file that already exists, rather than create one. */
  static final Set<String> EDIT_FILE =
      Set.of("edit", "replace", "patch", "update", "modify", "overwrite", "move", "rename");

  /** What a running service reads its configuration and secrets from. */
  static final Set<String> SETTINGS =
      Set.of("variable", "variables", "var", "vars", "env", "config", "secret", "secrets");

  static final Set<String> TOKEN =
      Set.of(
          "token", "tokens", "key", "keys", "credential", "credentials", "secret", "apikey", "pat");

  static ToolName of(String name) {
    List<String> words = new ArrayList<>();
    int n = name.length();
    int i = 0;
    while (i < n) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int start = i++;
      while (i < n) {
        char d = name.charAt(i);
        if (!Character.isLetterOrDigit(d)
            || (Character.isUpperCase(d) && Character.isLowerCase(name.charAt(i - 1)))) {
          break;
        }
        i++;
      }
      words.add(name.substring(start, i).toLowerCase(Locale.ROOT));
    }
    return new ToolName(List.copyOf(words));
  }

  boolean has(Set<String> set) {
    for (String w : words) {
      if (set.contains(w)) {
        return true;
      }
    }
    return false;
  }

  String first(Set<String> set) {
    for (String w : words) {
      if (set.contains(w)) {
        return w;
      }
    }
    return "";
  }

  boolean startsWith(Set<String> set) {
    return !words.isEmpty() && set.contains(words.getFirst());
  }

  boolean has(String word) {
    return words.contains(word);
  }
}
