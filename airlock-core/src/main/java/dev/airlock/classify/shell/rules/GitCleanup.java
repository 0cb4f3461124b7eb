package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.PathRisk.Category;
import java.util.List;
import java.util.Locale;

/**
 * Git commands that delete files or saved work outside the commit history: {@code clean}, {@code rm
 * -f}, {@code checkout-index -f}, {@code read-tree -u --reset}, {@code stash drop|clear}, {@code
 * worktree remove --force} and {@code submodule deinit|update --force}; {@code submodule foreach}
 * hands its command to the classifier.
 */
final class GitCleanup {

  private GitCleanup() {}

  static void classify(Invocation inv, ShellContext ctx, String sub, List<Arg> rest) {
    switch (sub) {
      case "clean" -> clean(inv, ctx, rest);
      case "stash" -> stash(inv, ctx, rest);
      case "worktree" -> worktree(inv, ctx, rest);
      case "submodule" -> submodule(inv, ctx, rest);
      case "rm" -> {
        ArgView v = ArgView.of(rest, "--pathspec-from-file");
        if (v.flag("--cached", "-n", "--dry-run") || !v.flag("-f", "--force")) {
          GitRules.report(
              inv,
              ctx,
              "shell.git.rm",
              "delete",
              PathFindings.shown(v.positionals()),
              Severity.SAFE,
              "git rm refuses to delete files with uncommitted changes, and the"
                  + " committed content stays in history",
              null,
              Environment.UNKNOWN,
              false);
        } else {
          GitWorkTree.discard(
              inv,
              ctx,
              "shell.git.rm-force",
              PathFindings.shown(v.positionals()),
              "git rm -f deletes the files even with uncommitted changes: those changes are lost",
              v.positional(0));
        }
      }
      case "checkout-index" -> {
        ArgView v = ArgView.of(rest, "--prefix", "--stage");
        if (v.flag("-f", "--force")) {
          GitWorkTree.discard(
              inv,
              ctx,
              "shell.git.checkout-index-force",
              "the working tree",
              "git checkout-index -f overwrites working-tree files with the staged versions:"
                  + " uncommitted changes to them are lost",
              null);
        } else {
          GitRules.read(inv, ctx, "git checkout-index without -f never overwrites a file");
        }
      }
      case "read-tree" -> {
        ArgView v = ArgView.of(rest, "--prefix", "--index-output");
        if (v.flag("-u") && v.flag("--reset", "-m")) {
          GitWorkTree.discard(
              inv,
              ctx,
              "shell.git.read-tree-reset",
              "the working tree",
              "git read-tree -u --reset overwrites the working tree with the tree given:"
                  + " uncommitted changes are lost",
              null);
        } else {
          GitRules.report(
              inv,
              ctx,
              "shell.git.write",
              "read-tree",
              "",
              Severity.SAFE,
              "git read-tree only changes the index",
              null,
              Environment.UNKNOWN,
              false);
        }
      }
      default -> {}
    }
  }

  private static void clean(Invocation inv, ShellContext ctx, List<Arg> rest) {
    ArgView v = ArgView.of(rest, "-e", "--exclude");
    if (v.flag("-n", "--dry-run")) {
      GitRules.read(inv, ctx, "git clean -n only lists what it would delete");
      return;
    }
    List<Arg> paths = v.positionals();
    boolean regenerable = !paths.isEmpty();
    for (Arg p : paths) {
      regenerable &= PathRisk.category(PathRisk.windowsSource(inv, p)) == Category.REGENERABLE;
    }
    if (regenerable) {
      GitRules.report(
          inv,
          ctx,
          "shell.git.clean-regenerable",
          "delete",
          PathFindings.shown(paths),
          Severity.SAFE,
          "git clean here only deletes what a build or an install recreates",
          null,
          Environment.UNKNOWN,
          false);
      return;
    }
    boolean dirs = v.flag("-d");
    String which =
        v.flag("-x")
            ? ", ignored ones included (.env, local databases, build caches),"
            : v.flag("-X") ? " that git ignores, such as .env and local databases," : "";
    GitRules.report(
        inv,
        ctx,
        "shell.git.clean",
        "delete",
        paths.isEmpty() ? "untracked files" : PathFindings.shown(paths),
        Severity.DESTRUCTIVE,
        "git clean deletes every untracked file"
            + (dirs ? " and directory" : "")
            + which
            + " in the working tree: git never had them, so nothing can bring them back"
            + (v.flag("-f", "--force")
                ? ""
                : " (git refuses without -f unless" + " clean.requireForce is off)"),
        null,
        Environment.UNKNOWN,
        false);
  }

