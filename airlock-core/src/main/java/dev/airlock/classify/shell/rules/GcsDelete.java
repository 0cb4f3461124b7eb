package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.shell.Arg;
import java.util.List;

/**
 * Deleting from Cloud Storage, by {@code gsutil} or {@code gcloud storage}: a recursive delete, a
 * whole bucket ({@code gs://b}, {@code gs://b/*}, {@code gs://b/**}) or removing the bucket itself
 * is catastrophic; one object is destructive, unless its bucket is marked as development.
 */
final class GcsDelete {

  private GcsDelete() {}

  static void rm(CloudCall c, List<Arg> urls, boolean recursive, Environment env) {
    String program = c.invocation().program();
    if (urls.isEmpty()) {
      return;
    }
    Environment e = env;
    boolean wide = recursive;
    boolean dynamic = false;
    for (Arg u : urls) {
      e = e.combine(CloudCall.markersOf(u));
      wide |= wholeBucket(u.value()) || u.value().contains("**");
      dynamic |= u.dynamic();
    }
    String first = urls.getFirst().value();
    String more = urls.size() > 1 ? " and " + (urls.size() - 1) + " more" : "";
    if (wide) {
      c.report(
          "shell.cloud.gcs-rm-recursive",
          Severity.CATASTROPHIC,
          "delete",
          "objects " + first + more,
          e,
          program
              + " removes every object under "
              + first
              + more
              + (wholeBucket(first) ? ", the whole bucket's contents" : ""));
      return;
    }
    if (!dynamic && urls.size() == 1 && developmentBucket(first)) {
      c.write(
          "shell.cloud.gcs-rm-object",
          "delete",
          "object " + first,
          e,
          program + " deletes the one object " + first + ", in a bucket marked as development");
      return;
    }
    c.report(
        "shell.cloud.gcs-rm-object",
        Severity.DESTRUCTIVE,
        "delete",
        "object " + first + more,
        e,
        program
            + " deletes "
            + first
            + more
            + "; unless the bucket keeps noncurrent versions, it is gone");
  }

  static void rb(CloudCall c, List<Arg> urls, Environment env) {
    String first = urls.isEmpty() ? "" : urls.getFirst().value();
    c.report(
        "shell.cloud.gcs-rb",
        Severity.CATASTROPHIC,
        "delete",
        "bucket " + first,
        env.combine(c.wordMarkers(1)),
        "gsutil rb deletes bucket " + first + "; anyone may then claim its name");
  }

  static void rsync(CloudCall c, List<Arg> urls, boolean delete, boolean dryRun, Environment env) {
    String src = urls.isEmpty() ? "" : urls.getFirst().value();
    String dst = urls.size() < 2 ? "" : urls.get(1).value();
    Environment e = env.combine(c.wordMarkers(1));
    if (!delete || dryRun) {
      c.write("shell.cloud.write", "sync", dst, e, "gsutil rsync copies " + src + " to " + dst);
      return;
    }
    boolean empty = src.toLowerCase(java.util.Locale.ROOT).contains("empty");
    c.report(
        "shell.cloud.gcs-rsync-delete",
        empty ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
        "delete",
        dst,
        e,
        "gsutil rsync -d deletes every object in "
            + dst
            + " that "
            + src
            + " does not have"
            + (empty ? "; that source looks empty, so that is all of them" : ""));
  }

  /** {@code gs://b}, {@code gs://b/} or {@code gs://b/*}: everything in a bucket. */
  static boolean wholeBucket(String url) {
    String u = url.regionMatches(true, 0, "gs://", 0, 5) ? url.substring(5) : url;
    int slash = u.indexOf('/');
    return slash < 0 || u.substring(slash + 1).isEmpty() || u.substring(slash + 1).equals("*");
  }

  private static boolean developmentBucket(String url) {
    String u = url.regionMatches(true, 0, "gs://", 0, 5) ? url.substring(5) : url;
    return EnvironmentMarkers.of(u) == Environment.DEVELOPMENT;
  }
}
