package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.FindingBuilder;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The git pack. Work that git never had or is told to throw away is what can be lost: uncommitted
 * changes ({@code reset --hard}, {@code checkout -- paths}, {@code restore}, {@code switch -f}),
 * untracked and ignored files ({@code clean -f}), commits on a shared remote ({@code push --force},
 * {@code push --delete}, in {@link GitPush}), and the recovery points themselves (deleting
 * branches, dropping stashes, expiring the reflog, pruning objects). Moving a ref keeps its reflog
 * and is safe ({@code commit --amend}, {@code rebase -i}, {@code branch -f}); deleting a ref
 * deletes its reflog and is not. Commands that only read are reported as reads.
 *
 * <p>Global options before the subcommand ({@code -C dir}, {@code -c key=value}, {@code --git-dir},
 * {@code --work-tree}, {@code --no-pager}) are skipped; {@code -c} values that git runs as commands
 * ({@code core.sshCommand}, {@code core.pager}, {@code alias.x=!cmd}) are handed to the shell
 * classifier, as are {@code rebase --exec}, {@code bisect run} and {@code submodule foreach}.
 */
final class GitRules implements CommandRules {

  @Override
  public String name() {
    return "git";
  }

  @Override
  public Set<String> programs() {
    return Set.of("git", "git-filter-repo");
  }

  private static final Set<String> GLOBAL_WITH_VALUE =
      Set.of(
          ("-C -c --git-dir --work-tree --namespace --super-prefix --config-env "
                  + "--attr-source --list-cmds")
              .split(" "));

  private static final Set<String> CODE_KEYS =
      Set.of(
          ("core.sshcommand core.pager core.editor core.fsmonitor core.askpass "
                  + "core.gitproxy sequence.editor diff.external gpg.program pager.log "
                  + "pager.diff pager.show credential.helper uploadpack.packobjectshook")
              .split(" "));

  private static final Map<String, String> ALIASES =
      Map.of("co", "checkout", "ci", "commit", "st", "status", "br", "branch", "sw", "switch");

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    List<Arg> args = inv.args();
    int i = 0;
    if (inv.program().equals("git-filter-repo")) {
      GitHistory.filterRepo(inv, ctx, args);
      return;
    }
    while (i < args.size()) {
      Arg a = args.get(i);
      String v = a.value();
      if (GLOBAL_WITH_VALUE.contains(v)) {
        if (v.equals("-c") && i + 1 < args.size()) {
          config(inv, ctx, args.get(i + 1));
        }
        i += 2;
      } else if (v.equals("--version") || v.equals("--help") || v.equals("-h")) {
        read(inv, ctx, "git " + v + " only prints information");
        return;
      } else if (v.startsWith("-") && !a.dynamic()) {
        i++;
      } else {
        break;
      }
    }
    if (i >= args.size()) {
      return;
    }
    Arg subArg = args.get(i);
    String sub = subArg.value().toLowerCase(Locale.ROOT);
    sub = ALIASES.getOrDefault(sub, sub);
    List<Arg> rest = args.subList(i + 1, args.size());
    if (subArg.dynamic()) {
      report(
          inv,
          ctx,
          "shell.git.dynamic-command",
          "run",
          subArg.value(),
          Severity.UNKNOWN,
          "the git subcommand is " + subArg.value() + ", only known when the command runs",
          subArg,
          Environment.UNKNOWN,
          false);
      return;
    }
    if (GitWorkTree.handles(sub)) {
      GitWorkTree.classify(inv, ctx, sub, rest);
    } else if (sub.equals("push")) {
      GitPush.classify(inv, ctx, rest);
    } else if (GitHistory.handles(sub)) {
      GitHistory.classify(inv, ctx, sub, rest);
    } else if (READS.contains(sub)) {
      read(inv, ctx, "git " + sub + " only reads the repository");
    } else if (WRITES.contains(sub)) {
      write(inv, ctx, sub);
    } else {
      report(
          inv,
          ctx,
          "shell.git.unknown-command",
          "run",
          sub,
          Severity.UNKNOWN,
          "git "
              + subArg.value()
              + " is not a git command Airlock knows; an alias or extension"
              + " of that name could run anything",
          subArg,
          Environment.UNKNOWN,
          false);
    }
  }

  /** A {@code -c key=value} whose value git runs as a command goes to the shell classifier. */
  private static void config(Invocation inv, ShellContext ctx, Arg kv) {
    String v = kv.value();
    int eq = v.indexOf('=');
    if (eq <= 0) {
      return;
    }
    String key = v.substring(0, eq).toLowerCase(Locale.ROOT);
    String value = v.substring(eq + 1);
    boolean bang = value.startsWith("!");
    boolean code =
        (CODE_KEYS.contains(key) && (!key.equals("credential.helper") || bang))
            || (key.startsWith("alias.") && bang);
    if (code && !value.isBlank()) {
      ctx.shell(
          inv,
          kv.withValue(bang ? value.substring(1) : value),
          "git -c " + key,
          Environment.UNKNOWN);
    }
  }

  static final Set<String> READS =
      Set.of(
          ("status diff log show blame annotate grep ls-files ls-tree ls-remote "
                  + "rev-parse rev-list describe shortlog whatchanged cat-file show-ref "
                  + "for-each-ref show-branch name-rev merge-base count-objects fsck "
                  + "verify-pack verify-commit verify-tag check-ignore check-attr "
                  + "check-mailmap check-ref-format var help version range-diff cherry "
                  + "diff-tree diff-files diff-index difftool get-tar-commit-id column "
                  + "stripspace hash-object fetch-pack verify web--browse instaweb")
              .split(" "));

  static final Set<String> WRITES =
      Set.of(
          ("add commit mv merge cherry-pick revert am apply pull fetch init clone "
                  + "notes replace archive bundle format-patch send-email request-pull "
                  + "mergetool rerere sparse-checkout maintenance lfs flow absorb town gui "
                  + "citool gitk subtree svn p4 stage commit-tree write-tree mktree mktag "
                  + "symbolic-ref pack-refs repack prune-packed fast-import fast-export "
                  + "credential scalar range shell daemon annex crypt secret quiltimport "
                  + "update-index merge-file merge-tree mailinfo mailsplit "
                  + "interpret-trailers backfill")
              .split(" "));

  private static void write(Invocation inv, ShellContext ctx, String sub) {
    String reason =
        switch (sub) {
          case "pull", "fetch", "clone" ->
              "git " + sub + " brings in commits; nothing local is lost";
          default ->
              "git "
                  + sub
                  + " records or rearranges work; what it replaces stays reachable through the"
                  + " reflog";
        };
    report(
        inv,
        ctx,
        "shell.git.write",
        sub,
        "",
        Severity.SAFE,
        reason,
        null,
        Environment.UNKNOWN,
        false);
  }

  static void read(Invocation inv, ShellContext ctx, String reason) {
    report(
        inv,
        ctx,
        "shell.git.read",
        "read",
        "",
        Severity.SAFE,
        reason,
        null,
        Environment.UNKNOWN,
        true);
  }

  /** Adds one git finding; {@code evidence} null points at the whole invocation. */
  static void report(
      Invocation inv,
      ShellContext ctx,
      String rule,
      String verb,
      String resource,
      Severity severity,
      String reason,
      @Nullable Arg evidence,
      Environment detected,
      boolean read) {
    FindingBuilder b =
        ctx.finding(inv, rule)
            .verb(verb)
            .resource(resource)
            .severity(severity)
            .reason(reason)
            .detected(detected);
    if (read) {
      b.read();
    }
    PathFindings.evidence(b, inv, evidence).addTo(ctx.analysis());
  }
}
