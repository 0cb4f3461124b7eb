package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Git commands that overwrite uncommitted changes in the working tree: {@code reset --hard}, {@code
 * checkout} of paths or with {@code -f}, {@code switch --discard-changes} and {@code restore} of
 * the working tree. A lone {@code checkout} operand counts as a path when it looks like one ({@code
 * .}, {@code src/app.ts}, a glob) and as a branch otherwise. The other commands that delete local
 * work ({@code clean}, {@code stash drop}, ...) are in {@link GitCleanup}.
 */
final class GitWorkTree {

  private GitWorkTree() {}

  private static final Set<String> HANDLED =
      Set.of(
          ("reset checkout switch restore clean rm checkout-index read-tree stash "
                  + "worktree submodule")
              .split(" "));

  static boolean handles(String sub) {
    return HANDLED.contains(sub);
  }

  static void classify(Invocation inv, ShellContext ctx, String sub, List<Arg> rest) {
    switch (sub) {
      case "reset" -> reset(inv, ctx, rest);
      case "checkout" -> checkout(inv, ctx, rest);
      case "switch" -> {
        ArgView v =
            ArgView.of(rest, "-c", "-C", "--create", "--force-create", "--orphan", "--conflict");
        if (v.flag("--discard-changes", "-f", "--force")) {
          discard(
              inv,
              ctx,
              "shell.git.switch-discard",
              "the working tree",
              "git switch --discard-changes throws away every uncommitted change while switching"
                  + " branches; the changes were never committed, so they cannot be recovered",
              null);
        } else {
          GitRules.report(
              inv,
              ctx,
              "shell.git.switch",
              "switch",
              v.word(0),
              Severity.SAFE,
              "git switch refuses to switch when local changes would be lost",
              null,
              Environment.UNKNOWN,
              false);
        }
      }
      case "restore" -> restore(inv, ctx, rest);
      default -> GitCleanup.classify(inv, ctx, sub, rest);
    }
  }

  static void discard(
      Invocation inv,
      ShellContext ctx,
      String rule,
      String resource,
      String reason,
      @Nullable Arg at) {
    GitRules.report(
        inv,
        ctx,
        rule,
        "discard",
        resource,
        Severity.DESTRUCTIVE,
        reason,
        at,
        Environment.UNKNOWN,
        false);
  }

  private static void reset(Invocation inv, ShellContext ctx, List<Arg> rest) {
    ArgView v = ArgView.of(rest, "--pathspec-from-file");
    if (!v.flag("--hard")) {
      GitRules.report(
          inv,
          ctx,
          "shell.git.reset",
          "reset",
          v.word(0),
          Severity.SAFE,
          "git reset without --hard keeps the working tree; moved commits stay in the reflog",
          null,
          Environment.UNKNOWN,
          false);
      return;
    }
    String target = v.word(0);
    boolean moves = !target.isEmpty() && !target.equals("HEAD");
    discard(
        inv,
        ctx,
        "shell.git.reset-hard",
        moves ? "working tree and HEAD (reset to " + target + ")" : "working tree",
        "git reset --hard discards every uncommitted change to tracked files"
            + (moves
                ? " and moves the branch to "
                    + target
                    + ": commits after it survive only in the"
                    + " reflog, and the uncommitted work cannot be recovered at all"
                : "; the changes were never committed, so they cannot be recovered"),
        v.positional(0));
  }

