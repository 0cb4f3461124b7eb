package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Git commands that delete refs, recovery points or history: {@code branch -D}, {@code reflog
 * expire|delete}, {@code gc --prune=now}, {@code prune}, {@code update-ref -d}, {@code
 * filter-branch} and {@code filter-repo}; also the read forms of {@code branch}, {@code remote},
 * {@code config} and {@code tag}, and the commands that run other commands ({@code rebase --exec},
 * {@code bisect run}).
 */
final class GitHistory {

  private GitHistory() {}

  private static final Set<String> HANDLED =
      Set.of(
          ("branch reflog gc prune update-ref filter-branch filter-repo rebase "
                  + "bisect remote config tag")
              .split(" "));

  static boolean handles(String sub) {
    return HANDLED.contains(sub);
  }

  static void classify(Invocation inv, ShellContext ctx, String sub, List<Arg> rest) {
    switch (sub) {
      case "branch" -> branch(inv, ctx, rest);
      case "reflog" -> {
        String what = rest.isEmpty() ? "show" : rest.getFirst().value().toLowerCase(Locale.ROOT);
        ArgView v = ArgView.of(rest);
        if ((what.equals("expire") || what.equals("delete")) && !v.flag("-n", "--dry-run")) {
          destroy(
              inv,
              ctx,
              "shell.git.reflog-" + what,
              "the reflog",
              "git reflog "
                  + what
                  + " removes reflog entries"
                  + (what.equals("expire") ? " (with --expire=now, all of them)" : "")
                  + ": the record that lets a reset, a rebase or a deleted branch be undone is"
                  + " gone");
        } else {
          GitRules.read(inv, ctx, "git reflog " + what + " only reads the reflog");
        }
      }
      case "gc" -> {
        Arg prune = ArgView.of(rest).value("--prune");
        String when = prune == null ? "" : prune.value().toLowerCase(Locale.ROOT);
        if (prune != null
            && !when.equals("never")
            && !when.contains("week")
            && !when.contains("month")
            && !when.contains("year")
            && !when.contains("day")) {
          destroy(
              inv,
              ctx,
              "shell.git.gc-prune-now",
              "unreachable objects",
              "git gc --prune="
                  + prune.value()
                  + " deletes every unreachable object at once:"
                  + " commits that only the reflog or a dropped stash pointed to are gone for"
                  + " good");
        } else {
          GitRules.report(
              inv,
              ctx,
              "shell.git.gc",
              "gc",
              "",
              Severity.SAFE,
              "git gc keeps unreachable objects for two weeks before pruning them",
              null,
              Environment.UNKNOWN,
              false);
        }
      }
      case "prune" -> {
        if (ArgView.of(rest, "--expire").flag("-n", "--dry-run")) {
          GitRules.read(inv, ctx, "git prune -n only lists what it would delete");
        } else {
          destroy(
              inv,
              ctx,
              "shell.git.prune",
              "unreachable objects",
              "git prune deletes unreachable objects: dropped stashes and commits recoverable"
                  + " only by their hash are gone");
        }
      }
      case "update-ref" -> {
        ArgView v = ArgView.of(rest, "-m");
        if (v.flag("-d")) {
          destroy(
              inv,
              ctx,
              "shell.git.update-ref-delete",
              "ref " + v.word(0),
              "git update-ref -d deletes "
                  + v.word(0)
                  + " and its reflog: commits only it"
                  + " pointed to are left unreferenced");
        } else if (v.flag("--stdin")) {
          destroy(
              inv,
              ctx,
              "shell.git.update-ref-stdin",
              "refs",
              "git update-ref --stdin applies ref updates read from its input, deletions"
                  + " included");
        } else {
          GitRules.report(
              inv,
              ctx,
              "shell.git.update-ref",
              "update-ref",
              v.word(0),
              Severity.SAFE,
              "git update-ref moves a ref; its reflog keeps the old value",
              null,
              Environment.UNKNOWN,
              false);
        }
      }
      case "filter-branch" ->
          destroy(
              inv,
              ctx,
              "shell.git.filter-branch",
              "history",
              "git filter-branch rewrites every commit of the branches it is given; the"
                  + " originals are kept only under refs/original"
                  + (ArgView.of(rest).flag("-f", "--force")
                      ? ", and --force overwrites that backup from an earlier run"
                      : ""));
      case "filter-repo" -> filterRepo(inv, ctx, rest);
      case "rebase" -> {
        for (Arg code :
            ArgView.of(
                    rest, "-x", "--exec", "--onto", "-s", "--strategy", "-X", "--strategy-option")
                .values("-x", "--exec")) {
          ctx.shell(inv, code, "git rebase --exec", Environment.UNKNOWN);
        }
        GitRules.report(
            inv,
            ctx,
            "shell.git.write",
            "rebase",
            "",
            Severity.SAFE,
            "git rebase rewrites local commits; the old ones stay in the reflog",
            null,
            Environment.UNKNOWN,
            false);
      }
      case "bisect" -> {
        if (!rest.isEmpty() && rest.getFirst().value().equals("run") && rest.size() > 1) {
          ctx.command(inv, rest.subList(1, rest.size()), "git bisect run", Environment.UNKNOWN);
        } else {
          GitRules.report(
              inv,
              ctx,
              "shell.git.write",
              "bisect",
              "",
              Severity.SAFE,
              "git bisect moves HEAD between commits",
              null,
              Environment.UNKNOWN,
              false);
        }
      }
      case "remote", "config", "tag" -> readOrWrite(inv, ctx, sub, rest);
      default -> {}
    }
  }

