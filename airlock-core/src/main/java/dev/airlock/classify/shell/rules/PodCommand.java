package dev.airlock.classify.shell.rules;

import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands run inside pods: {@code kubectl exec POD -- argv}, {@code oc rsh POD argv}, {@code
 * kubectl debug TARGET -- argv} and {@code kubectl run NAME --image=X -- argv}. The argv goes back
 * to the shell classifier with the environment the namespace, context and pod name mark. A debug
 * pod on a node sees the node's root file system at {@code /host}, so {@code /host/x} is judged as
 * the node's {@code /x}.
 */
final class PodCommand {

  private PodCommand() {}

  /**
   * Judges one command; {@code head} is the arguments before {@code --}, {@code ops} its operands
   * after the verb, {@code tail} the arguments after {@code --}.
   */
  static void judge(
      Reporter r,
      ArgView v,
      String verb,
      List<Arg> head,
      List<Arg> ops,
      List<Arg> tail,
      String cli,
      String ns) {
    String target = ops.isEmpty() ? "" : ops.get(0).value();
    r.mark(target);
    List<Arg> argv = new ArrayList<>(tail);
    if (argv.isEmpty() && ops.size() > 1 && !verb.equals("debug")) {
      int at = head.indexOf(ops.get(0));
      argv.addAll(head.subList(at + 1, head.size()));
    }
    String where = (verb.equals("run") ? "pod " : "") + target + " in namespace " + ns;
    if (argv.isEmpty()) {
      String image = Cli.value(v.value("--image"));
      r.write(
          verb,
          verb.equals("run") ? "run" : "open-shell",
          where,
          verb.equals("run")
              ? "starts a pod from image " + image + " with its default command"
              : cli + " " + verb + " opens an interactive session in " + where);
      return;
    }
    if (verb.equals("debug") && target.startsWith("node/")) {
      for (int i = 0; i < argv.size(); i++) {
        Arg a = argv.get(i);
        String val = a.value();
        if (val.equals("/host") || val.startsWith("/host/")) {
          String mapped = val.length() == 5 ? "/" : val.substring(5);
          argv.set(i, a.withValue(mapped));
        }
      }
    }
    r.command(argv, cli + " " + verb + " " + target);
  }
}
