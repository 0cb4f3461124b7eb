package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code git push} for the git pack. A force push ({@code --force}, {@code -f}, {@code +refspec})
 * overwrites the remote branch: catastrophic for a shared branch (main, master, trunk, develop,
 * release*, production, ...) or when the branch is not named (the current branch may be main),
 * destructive for any other; {@code --force-with-lease} is destructive, since it refuses to drop
 * commits it has not seen. Deleting a remote branch ({@code --delete}, {@code :branch}) is
 * catastrophic for a shared branch and destructive otherwise; {@code --mirror} is catastrophic and
 * {@code --prune} destructive. Resources read {@code branch main on origin}.
 */
final class GitPush {

  private GitPush() {}

  static void classify(Invocation inv, ShellContext ctx, List<Arg> rest) {
    ArgView v = ArgView.of(rest, "-o", "--push-option", "--repo", "--receive-pack", "--exec");
    if (v.flag("-n", "--dry-run")) {
      GitRules.report(
          inv,
          ctx,
          "shell.git.push-dry-run",
          "read",
          "",
          Severity.SAFE,
          "git push --dry-run only shows what would be pushed",
          null,
          Environment.UNKNOWN,
          true);
      return;
    }
    boolean force = v.flag("-f", "--force");
    boolean lease = v.flag("--force-with-lease", "--force-if-includes");
    boolean delete = v.flag("-d", "--delete");
    List<Arg> pos = v.positionals();
    Arg remoteArg = pos.isEmpty() ? null : pos.getFirst();
    String remote = remoteArg == null ? "its upstream remote" : remoteArg.value();
    List<Arg> refspecs = pos.isEmpty() ? List.of() : pos.subList(1, pos.size());
    if (v.flag("--mirror")) {
      GitRules.report(
          inv,
          ctx,
          "shell.git.push-mirror",
          "force-push",
          "every ref on " + remote,
          Severity.CATASTROPHIC,
          "git push --mirror makes "
              + remote
              + " an exact copy of this"
              + " repository: every branch and tag there that is missing here is deleted and"
              + " every other one overwritten",
          remoteArg,
          env(remote, ""),
          false);
      return;
    }
    if (v.flag("--prune")) {
      GitRules.report(
          inv,
          ctx,
          "shell.git.push-prune",
          "delete",
          "branches on " + remote,
          Severity.DESTRUCTIVE,
          "git push --prune deletes every branch on "
              + remote
              + " that has no local counterpart, with the commits only they hold",
          remoteArg,
          env(remote, ""),
          false);
    }
    if (refspecs.isEmpty()) {
      boolean every = v.flag("--all", "--branches");
      String what = every ? "every branch on " + remote : "the current branch on " + remote;
      if (force) {
        forced(inv, ctx, what, null, true, remote, remoteArg);
      } else if (lease) {
        leased(inv, ctx, what, remote, remoteArg);
      } else {
        plain(inv, ctx, remote);
      }
      return;
    }
    boolean any = false;
    for (Arg r : refspecs) {
      String spec = r.value();
      boolean plus = spec.startsWith("+");
      if (plus) {
        spec = spec.substring(1);
      }
      int colon = spec.indexOf(':');
      String dst = colon < 0 ? spec : spec.substring(colon + 1);
      String ref = ref(dst, remote);
      String branch = name(dst);
      if (colon == 0 || delete) {
        boolean shared = isShared(branch);
        GitRules.report(
            inv,
            ctx,
            "shell.git.push-delete",
            "delete",
            ref,
            shared ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
            "git push deletes "
                + ref
                + ": "
                + (shared
                    ? "a shared branch others build, deploy and branch from; commits only on it"
                        + " are lost for everyone who has not fetched them"
                    : "commits only on it are lost unless someone else still has them"),
            r,
            env(remote, branch),
            false);
        any = true;
      } else if (plus || force) {
        boolean unnamed = r.dynamic() || branch.isEmpty() || branch.equals("HEAD");
        forced(inv, ctx, ref, r, unnamed || isShared(branch), remote, r);
        any = true;
      } else if (lease) {
        leased(inv, ctx, ref, remote, r);
        any = true;
      }
    }
    if (!any) {
      plain(inv, ctx, remote);
    }
  }

  private static void forced(
      Invocation inv,
      ShellContext ctx,
      String ref,
      @Nullable Arg spec,
      boolean shared,
      String remote,
      @Nullable Arg evidence) {
    GitRules.report(
        inv,
        ctx,
        "shell.git.push-force",
        "force-push",
        ref,
        shared ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
        "git push --force overwrites "
            + ref
            + " with the local history: "
            + (shared
                ? (spec == null ? "it may be main or another shared branch, and " : "")
                    + "commits others pushed there are lost for everyone, and whatever"
                    + " builds or deploys from it follows the rewrite"
                : "commits others pushed there since the last fetch are lost"),
        evidence,
        env(remote, spec == null ? "" : name(spec.value())),
        false);
  }

  private static void leased(
      Invocation inv, ShellContext ctx, String ref, String remote, @Nullable Arg evidence) {
    GitRules.report(
        inv,
        ctx,
        "shell.git.push-force-with-lease",
        "force-push",
        ref,
        Severity.DESTRUCTIVE,
        "git push --force-with-lease rewrites "
            + ref
            + " (it refuses if the remote moved since"
            + " the last fetch, but the commits it replaces are gone from the remote)",
        evidence,
        env(remote, ""),
        false);
  }

  private static void plain(Invocation inv, ShellContext ctx, String remote) {
    GitRules.report(
        inv,
        ctx,
        "shell.git.push",
        "push",
        remote,
        Severity.SAFE,
        "git push only adds commits; the remote refuses anything that is not a fast-forward",
        null,
        Environment.UNKNOWN,
        false);
  }

  /** {@code branch main on origin}, {@code tag v1 on origin}. */
  private static String ref(String dst, String remote) {
    String n = name(dst);
    boolean tag = dst.startsWith("refs/tags/");
    if (n.isEmpty() || n.equals("HEAD")) {
      return "the current branch on " + remote;
    }
    return (tag ? "tag " : "branch ") + n + " on " + remote;
  }

  private static String name(String ref) {
    String r = ref.startsWith("+") ? ref.substring(1) : ref;
    int colon = r.indexOf(':');
    if (colon >= 0) {
      r = r.substring(colon + 1);
    }
    for (String p : List.of("refs/heads/", "refs/tags/", "refs/")) {
      if (r.startsWith(p)) {
        return r.substring(p.length());
      }
    }
    return r;
  }

  /** Whether a branch is one others share, deploy from or release from. */
  static boolean isShared(String branch) {
    String b = branch.toLowerCase(Locale.ROOT);
    return b.equals("main")
        || b.equals("master")
        || b.equals("trunk")
        || b.equals("develop")
        || b.equals("development")
        || b.equals("production")
        || b.equals("prod")
        || b.equals("live")
        || b.equals("stable")
        || b.equals("staging")
        || b.startsWith("release");
  }

  /** Production or staging markers in the remote or branch name; development ones are ignored. */
  private static Environment env(String remote, String branch) {
    Environment e = EnvironmentMarkers.of(remote).combine(EnvironmentMarkers.of(branch));
    return e == Environment.DEVELOPMENT ? Environment.UNKNOWN : e;
  }
}
