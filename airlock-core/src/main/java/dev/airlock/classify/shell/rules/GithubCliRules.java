package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The GitHub CLI, {@code gh}: deleting a repository is catastrophic; deleting releases, runs,
 * secrets, variables, issues, labels, gists, codespaces and projects, archiving a repository,
 * changing its visibility, force-syncing it and merging past branch protection are destructive;
 * {@code gh auth token} and {@code gh auth status --show-token} reveal a credential; {@code gh api}
 * is rebuilt as the HTTP request it sends ({@link GhApi}) and judged by the HTTP classifier's
 * GitHub catalog. GitHub itself is shared, so no environment is assumed.
 */
public final class GithubCliRules implements CommandRules {

  private static final String[] VALUES = {
    "-R",
    "--repo",
    "--hostname",
    "-b",
    "--body",
    "-F",
    "--body-file",
    "-t",
    "--title",
    "-e",
    "--env",
    "-o",
    "--org",
    "-a",
    "--app",
    "-v",
    "--visibility",
    "-q",
    "--jq",
    "--template",
    "-L",
    "--limit",
    "-c",
    "--codespace",
    "-s",
    "--state",
    "-l",
    "--label",
    "--json",
    "-B",
    "--base",
    "-H",
    "--head",
    "-m",
    "--milestone",
    "--assignee",
    "--author",
    "-w",
    "--workflow",
    "-u",
    "--user",
    "-n",
    "--name",
    "-p",
    "--pattern",
    "-D",
    "--dir",
    "--branch",
    "--commit",
    "--key",
    "--ref",
    "--source",
    "-O",
    "--output",
    "--owner",
    "--format",
    "--id",
    "-d",
    "--description",
    "--homepage",
    "--default-branch",
    "--color",
    "--scopes",
    "-h",
    "--with-token"
  };

  /** {@code group action} pairs that lose data, with what they lose. */
  private static final Map<String, String> DESTRUCTIVE =
      Map.ofEntries(
          Map.entry("repo archive", "makes the repository read-only for everyone until unarchived"),
          Map.entry("release delete", "deletes the release and its assets"),
          Map.entry("release delete-asset", "deletes a release asset"),
          Map.entry("run delete", "deletes a workflow run with its logs and artifacts"),
          Map.entry("secret delete", "deletes the secret; workflows using it break"),
          Map.entry("secret remove", "deletes the secret; workflows using it break"),
          Map.entry("variable delete", "deletes the variable"),
          Map.entry("variable remove", "deletes the variable"),
          Map.entry("issue delete", "deletes the issue with its comments; it cannot be restored"),
          Map.entry("label delete", "deletes the label from every issue and pull request"),
          Map.entry("gist delete", "deletes the gist"),
          Map.entry("codespace delete", "deletes the codespace with any uncommitted work in it"),
          Map.entry("project delete", "deletes the project with its items and fields"),
          Map.entry("project item-delete", "deletes a project item"),
          Map.entry("project field-delete", "deletes a project field and its values"),
          Map.entry("deploy-key delete", "deletes a deploy key; deployments using it break"));

  private static final Set<String> READ_ACTIONS =
      Set.of(
          "list",
          "ls",
          "view",
          "status",
          "diff",
          "checks",
          "download",
          "watch",
          "get",
          "logs",
          "show",
          "verify",
          "check",
          "search",
          "browse",
          "code",
          "jupyter",
          "trusted-root",
          "inspect",
          "");

  private static final Set<String> GROUPS =
      Set.of(
          "repo",
          "release",
          "run",
          "workflow",
          "cache",
          "secret",
          "variable",
          "pr",
          "issue",
          "label",
          "gist",
          "codespace",
          "project",
          "ssh-key",
          "gpg-key",
          "org",
          "ruleset",
          "attestation",
          "extension",
          "ext",
          "alias",
          "config",
          "auth",
          "status",
          "browse",
          "search",
          "help",
          "version",
          "completion",
          "api",
          "copilot",
          "agent-task",
          "preview",
          "accessibility",
          "licenses");

  @Override
  public String name() {
    return "gh";
  }

