package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.PathRisk.Category;
import dev.airlock.classify.shell.rules.PathRisk.Risk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code find} for the filesystem pack. Listing is safe. {@code -delete} deletes every match: it is
 * judged like a recursive delete of the search roots, unless every alternative of the expression
 * names what it matches ({@code -name '*.pyc'}, {@code -path '*}{@code /node_modules/*'}), in which
 * case the names are judged. {@code -exec}, {@code -execdir}, {@code -ok} and {@code -okdir} hand
 * their command back to the classifier with {@code {}} replaced by an argument flagged {@link
 * Arg#INPUT} that stands for the matches ({@code ./**}{@code /*.pyc}, or the root when nothing
 * narrows), so {@code find . -type f -exec rm -f {} +} is judged by the rm rules.
 *
 * <p>Negated tests ({@code ! -name x}) and regular expressions do not narrow; an alternative
 * ({@code -o}) without a name test makes the whole expression unnarrowed.
 */
final class FindCommand {

  private FindCommand() {}

  private static final Set<String> NAME_TESTS = Set.of("-name", "-iname");

  private static final Set<String> PATH_TESTS =
      Set.of("-path", "-ipath", "-wholename", "-iwholename");

  private static final Set<String> EXEC = Set.of("-exec", "-execdir", "-ok", "-okdir");

  private static final Set<String> ONE_VALUE =
      Set.of(
          ("-maxdepth -mindepth -type -xtype -size -mtime -mmin -atime -amin "
                  + "-ctime -cmin -newer -anewer -cnewer -user -group -uid -gid -perm "
                  + "-links -inum -samefile -fstype -printf -used -context -lname -ilname "
                  + "-regex -iregex -regextype -files0-from -newermt -newerct -newerat "
                  + "-newermm")
              .split(" "));

  static void classify(Invocation inv, ShellContext ctx) {
    List<Arg> args = inv.args();
    int i = 0;
    while (i < args.size()) {
      String v = args.get(i).value();
      if (v.equals("-H") || v.equals("-L") || v.equals("-P")) {
        i++;
      } else if (v.equals("-D")) {
        i += 2;
      } else if (v.startsWith("-O") && v.length() <= 3) {
        i++;
      } else {
        break;
      }
    }
    List<Arg> roots = new ArrayList<>();
    while (i < args.size()) {
      Arg a = args.get(i);
      String v = a.value();
      if (!a.dynamic() && (v.startsWith("-") || v.equals("(") || v.equals("!") || v.equals(")"))) {
        break;
      }
      roots.add(a);
      i++;
    }
    if (roots.isEmpty()) {
      roots.add(new Arg(".", 0, inv.start(), inv.start()));
    }
    List<String> names = new ArrayList<>();
    List<String> patterns = new ArrayList<>();
    List<List<Arg>> execs = new ArrayList<>();
    List<String> execWords = new ArrayList<>();
    List<Arg> writes = new ArrayList<>();
    boolean delete = false;
    boolean empty = false;
    boolean narrowed = true;
    boolean altHasName = false;
    boolean negate = false;
    while (i < args.size()) {
      String v = args.get(i).value();
      Arg next = i + 1 < args.size() ? args.get(i + 1) : null;
      if (v.equals("!") || v.equals("-not")) {
        negate = true;
        i++;
        continue;
      }
      if (v.equals("-o") || v.equals("-or")) {
        narrowed &= altHasName;
        altHasName = false;
      } else if ((NAME_TESTS.contains(v) || PATH_TESTS.contains(v)) && next != null) {
        if (!negate) {
          names.add(next.value());
          patterns.add(NAME_TESTS.contains(v) ? "**/" + next.value() : next.value());
          altHasName = true;
        }
        i++;
      } else if (v.equals("-empty")) {
        empty |= !negate;
      } else if (v.equals("-delete")) {
        delete = true;
      } else if (EXEC.contains(v)) {
        List<Arg> argv = new ArrayList<>();
        int j = i + 1;
        while (j < args.size()
            && !args.get(j).value().equals(";")
            && !args.get(j).value().equals("+")) {
          argv.add(args.get(j));
          j++;
        }
        execs.add(argv);
        execWords.add(v);
        i = j;
      } else if ((v.equals("-fprint") || v.equals("-fprint0") || v.equals("-fls"))
          && next != null) {
        writes.add(next);
        i++;
      } else if (v.equals("-fprintf") && next != null) {
        writes.add(next);
        i += 2;
      } else if (ONE_VALUE.contains(v)) {
        i++;
      }
      negate = false;
      i++;
    }
    boolean narrow = narrowed && altHasName && !names.isEmpty();
    Arg matches = matches(roots, narrow ? patterns : List.of());
    boolean onlyEmpty = empty && !narrow;
    if (delete) {
      PathFindings.report(
          inv,
          ctx,
          List.of(matches),
          a -> deleteRisk(a, onlyEmpty),
          "shell.fs.find-delete",
          "delete-recursive",
          (r, a) ->
              "find -delete removes every match under "
                  + PathFindings.shown(roots)
                  + (narrow ? " named " + String.join(" or ", names) : "")
                  + " ("
                  + PathRisk.describe(r.category())
                  + "): "
                  + PathFindings.deleteLoss(r.category(), r.path(), true),
          new PathFindings.Safe(
              "shell.fs.find-delete-narrow",
              "delete",
              onlyEmpty
                  ? "find -delete removes only empty files and directories here"
                  : "find -delete removes only files a build or a tool recreates"));
    }
    for (int k = 0; k < execs.size(); k++) {
      List<Arg> argv = new ArrayList<>();
      for (Arg a : execs.get(k)) {
        argv.add(
            a.value().contains("{}")
                ? new Arg(
                    a.value().replace("{}", matches.value()),
                    a.flags() | matches.flags(),
                    a.start(),
                    a.end())
                : a);
      }
      if (!argv.isEmpty()) {
        ctx.command(inv, argv, "find " + execWords.get(k), Environment.UNKNOWN);
      }
    }
    if (!writes.isEmpty()) {
      PathFindings.report(
          inv,
          ctx,
          writes,
          PathRisk::clobber,
          "shell.fs.find-write",
          "overwrite",
          (r, a) ->
              "find writes its list over "
                  + r.path()
                  + " ("
                  + PathRisk.describe(r.category())
                  + "): "
                  + CopyMoves.clobberLoss(r.category()),
          null);
    }
    if (!delete && execs.isEmpty() && writes.isEmpty()) {
      ctx.finding(inv, "shell.fs.find-list")
          .verb("read")
          .resource(PathFindings.shown(roots))
          .severity(Severity.SAFE)
          .read()
          .reason("find without -delete or -exec only lists files")
          .addTo(ctx.analysis());
    }
  }