  /** {@code git filter-repo} or the {@code git-filter-repo} program. */
  static void filterRepo(Invocation inv, ShellContext ctx, List<Arg> rest) {
    ArgView v = ArgView.of(rest);
    if (v.flag("--analyze", "--dry-run", "-h", "--help", "--version")) {
      GitRules.read(inv, ctx, "git filter-repo --analyze or --dry-run changes nothing");
      return;
    }
    boolean force = v.flag("--force", "-f");
    GitRules.report(
        inv,
        ctx,
        "shell.git.filter-repo",
        "rewrite",
        "history",
        force ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
        "git filter-repo rewrites the whole history, removes the origin remote and expires the"
            + " old objects at once"
            + (force
                ? "; --force runs it on a repository with local work, whose originals are then"
                    + " gone for good"
                : "; it refuses to run anywhere but a fresh clone"),
        null,
        Environment.UNKNOWN,
        false);
  }

  private static void branch(Invocation inv, ShellContext ctx, List<Arg> rest) {
    ArgView v =
        ArgView.of(
            rest,
            "-u",
            "--set-upstream-to",
            "--contains",
            "--no-contains",
            "--merged",
            "--no-merged",
            "--points-at",
            "--sort",
            "--format",
            "--color",
            "--column");
    boolean del = v.flag("-d", "--delete");
    boolean force = v.flag("-D") || (del && v.flag("-f", "--force"));
    List<Arg> names = v.positionals();
    if ((del || force) && v.flag("-r", "--remotes")) {
      GitRules.report(
          inv,
          ctx,
          "shell.git.branch-delete-remote-tracking",
          "delete",
          PathFindings.shown(names),
          Severity.SAFE,
          "deleting remote-tracking branches only forgets local copies; a fetch brings them back",
          null,
          Environment.UNKNOWN,
          false);
    } else if (force) {
      for (Arg n : names) {
        GitRules.report(
            inv,
            ctx,
            "shell.git.branch-force-delete",
            "delete",
            "branch " + n.value(),
            Severity.DESTRUCTIVE,
            "git branch -D deletes "
                + n.value()
                + " even if it is not"
                + " merged: its reflog goes with it, and commits only on it survive just in"
                + " HEAD's reflog until that expires",
            n,
            Environment.UNKNOWN,
            false);
      }
    } else if (del) {
      GitRules.report(
          inv,
          ctx,
          "shell.git.branch-delete",
          "delete",
          PathFindings.shown(names),
          Severity.SAFE,
          "git branch -d refuses to delete a branch that is not merged",
          null,
          Environment.UNKNOWN,
          false);
    } else if (names.isEmpty()
        || v.flag(
            "-l",
            "--list",
            "-a",
            "--all",
            "-r",
            "--remotes",
            "--show-current",
            "-v",
            "-vv",
            "--contains",
            "--merged",
            "--no-merged")) {
      GitRules.read(inv, ctx, "git branch only lists branches here");
    } else {
      GitRules.report(
          inv,
          ctx,
          "shell.git.write",
          "branch",
          names.getFirst().value(),
          Severity.SAFE,
          "git branch creates, renames or moves a branch; the reflog keeps what" + " it pointed to",
          null,
          Environment.UNKNOWN,
          false);
    }
  }

  private static void readOrWrite(Invocation inv, ShellContext ctx, String sub, List<Arg> rest) {
    ArgView v = ArgView.of(rest, "-f", "--file", "--blob", "-m", "--message", "-F");
    String first = v.word(0).toLowerCase(Locale.ROOT);
    boolean read =
        switch (sub) {
          case "remote" -> first.isEmpty() || first.equals("show") || first.equals("get-url");
          case "config" ->
              v.flag(
                      "--get",
                      "--get-all",
                      "--get-regexp",
                      "--get-urlmatch",
                      "-l",
                      "--list",
                      "--show-origin")
                  || first.equals("get")
                  || first.equals("list")
                  || (v.positionals().size() == 1
                      && !v.flag(
                          "--unset",
                          "--unset-all",
                          "--add",
                          "--replace-all",
                          "--remove-section",
                          "--rename-section",
                          "-e",
                          "--edit"));
          default ->
              (v.positionals().isEmpty() && !v.flag("-d", "--delete"))
                  || v.flag("-l", "--list", "-n", "--contains", "--points-at", "--verify", "-v");
        };
    if (read) {
      GitRules.read(inv, ctx, "git " + sub + " only reads here");
    } else {
      GitRules.report(
          inv,
          ctx,
          "shell.git.write",
          sub,
          "",
          Severity.SAFE,
          "git " + sub + " changes repository settings, remotes or tags; no work is lost",
          null,
          Environment.UNKNOWN,
          false);
    }
  }

  private static void destroy(
      Invocation inv, ShellContext ctx, String rule, String resource, String reason) {
    GitRules.report(
        inv,
        ctx,
        rule,
        "delete",
        resource,
        Severity.DESTRUCTIVE,
        reason,
        null,
        Environment.UNKNOWN,
        false);
  }
}