  @Override
  public Set<String> programs() {
    return Set.of("gh");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Reporter r = new Reporter("gh", inv, ctx);
    List<Arg> args = inv.args();
    String group = args.isEmpty() ? "" : args.get(0).value();
    if (group.equals("api")) {
      r.http(GhApi.request(inv, args.subList(1, args.size())));
      return;
    }
    ArgView v = ArgView.of(args, VALUES);
    List<Arg> pos = v.positionals();
    String action = pos.size() > 1 ? pos.get(1).value() : "";
    String repo = Cli.value(v.value("-R", "--repo"));
    String key = group + " " + action;
    if (group.equals("repo") && action.equals("deploy-key") && pos.size() > 2) {
      key = "deploy-key " + pos.get(2).value();
    }
    String operand = pos.size() > 2 ? pos.get(2).value() : "";
    if (group.equals("repo") && repo == null && !operand.isEmpty() && operand.indexOf('/') > 0) {
      repo = operand;
    }
    String where = repo == null ? "the current repository" : "repository " + repo;
    String what =
        group.equals("repo")
            ? where
            : group + (operand.isEmpty() ? "" : " " + operand) + " of " + where;
    if (group.equals("secret") && action.equals("set")) {
      r.secret(v.value("-b", "--body"));
    }
    switch (key) {
      case "repo delete" ->
          r.add(
              "repo-delete",
              "delete",
              where,
              Severity.CATASTROPHIC,
              "deletes "
                  + where
                  + " with its issues, pull requests, wiki and releases; only an admin can"
                  + " ask GitHub to restore it, for a short time");
      case "auth token" ->
          r.add(
              "reveal-credential",
              "reveal-credential",
              "GitHub token",
              Severity.DESTRUCTIVE,
              "gh auth token prints the GitHub token into the agent's context");
      case "auth status" -> {
        if (v.flag("-t", "--show-token")) {
          r.add(
              "reveal-credential",
              "reveal-credential",
              "GitHub token",
              Severity.DESTRUCTIVE,
              "gh auth status --show-token prints the GitHub token into the agent's context");
        } else {
          r.read("auth-status", "status", "GitHub login", "shows the login status");
        }
      }
      case "repo edit" -> {
        String visibility = Cli.value(v.value("--visibility"));
        if (visibility != null) {
          r.add(
              "repo-visibility",
              "change-visibility",
              where,
              Severity.DESTRUCTIVE,
              "makes "
                  + where
                  + " "
                  + visibility
                  + (visibility.equals("public")
                      ? ": its code and history become visible to everyone"
                      : ": stars, watchers and forks can be lost"));
        } else {
          r.write("repo-edit", "edit", where, "changes repository settings");
        }
      }
      case "repo sync" -> {
        if (v.flag("--force")) {
          r.add(
              "repo-sync-force",
              "force-sync",
              where,
              Severity.DESTRUCTIVE,
              "gh repo sync --force hard-resets the branch to its source: commits only it had are lost");
        } else {
          r.write("repo-sync", "sync", where, "fast-forwards a branch from its source");
        }
      }
      case "pr merge" -> {
        if (v.flag("--admin")) {
          r.add(
              "pr-merge-admin",
              "merge",
              "pull request " + operand + " of " + where,
              Severity.DESTRUCTIVE,
              "merges with administrator rights, bypassing required reviews and checks");
        } else {
          r.write(
              "pr-merge",
              "merge",
              "pull request " + operand + " of " + where,
              "merges a pull request");
        }
      }
      case "codespace ssh" -> {
        int dd = Cli.dashDash(args);
        if (dd >= 0 && dd + 1 < args.size()) {
          r.command(args.subList(dd + 1, args.size()), "gh codespace ssh");
        } else {
          r.write("codespace-ssh", "ssh", "codespace", "opens a shell in a codespace");
        }
      }
      default -> other(r, group, action, key, what);
    }
    r.finish("command", "run", "nothing destructive recognised");
  }

  private static void other(Reporter r, String group, String action, String key, String what) {
    String reason = DESTRUCTIVE.get(key);
    if (reason != null) {
      r.add(
          key.replace(' ', '-'),
          action.startsWith("delete") || action.endsWith("delete") || action.equals("remove")
              ? "delete"
              : action,
          what,
          Severity.DESTRUCTIVE,
          "gh " + key + " " + reason);
    } else if (!GROUPS.contains(group)) {
      r.unknown(
          "unknown", group, "", "gh " + group + " is not a command Airlock knows (an extension?)");
    } else if (group.equals("extension") || group.equals("ext")) {
      if (action.equals("exec")) {
        r.unknown("extension-exec", "exec", "", "runs a gh extension Airlock does not know");
      } else {
        r.write("extension", action, "", "manages gh extensions");
      }
    } else if (READ_ACTIONS.contains(action)
        || group.equals("status")
        || group.equals("browse")
        || group.equals("search")
        || group.equals("help")
        || group.equals("version")
        || group.equals("completion")
        || group.equals("org")
        || group.equals("ruleset")
        || group.equals("attestation")
        || group.equals("licenses")
        || group.equals("copilot")) {
      r.read(
          group + "-read",
          action.isEmpty() ? group : action,
          what,
          "gh " + key.strip() + " only reads");
    } else {
      r.write(group + "-" + action, action, what, "gh " + key + " loses no data");
    }
  }
}
