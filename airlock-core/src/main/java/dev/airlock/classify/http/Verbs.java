package dev.airlock.classify.http;

import dev.airlock.classify.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an operation name says it does, for APIs Airlock has no catalog of: {@code deleteProject},
 * {@code delete_users}, {@code createApiKey}, a REST path's {@code /destroy}, an AWS action {@code
 * DeleteDBInstance}. Names are split into lower-case words at camel-case humps, underscores,
 * hyphens, dots and digits.
 */
final class Verbs {

  /** A name's meaning: the verb, how bad it is, and the object word it acts on (or empty). */
  record Meaning(String verb, Severity severity, String object) {}

  /** Words that lose work or data, mapped to the verb reported. */
  private static final Map<String, String> DESTROYING =
      Map.ofEntries(
          Map.entry("delete", "delete"),
          Map.entry("destroy", "destroy"),
          Map.entry("remove", "remove"),
          Map.entry("drop", "drop"),
          Map.entry("purge", "purge"),
          Map.entry("wipe", "wipe"),
          Map.entry("erase", "erase"),
          Map.entry("truncate", "truncate"),
          Map.entry("reset", "reset"),
          Map.entry("revoke", "revoke"),
          Map.entry("terminate", "terminate"),
          Map.entry("uninstall", "uninstall"),
          Map.entry("archive", "archive"),
          Map.entry("disable", "disable"),
          Map.entry("deactivate", "disable"),
          Map.entry("cancel", "cancel"),
          Map.entry("clear", "clear"),
          Map.entry("flush", "flush"),
          Map.entry("kill", "kill"),
          Map.entry("shutdown", "shutdown"),
          Map.entry("suspend", "suspend"),
          Map.entry("unpublish", "unpublish"),
          Map.entry("detach", "detach"),
          Map.entry("overwrite", "overwrite"),
          Map.entry("del", "delete"),
          Map.entry("rm", "delete"));

  /** Verbs that, applied to a whole project, database or volume, are beyond repair. */
  private static final Set<String> ANNIHILATING =
      Set.of("delete", "destroy", "purge", "drop", "wipe", "erase", "truncate");

  /** Objects with a wide blast radius. */
  private static final Set<String> WIDE =
      Set.of(
          "project",
          "environment",
          "env",
          "database",
          "db",
          "volume",
          "cluster",
          "bucket",
          "organization",
          "org",
          "account",
          "backup",
          "snapshot",
          "app",
          "application",
          "namespace",
          "repository",
          "repo",
          "workspace",
          "table",
          "disk",
          "zone",
          "tenant",
          "schema",
          "keyspace",
          "index",
          "store",
          "site",
          "server",
          "instance",
          "team");

  private static final Set<String> CREATING =
      Set.of("create", "generate", "issue", "mint", "new", "add", "regenerate", "rotate", "make");

  private static final Set<String> CREDENTIALS =
      Set.of(
          "token",
          "apikey",
          "key",
          "credential",
          "credentials",
          "secret",
          "pat",
          "accesstoken",
          "sshkey",
          "deploykey",
          "password",
          "passkey");

  private static final Set<String> GRANTING = Set.of("invite", "grant", "promote", "impersonate");

  private static final Set<String> CHANGING =
      Set.of("add", "create", "update", "change", "set", "assign");

  private static final Set<String> MEMBERS =
      Set.of("member", "collaborator", "admin", "owner", "role", "permission", "permissions");

  private Verbs() {}

  /** The lower-case words of a name. */
  static List<String> words(String name) {
    List<String> out = new ArrayList<>(4);
    int n = name.length();
    int i = 0;
    while (i < n) {
      char c = name.charAt(i);
      if (!Character.isLetter(c)) {
        i++;
        continue;
      }
      int start = i;
      boolean upperRun = Character.isUpperCase(c);
      i++;
      while (i < n) {
        char d = name.charAt(i);
        if (!Character.isLetter(d)) {
          break;
        }
        if (Character.isUpperCase(d) && !upperRun) {
          break;
        }
        if (Character.isLowerCase(d) && upperRun && i - start > 1) {
          i--;
          break;
        }
        upperRun = Character.isUpperCase(d);
        i++;
      }
      out.add(name.substring(start, i).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /** What a name says it does, or null when it only creates or changes something. */
  static @Nullable Meaning of(String name) {
    return of(words(name));
  }

  static @Nullable Meaning of(List<String> words) {
    String verb = null;
    for (String w : words) {
      String v = DESTROYING.get(w);
      if (v != null) {
        verb = v;
        break;
      }
    }
    String wide = wideObject(words);
    if (verb != null) {
      boolean annihilates = ANNIHILATING.contains(verb) && !wide.isEmpty();
      return new Meaning(
          verb,
          annihilates ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
          annihilates ? wide : "");
    }
    if (any(words, CREATING) && anyCredential(words)) {
      return new Meaning("create-token", Severity.DESTRUCTIVE, "");
    }
    if (any(words, GRANTING) || (any(words, CHANGING) && any(words, MEMBERS))) {
      return new Meaning("grant-access", Severity.DESTRUCTIVE, "");
    }
    return null;
  }

  /** The first object word with a wide blast radius (singular), or empty. */
  static String wideObject(List<String> words) {
    for (String w : words) {
      String s = singular(w);
      if (WIDE.contains(s)) {
        return s;
      }
    }
    return "";
  }

  /** Whether a word is an object with a wide blast radius. */
  static boolean isWide(String word) {
    return WIDE.contains(singular(word.toLowerCase(Locale.ROOT)));
  }

  /** The verb a single word names, or null. */
  static @Nullable String destroying(String word) {
    return DESTROYING.get(word);
  }

  private static boolean anyCredential(List<String> words) {
    for (int i = 0; i < words.size(); i++) {
      String w = singular(words.get(i));
      if (CREDENTIALS.contains(w)) {
        return true;
      }
      if (i + 1 < words.size() && CREDENTIALS.contains(w + singular(words.get(i + 1)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean any(List<String> words, Set<String> set) {
    for (String w : words) {
      if (set.contains(w)) {
        return true;
      }
    }
    return false;
  }

  static String singular(String w) {
    if (w.length() > 3 && w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.length() > 3 && w.endsWith("es") && (w.endsWith("sses") || w.endsWith("xes"))) {
      return w.substring(0, w.length() - 2);
    }
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