  private static void checkout(Invocation inv, ShellContext ctx, List<Arg> rest) {
    int dash = -1;
    for (int i = 0; i < rest.size(); i++) {
      if (rest.get(i).value().equals("--")) {
        dash = i;
        break;
      }
    }
    List<Arg> before = dash < 0 ? rest : rest.subList(0, dash);
    List<Arg> after = dash < 0 ? List.of() : rest.subList(dash + 1, rest.size());
    ArgView v =
        ArgView.of(before, "-b", "-B", "--orphan", "--conflict", "--pathspec-from-file", "-U");
    List<Arg> pos = v.positionals();
    List<Arg> paths = new ArrayList<>(after);
    String source = "staged";
    if (paths.isEmpty() && !v.flag("-b", "-B", "--orphan")) {
      if (pos.size() >= 2) {
        source = pos.getFirst().value() + "'s";
        paths.addAll(pos.subList(1, pos.size()));
      } else if (pos.size() == 1 && looksLikePath(pos.getFirst())) {
        paths.add(pos.getFirst());
      }
    } else if (!paths.isEmpty() && !pos.isEmpty()) {
      source = pos.getFirst().value() + "'s";
    }
    if (!paths.isEmpty() || v.value("--pathspec-from-file") != null) {
      String shown = paths.isEmpty() ? "the paths listed in a file" : PathFindings.shown(paths);
      discard(
          inv,
          ctx,
          "shell.git.checkout-paths",
          shown,
          "git checkout overwrites "
              + shown
              + " with the "
              + source
              + " version: uncommitted"
              + " changes to them are lost, and git keeps no copy",
          paths.isEmpty() ? null : paths.getFirst());
    } else if (v.flag("-f", "--force")) {
      discard(
          inv,
          ctx,
          "shell.git.checkout-force",
          "the working tree",
          "git checkout -f switches branches throwing away every uncommitted change",
          null);
    } else if (v.flag("-p", "--patch")) {
      discard(
          inv,
          ctx,
          "shell.git.checkout-patch",
          "the working tree",
          "git checkout -p discards the uncommitted changes chosen at its prompts",
          null);
    } else {
      GitRules.report(
          inv,
          ctx,
          "shell.git.switch",
          "switch",
          v.word(0),
          Severity.SAFE,
          v.flag("-b", "-B", "--orphan")
              ? "git checkout -b creates a branch; the working tree is kept"
              : "git checkout of a branch refuses to switch when local changes would be lost",
          null,
          Environment.UNKNOWN,
          false);
    }
  }

  /** Whether a lone checkout operand is a path rather than a branch ({@code .}, {@code a.ts}). */
  static boolean looksLikePath(Arg a) {
    String v = a.value();
    if (a.glob()
        || v.equals(".")
        || v.equals("..")
        || v.startsWith("./")
        || v.startsWith("../")
        || v.startsWith(":/")
        || v.startsWith(":(")
        || v.endsWith("/")
        || v.startsWith("/")) {
      return true;
    }
    String base = v.substring(v.lastIndexOf('/') + 1);
    if (base.startsWith(".") || FILE_NAMES.contains(base)) {
      return true;
    }
    int dot = base.lastIndexOf('.');
    return dot > 0 && FILE_EXTENSIONS.contains(base.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static final Set<String> FILE_NAMES =
      Set.of(
          ("Makefile Dockerfile README LICENSE Gemfile Rakefile Procfile "
                  + "Jenkinsfile Vagrantfile CODEOWNERS")
              .split(" "));

  private static final Set<String> FILE_EXTENSIONS =
      Set.of(
          ("ts tsx js jsx mjs cjs py rb go rs java kt kts scala cs c h cc cpp hpp "
                  + "php swift m md rst txt json yml yaml toml lock xml html css scss sass "
                  + "less vue svelte sql sh bash zsh ps1 env ini cfg conf properties gradle "
                  + "mod sum csv svg png jpg gif ex exs erl clj dart lua pl r ipynb tf "
                  + "tfvars proto graphql gql snap pem key crt dockerfile gitignore "
                  + "editorconfig")
              .split(" "));

  private static void restore(Invocation inv, ShellContext ctx, List<Arg> rest) {
    ArgView v = ArgView.of(rest, "-s", "--source", "--pathspec-from-file", "--conflict");
    boolean staged = v.flag("-S", "--staged");
    boolean worktree = v.flag("-W", "--worktree");
    List<Arg> paths = v.positionals();
    if (staged && !worktree) {
      GitRules.report(
          inv,
          ctx,
          "shell.git.restore-staged",
          "unstage",
          PathFindings.shown(paths),
          Severity.SAFE,
          "git restore --staged only unstages; the working tree is untouched",
          null,
          Environment.UNKNOWN,
          false);
      return;
    }
    if (paths.isEmpty() && v.value("--pathspec-from-file") == null) {
      return;
    }
    Arg source = v.value("-s", "--source");
    String shown = paths.isEmpty() ? "the paths listed in a file" : PathFindings.shown(paths);
    discard(
        inv,
        ctx,
        "shell.git.restore-worktree",
        shown,
        "git restore overwrites "
            + shown
            + " in the working tree with the "
            + (source == null ? "staged" : source.value() + "'s")
            + " version: uncommitted changes to them are lost, and git keeps no copy",
        paths.isEmpty() ? null : paths.getFirst());
  }
}
