package dev.airlock.classify.shell;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;

/** awk programs: {@code system("...")} and pipes to commands run shell code. */
final class Awk {

  private Awk() {}

  static void classify(Invocation inv, ShellWalk walk) {
    String program = null;
    for (int i = 0; i < inv.args().size(); i++) {
      Arg a = inv.args().get(i);
      String v = a.value();
      if (v.equals("-f")) {
        return; // program in a file: not inspected, like any script
      }
      if (v.equals("-v") || v.equals("-F")) {
        i++;
        continue;
      }
      if (!v.startsWith("-")) {
        program = v;
        break;
      }
    }
    if (program == null) {
      return;
    }
    int at = program.indexOf("system(");
    boolean piped =
        program.matches("(?s).*\\|\\s*\"[^\"]*\".*")
            || program.matches("(?s).*\"[^\"]*\"\\s*\\|\\s*getline.*");
    if (at < 0 && !piped) {
      walk.finding(inv, "shell.read-only")
          .verb("read")
          .severity(Severity.SAFE)
          .read()
          .reason("awk program without system() or command pipes")
          .addTo(walk.analysis());
      return;
    }
    int found = 0;
    int from = 0;
    while ((at = program.indexOf("system(", from)) >= 0) {
      int q = at + "system(".length();
      while (q < program.length() && Character.isWhitespace(program.charAt(q))) {
        q++;
      }
      if (q < program.length() && program.charAt(q) == '"') {
        int end = program.indexOf('"', q + 1);
        if (end > q) {
          walk.shellText(inv, program.substring(q + 1, end), "awk system()", Environment.UNKNOWN);
          found++;
        }
      } else {
        found = -1;
        break;
      }
      from = at + 1;
    }
    if (found <= 0) {
      walk.finding(inv, "shell.dynamic-code")
          .verb("execute")
          .severity(Severity.UNKNOWN)
          .reason(
              "awk runs shell commands built at run time (system() or a command pipe); they cannot be judged")
          .addTo(walk.analysis());
    }
  }
}