  /**
   * The argument standing for find's matches: each root, narrowed by the name patterns when there
   * are any, as one path or a brace expansion of several.
   */
  private static Arg matches(List<Arg> roots, List<String> patterns) {
    List<String> values = new ArrayList<>();
    int flags = Arg.INPUT;
    for (Arg r : roots) {
      String base = r.value();
      if (base.length() > 1 && base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      flags |= r.flags() & (Arg.HOME | Arg.DYNAMIC | Arg.GLOB | Arg.BRACE | Arg.SUBST);
      if (patterns.isEmpty()) {
        values.add(base);
        continue;
      }
      flags |= Arg.GLOB;
      for (String p : patterns) {
        values.add(p.startsWith("*") ? base + "/" + p : p.startsWith("/") ? p : join(base, p));
      }
    }
    Arg first = roots.getFirst();
    if (values.size() == 1) {
      return new Arg(values.getFirst(), flags, first.start(), first.end());
    }
    return new Arg(
        "{" + String.join(",", values) + "}",
        flags | Arg.BRACE,
        first.start(),
        roots.getLast().end());
  }

  private static String join(String base, String pattern) {
    if (pattern.startsWith(base + "/") || (base.equals(".") && pattern.startsWith("./"))) {
      return pattern;
    }
    return base.equals("/") ? "/" + pattern : base + "/" + pattern;
  }

  private static Risk deleteRisk(Arg a, boolean onlyEmpty) {
    Risk r = PathRisk.delete(a, true);
    if (!onlyEmpty) {
      return r;
    }
    Category c = r.category();
    boolean local =
        c == Category.CWD_ALL
            || c == Category.OTHER
            || c == Category.REGENERABLE
            || c == Category.DYNAMIC;
    Severity s = local ? Severity.SAFE : Severity.DESTRUCTIVE;
    return new Risk(c, s, r.path());
  }
}
