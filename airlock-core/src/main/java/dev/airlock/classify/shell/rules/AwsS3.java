package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.shell.Arg;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The high-level {@code aws s3} commands: {@code rm --recursive} and {@code rb} empty or remove a
 * whole bucket or prefix (catastrophic), {@code sync --delete} deletes whatever the source lacks,
 * {@code rm} of one object is destructive unless the bucket is marked as development, and {@code
 * ls}, {@code presign} and {@code --dryrun} only read.
 */
final class AwsS3 {

  private AwsS3() {}

  static void classify(
      CloudCall c,
      String op,
      List<Arg> operands,
      Set<String> flags,
      Map<String, Arg> values,
      Environment env) {
    boolean recursive = flags.contains("--recursive");
    if (flags.contains("--dryrun") || op.equals("ls") || op.equals("presign")) {
      c.read(
          "shell.aws.read",
          operands.isEmpty() ? "buckets" : operands.getFirst().value(),
          env,
          "aws s3 " + op + (flags.contains("--dryrun") ? " --dryrun" : "") + " only reads");
      return;
    }
    switch (op) {
      case "rm" -> rm(c, operands, recursive, values, env);
      case "rb" -> {
        String bucket = operands.isEmpty() ? "" : bucket(operands.getFirst().value());
        boolean force = flags.contains("--force");
        c.report(
            "shell.aws.s3-rb",
            Severity.CATASTROPHIC,
            "delete",
            "bucket " + bucket,
            env,
            "aws s3 rb deletes bucket "
                + bucket
                + (force
                    ? " and, with --force, every object in it first"
                    : "; anyone may then claim its name"));
      }
      case "sync" -> sync(c, operands, flags.contains("--delete"), values, env);
      default ->
          c.write(
              "shell.aws.write",
              op,
              operands.isEmpty() ? "" : operands.getLast().value(),
              env,
              "aws s3 " + op + " copies or creates; it deletes nothing it does not replace");
    }
  }

  private static void rm(
      CloudCall c,
      List<Arg> operands,
      boolean recursive,
      Map<String, Arg> values,
      Environment env) {
    String url = operands.isEmpty() ? "" : operands.getFirst().value();
    String bucket = bucket(url);
    String key = key(url);
    boolean dynamic = !operands.isEmpty() && operands.getFirst().dynamic();
    if (recursive) {
      boolean filtered = values.containsKey("--exclude") || values.containsKey("--include");
      c.report(
          key.isEmpty() ? "shell.aws.s3-rm-bucket" : "shell.aws.s3-rm-prefix",
          Severity.CATASTROPHIC,
          "delete",
          key.isEmpty() ? "bucket " + bucket : "prefix " + url,
          env,
          "aws s3 rm --recursive deletes every object "
              + (key.isEmpty() ? "in bucket " + bucket : "under " + url)
              + (filtered ? " that its --exclude/--include filters let through" : ""));
      return;
    }
    Environment target = EnvironmentMarkers.of(bucket).combine(EnvironmentMarkers.of(key));
    if (target == Environment.DEVELOPMENT && !dynamic) {
      c.write(
          "shell.aws.s3-rm-object",
          "delete",
          "object " + url,
          env,
          "aws s3 rm deletes the one object " + url + ", in a bucket marked as development");
      return;
    }
    c.report(
        "shell.aws.s3-rm-object",
        Severity.DESTRUCTIVE,
        "delete",
        "object " + url,
        env,
        "aws s3 rm deletes the object " + url + "; unless the bucket keeps versions, it is gone");
  }

  private static void sync(
      CloudCall c, List<Arg> operands, boolean delete, Map<String, Arg> values, Environment env) {
    String src = operands.isEmpty() ? "" : operands.getFirst().value();
    String dst = operands.size() < 2 ? "" : operands.get(1).value();
    if (!delete) {
      c.write("shell.aws.write", "sync", dst, env, "aws s3 sync copies " + src + " to " + dst);
      return;
    }
    boolean toBucket = dst.toLowerCase(Locale.ROOT).startsWith("s3://");
    String s = src.toLowerCase(Locale.ROOT);
    Arg exclude = values.get("--exclude");
    boolean emptySource =
        s.contains("empty")
            || s.equals("/dev/null")
            || exclude != null && exclude.value().equals("*") && !values.containsKey("--include");
    c.report(
        toBucket ? "shell.aws.s3-sync-delete" : "shell.aws.s3-sync-delete-local",
        toBucket && emptySource ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
        "delete",
        (toBucket ? "prefix " : "directory ") + dst,
        env,
        "aws s3 sync --delete deletes every object in "
            + dst
            + " that "
            + src
            + " does not have"
            + (toBucket && emptySource ? "; that source looks empty, so that is all of them" : ""));
  }

  /** The bucket of an {@code s3://bucket/key} URL (or the word itself). */
  static String bucket(String url) {
    String u = url.regionMatches(true, 0, "s3://", 0, 5) ? url.substring(5) : url;
    int slash = u.indexOf('/');
    return slash < 0 ? u : u.substring(0, slash);
  }

  /** The key of an {@code s3://bucket/key} URL: empty for the bucket itself. */
  static String key(String url) {
    String u = url.regionMatches(true, 0, "s3://", 0, 5) ? url.substring(5) : url;
    int slash = u.indexOf('/');
    return slash < 0 ? "" : u.substring(slash + 1);
  }
}
