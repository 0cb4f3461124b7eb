package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.FilePaths;
import dev.airlock.classify.FindingBuilder;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.PathRisk.Category;
import dev.airlock.classify.shell.rules.PathRisk.Risk;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Turns path judgements into findings, shared by the filesystem, disk and Windows packs: one
 * finding per category of path an invocation touches (the worst argument of each category as
 * evidence), rule ids of the form {@code <prefix>-<category>}, and reasons that say what is lost.
 */
final class PathFindings {

  private PathFindings() {}

  /** Writes the reason for one judged path: the risk, and the path as shown. */
  interface Reason {
    String of(Risk risk, Arg arg);
  }

  /** What to say when no path was judged harmful; null to say nothing. */
  record Safe(String ruleId, String verb, String reason) {}

  /**
   * Judges every target and reports each category that is not safe; when none is and {@code safe}
   * is given, reports that instead.
   */
  static void report(
      Invocation inv,
      ShellContext ctx,
      List<Arg> targets,
      Function<Arg, Risk> judge,
      String rulePrefix,
      String verb,
      Reason reason,
      @Nullable Safe safe) {
    report(inv, ctx, targets, judge, rulePrefix, verb, reason, safe, Environment.UNKNOWN);
  }

  /** As above, with an environment the pack detected (a remote host, a pool name). */
  static void report(
      Invocation inv,
      ShellContext ctx,
      List<Arg> targets,
      Function<Arg, Risk> judge,
      String rulePrefix,
      String verb,
      Reason reason,
      @Nullable Safe safe,
      Environment detected) {
    Map<Category, Risk> worst = new EnumMap<>(Category.class);
    Map<Category, Arg> evidence = new EnumMap<>(Category.class);
    for (Arg target : targets) {
      Arg a = PathRisk.windowsSource(inv, target);
      Risk r = judge.apply(a);
      Risk before = worst.get(r.category());
      if (before == null || r.severity().rank() > before.severity().rank()) {
        worst.put(r.category(), r);
        evidence.put(r.category(), a);
      }
    }
    boolean any = false;
    for (Map.Entry<Category, Risk> e : worst.entrySet()) {
      Risk r = e.getValue();
      if (r.severity() == Severity.SAFE) {
        continue;
      }
      any = true;
      Arg a = evidence.getOrDefault(e.getKey(), targets.getFirst());
      FindingBuilder b =
          ctx.finding(inv, rulePrefix + "-" + slug(e.getKey()))
              .verb(verb)
              .resource(r.path())
              .severity(r.severity())
              .reason(reason.of(r, a))
              .detected(detected);
      if (e.getKey() == Category.DATA) {
        b.detected(EnvironmentMarkers.of(r.path()));
      }
      evidence(b, inv, a).addTo(ctx.analysis());
    }
    if (!any && safe != null && !targets.isEmpty()) {
      ctx.finding(inv, safe.ruleId())
          .verb(safe.verb())
          .resource(shown(targets))
          .severity(Severity.SAFE)
          .reason(safe.reason())
          .detected(detected)
          .addTo(ctx.analysis());
    }
  }

  /**
   * Points a finding at an argument: its span and source text, or the invocation if it has none.
   */
  static FindingBuilder evidence(FindingBuilder b, Invocation inv, @Nullable Arg a) {
    if (a == null || a.end() <= a.start()) {
      return b;
    }
    return b.evidence(a.start(), a.end(), source(inv, a));
  }

  /** The text an argument was written as, or its value when the span lies outside the command. */
  static String source(Invocation inv, Arg a) {
    int s = a.start() - inv.start();
    int e = a.end() - inv.start();
    String t = inv.text();
    if (s < 0 || e > t.length() || s >= e) {
      return a.value();
    }
    return t.substring(s, e);
  }

  /** The targets, joined for a resource. */
  static String shown(List<Arg> targets) {
    StringBuilder sb = new StringBuilder();
    for (Arg a : targets) {
      if (sb.length() > 120) {
        sb.append(" ...");
        break;
      }
      if (!sb.isEmpty()) {
        sb.append(' ');
      }
      sb.append(a.value());
    }
    return sb.toString();
  }

  /** The rule-id word for a category ({@code home-secrets} for {@link Category#HOME_SECRETS}). */
  static String slug(Category c) {
    return switch (c) {
      case PROJECT_CRITICAL -> "critical";
      case CWD_ALL -> "cwd";
      case HOME_SECRETS -> "secrets";
      case HOME_CONFIG -> "config";
      default -> c.name().toLowerCase(Locale.ROOT).replace('_', '-');
    };
  }

  /** The environment named in a path or host, when it names one. */
  static Environment environmentOf(String text) {
    return EnvironmentMarkers.of(text);
  }

  /** What deleting something of a category loses, as the end of a sentence. */
  static String deleteLoss(Category c, String path, boolean recursive) {
    return switch (c) {
      case ROOT ->
          "the operating system and every file on the machine are lost; there is nothing to undo it";
      case SYSTEM ->
          recursive
              ? "the operating system stops working and must be reinstalled"
              : "logins, boot or the programs that rely on it break until it is restored";
      case SYSTEM_PART -> "the software that relies on it breaks until it is restored";
      case HOME ->
          "everything in it that is not backed up elsewhere is lost: projects, keys, configuration";
      case HOME_SECRETS ->
          "the keys or credentials in it are gone, and the access they grant with them";
      case HOME_CONFIG -> "user configuration is lost; it is rarely under version control";
      case DATA -> "the data kept there is lost unless it is backed up somewhere else";
      case PROJECT_CRITICAL -> criticalLoss(path);
      case CWD_ALL ->
          "everything there goes, including untracked work and ignored files (.env, local data)"
              + " that git cannot restore";
      case DYNAMIC ->
          "if the value is empty or wrong, anything can go"
              + (path.startsWith("$") && path.contains("/")
                  ? " (with an empty variable, " + path + " starts at /)"
                  : "");
      case DEVICE -> "programs lose access to the disk until the device node is recreated";
      case SPECIAL -> "programs that rely on it fail until it is recreated";
      case OTHER ->
          recursive
              ? "files there that are not committed or backed up are lost for good"
              : "the files are lost unless committed or backed up";
      case REGENERABLE -> "a build, an install or the tool recreates it";
    };
  }

  private static String criticalLoss(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    if (FilePaths.agentGuard(p)) {
      return "these are the agent runtime's hook settings, where Airlock is installed: an agent must"
          + " not switch off its own guard rails";
    }
    if (p.contains(".git")) {
      return "the repository's history goes with it: unpushed commits, branches, stashes and"
          + " the reflog";
    }
    if (p.contains("tfstate")) {
      return "terraform loses track of the infrastructure it manages";
    }
    if (p.contains(".env") || p.contains("secret") || p.contains("credential")) {
      return "it holds secrets that git does not keep, so they cannot be restored from the"
          + " repository";
    }
    return "it holds keys or credentials that git does not keep";
  }
}