  private static void stash(Invocation inv, ShellContext ctx, List<Arg> rest) {
    String sub =
        rest.isEmpty() || rest.getFirst().isOption()
            ? "push"
            : rest.getFirst().value().toLowerCase(Locale.ROOT);
    switch (sub) {
      case "drop" -> {
        Arg entry = rest.size() > 1 ? rest.getLast() : null;
        String e = entry == null || entry.isOption() ? "stash@{0}" : entry.value();
        GitRules.report(
            inv,
            ctx,
            "shell.git.stash-drop",
            "delete",
            "stash entry " + e,
            Severity.DESTRUCTIVE,
            "git stash drop deletes "
                + e
                + ": the work saved in it"
                + " survives only as an unreferenced commit until the next gc, findable by hash",
            entry,
            Environment.UNKNOWN,
            false);
      }
      case "clear" ->
          GitRules.report(
              inv,
              ctx,
              "shell.git.stash-clear",
              "delete",
              "every stash entry",
              Severity.DESTRUCTIVE,
              "git stash clear deletes every stash entry: the saved work"
                  + " survives only as unreferenced commits until the next gc",
              null,
              Environment.UNKNOWN,
              false);
      case "list", "show" -> GitRules.read(inv, ctx, "git stash " + sub + " only reads stashes");
      default ->
          GitRules.report(
              inv,
              ctx,
              "shell.git.stash",
              "stash",
              "",
              Severity.SAFE,
              "git stash " + sub + " keeps the work in a stash entry (pop keeps it on conflict)",
              null,
              Environment.UNKNOWN,
              false);
    }
  }

  private static void worktree(Invocation inv, ShellContext ctx, List<Arg> rest) {
    ArgView v = ArgView.of(rest, "-b", "-B", "--reason", "--expire");
    String sub = v.word(0).toLowerCase(Locale.ROOT);
    if (sub.equals("list")) {
      GitRules.read(inv, ctx, "git worktree list only lists worktrees");
    } else if (sub.equals("remove") && v.flag("-f", "--force")) {
      GitWorkTree.discard(
          inv,
          ctx,
          "shell.git.worktree-remove-force",
          "worktree " + v.word(1),
          "git worktree remove --force deletes the worktree "
              + v.word(1)
              + " with its"
              + " uncommitted changes and untracked files, which are lost",
          v.positional(1));
    } else {
      GitRules.report(
          inv,
          ctx,
          "shell.git.worktree",
          "worktree",
          v.word(1),
          Severity.SAFE,
          "git worktree " + sub + " refuses to delete a worktree with local changes",
          null,
          Environment.UNKNOWN,
          false);
    }
  }

  static void submodule(Invocation inv, ShellContext ctx, List<Arg> rest) {
    ArgView v =
        ArgView.of(rest, "-b", "--branch", "--name", "--reference", "--depth", "-j", "--jobs");
    String sub = v.word(0).toLowerCase(Locale.ROOT);
    if (sub.equals("foreach")) {
      int at = 0;
      while (at < rest.size() && !rest.get(at).value().equals("foreach")) {
        at++;
      }
      int from = at + 1;
      while (from < rest.size() && rest.get(from).isOption()) {
        from++;
      }
      List<Arg> cmd = rest.subList(Math.min(from, rest.size()), rest.size());
      if (cmd.size() == 1) {
        ctx.shell(inv, cmd.getFirst(), "git submodule foreach", Environment.UNKNOWN);
      } else if (!cmd.isEmpty()) {
        ctx.command(inv, cmd, "git submodule foreach", Environment.UNKNOWN);
      }
      return;
    }
    boolean force = v.flag("-f", "--force");
    if (force && (sub.equals("deinit") || sub.equals("update"))) {
      GitWorkTree.discard(
          inv,
          ctx,
          "shell.git.submodule-" + sub + "-force",
          "submodules",
          "git submodule "
              + sub
              + " --force throws away uncommitted changes inside the"
              + " submodules",
          null);
    } else if (sub.isEmpty() || sub.equals("status") || sub.equals("summary")) {
      GitRules.read(inv, ctx, "git submodule " + sub + " only reads");
    } else {
      GitRules.report(
          inv,
          ctx,
          "shell.git.write",
          "submodule",
          sub,
          Severity.SAFE,
          "git submodule " + sub + " refuses to drop local changes without --force",
          null,
          Environment.UNKNOWN,
          false);
    }
  }
}
