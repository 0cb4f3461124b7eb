package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code run} and {@code exec} of docker, podman, nerdctl and compose: finds the image or container
 * and the argv run inside it, and hands the argv back to the shell classifier. Host directories
 * bind-mounted into a new container are mapped back: {@code docker run -v /:/host alpine rm -rf
 * /host} is judged as {@code rm -rf /}. A writable mount of the host's root, {@code /etc}, a home
 * directory or the Docker socket is itself held: whatever runs inside can change the host.
 */
final class ContainerRun {

  private ContainerRun() {}

  static final Set<String> RUN_VALUES =
      Set.of(
          "-a",
          "--attach",
          "--add-host",
          "--annotation",
          "--blkio-weight",
          "--blkio-weight-device",
          "--cap-add",
          "--cap-drop",
          "--cgroup-parent",
          "--cgroupns",
          "--cidfile",
          "--cpu-period",
          "--cpu-quota",
          "--cpu-rt-period",
          "--cpu-rt-runtime",
          "-c",
          "--cpu-shares",
          "--cpus",
          "--cpuset-cpus",
          "--cpuset-mems",
          "--device",
          "--device-cgroup-rule",
          "--device-read-bps",
          "--device-read-iops",
          "--device-write-bps",
          "--device-write-iops",
          "--dns",
          "--dns-option",
          "--dns-search",
          "--domainname",
          "--entrypoint",
          "-e",
          "--env",
          "--env-file",
          "--expose",
          "--gpus",
          "--group-add",
          "--health-cmd",
          "--health-interval",
          "--health-retries",
          "--health-start-period",
          "--health-start-interval",
          "--health-timeout",
          "-h",
          "--hostname",
          "--ip",
          "--ip6",
          "--ipc",
          "--isolation",
          "--kernel-memory",
          "-l",
          "--label",
          "--label-file",
          "--link",
          "--link-local-ip",
          "--log-driver",
          "--log-opt",
          "--mac-address",
          "-m",
          "--memory",
          "--memory-reservation",
          "--memory-swap",
          "--memory-swappiness",
          "--mount",
          "--name",
          "--network",
          "--net",
          "--network-alias",
          "--net-alias",
          "--oom-score-adj",
          "--pid",
          "--pids-limit",
          "--platform",
          "-p",
          "--publish",
          "--pull",
          "--restart",
          "--runtime",
          "--security-opt",
          "--shm-size",
          "--stop-signal",
          "--stop-timeout",
          "--storage-opt",
          "--sysctl",
          "--tmpfs",
          "--ulimit",
          "-u",
          "--user",
          "--userns",
          "--uts",
          "-v",
          "--volume",
          "--volume-driver",
          "--volumes-from",
          "-w",
          "--workdir",
          "--detach-keys",
          "--pod",
          "--secret",
          "--arch",
          "--os",
          "--variant",
          "--uidmap",
          "--gidmap",
          "--requires",
          "--hooks-dir",
          "--index",
          "--env-from",
          "--cgroups",
          "--image-volume",
          "--log-level");

  static final Set<String> EXEC_VALUES =
      Set.of(
          "-e",
          "--env",
          "--env-file",
          "-u",
          "--user",
          "-w",
          "--workdir",
          "--detach-keys",
          "--index",
          "--preserve-fds");

  private static final Set<String> SENSITIVE =
      Set.of(
          "/",
          "/etc",
          "/root",
          "/boot",
          "/dev",
          "/home",
          "/var/run/docker.sock",
          "/run/docker.sock",
          "/var/lib/docker",
          "/proc",
          "/sys");

  /** A bind mount: host source ({@code ~} for the home directory), container target. */
  record Mount(String source, String target, boolean writable) {

    boolean home() {
      return source.equals("~") || source.startsWith("~/");
    }

    boolean sensitive() {
      return writable && (source.equals("~") || SENSITIVE.contains(source));
    }
  }

  /**
   * Judges {@code run}: {@code args} start after the subcommand. {@code compose} runs a service
   * rather than an image.
   */
  static void run(Reporter r, List<Arg> args, String via, boolean compose) {
    int i = Cli.operand(args, 0, RUN_VALUES);
    List<Mount> mounts = new ArrayList<>();
    Arg entrypoint = null;
    for (int k = 0; k < Math.min(i, args.size()); k++) {
      String v = args.get(k).value();
      int eq = v.indexOf('=');
      String name = v.startsWith("--") && eq > 0 ? v.substring(0, eq) : v;
      Arg value =
          v.startsWith("--") && eq > 0
              ? args.get(k).withValue(v.substring(eq + 1))
              : k + 1 < args.size() ? args.get(k + 1) : null;
      if (value == null) {
        continue;
      }
      switch (name) {
        case "-v", "--volume" -> volume(value, mounts);
        case "--mount" -> mount(value.value(), mounts);
        case "--entrypoint" -> entrypoint = value;
        case "--name", "--network", "--net" -> r.mark(value.value());
        default -> {
          if (v.startsWith("-v") && v.length() > 2 && !v.startsWith("--")) {
            volume(args.get(k).withValue(v.substring(2)), mounts);
          }
        }
      }
    }
    if (i >= args.size()) {
      r.write("run", "run", "", via + " without an image does nothing");
      return;
    }
    Arg image = args.get(i);
    r.mark(image.value());
    String what = (compose ? "service " : "image ") + image.value();
    for (Mount m : mounts) {
      if (m.sensitive()) {
        r.add(
            "host-mount",
            "mount-host",
            "host path " + m.source(),
            Severity.DESTRUCTIVE,
            "mounts the host's "
                + (m.home() ? "home directory" : m.source())
                + " writable at "
                + m.target()
                + " in a container of "
                + what
                + ": whatever runs inside can change or delete the host's files");
      }
    }
    List<Arg> argv = new ArrayList<>();
    if (entrypoint != null) {
      argv.add(entrypoint);
    }
    for (Arg a : command(args, i + 1)) {
      argv.add(mapped(a, mounts));
    }
    if (argv.isEmpty()) {
      r.write(
          "run", "run", what, via + " starts a container of " + what + " with its default command");
      return;
    }
    if (!mounts.isEmpty() && r.context().analysis().trace().enabled()) {
      r.context().note("shell: paths under container mounts are judged as the host paths they are");
    }
    r.command(argv, via + " " + image.value());
  }

  /** Judges {@code exec}: {@code args} start after the subcommand. */
  static void exec(Reporter r, List<Arg> args, String via, boolean compose) {
    int i = Cli.operand(args, 0, EXEC_VALUES);
    if (i >= args.size()) {
      r.write("exec", "exec", "", via + " without a container does nothing");
      return;
    }
    Arg target = args.get(i);
    r.mark(target.value());
    List<Arg> argv = command(args, i + 1);
    if (argv.isEmpty()) {
      r.write(
          "exec",
          "exec",
          (compose ? "service " : "container ") + target.value(),
          via + " without a command does nothing");
      return;
    }
    r.command(argv, via + " " + target.value());
  }

  /**
   * The command after the image or container, a literal {@code --} before it dropped: docker passes
   * it on as the program name (and fails), podman and nerdctl end options with it; either way the
   * command after it is what an agent means to run, so it is judged.
   */
  private static List<Arg> command(List<Arg> args, int from) {
    int k = Math.min(from, args.size());
    if (k < args.size() && args.get(k).value().equals("--") && !args.get(k).dynamic()) {
      k++;
    }
    return args.subList(k, args.size());
  }

  private static void volume(Arg spec, List<Mount> mounts) {
    String s = spec.value();
    String[] parts = s.split(":", -1);
    if (parts.length < 2) {
      return;
    }
    String src = parts[0];
    if (!src.startsWith("/")
        && !src.startsWith(".")
        && !src.startsWith("~")
        && !src.startsWith("$")) {
      return;
    }
    boolean ro = parts.length > 2 && parts[2].contains("ro") && !parts[2].contains("rw");
    mounts.add(new Mount(trim(src), trim(parts[1]), !ro));
  }

  private static void mount(String spec, List<Mount> mounts) {
    String type = "";
    String src = "";
    String dst = "";
    boolean ro = false;
    for (String kv : spec.split(",")) {
      int eq = kv.indexOf('=');
      String k = eq < 0 ? kv : kv.substring(0, eq);
      String v = eq < 0 ? "" : kv.substring(eq + 1);
      switch (k) {
        case "type" -> type = v;
        case "source", "src" -> src = v;
        case "target", "destination", "dst" -> dst = v;
        case "readonly", "ro" -> ro = !v.equals("false") && !v.equals("0");
        default -> {}
      }
    }
    if (type.equals("bind") && !src.isEmpty() && !dst.isEmpty()) {
      mounts.add(new Mount(trim(src), trim(dst), !ro));
    }
  }

  private static String trim(String p) {
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /**
   * The argument with every path under a mount's target rewritten to the host path: a whole
   * argument ({@code /host/etc}) or a path inside code ({@code sh -c "rm -rf /h/*"}).
   */
  static Arg mapped(Arg a, List<Mount> mounts) {
    String v = a.value();
    String out = v;
    List<Mount> byLength = new ArrayList<>(mounts);
    byLength.sort((x, y) -> Integer.compare(y.target().length(), x.target().length()));
    boolean home = false;
    boolean dynamic = false;
    for (Mount m : byLength) {
      String replaced = replace(out, m);
      if (!replaced.equals(out)) {
        home |= m.home();
        dynamic |= m.source().startsWith("$");
        out = replaced;
      }
    }
    if (out.equals(v)) {
      return a;
    }
    int flags = a.flags();
    if (home && out.startsWith("~")) {
      flags |= Arg.HOME;
    }
    if (dynamic) {
      flags |= Arg.DYNAMIC;
    }
    return new Arg(out, flags, a.start(), a.end());
  }

  private static String replace(String s, Mount m) {
    String t = m.target();
    if (t.equals("/") || t.isEmpty() || s.indexOf(t) < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 8);
    int i = 0;
    int j;
    while ((j = s.indexOf(t, i)) >= 0) {
      int e = j + t.length();
      boolean before = j == 0 || " \t\n'\"=:;(|&".indexOf(s.charAt(j - 1)) >= 0;
      boolean after = e == s.length() || "/ \t\n'\";)|&*".indexOf(s.charAt(e)) >= 0;
      sb.append(s, i, j);
      if (before && after) {
        String src = m.source();
        boolean slashNext = e < s.length() && s.charAt(e) == '/';
        sb.append(src.equals("/") && slashNext ? "" : src);
      } else {
        sb.append(t);
      }
      i = e;
    }
    return sb.append(s, i, s.length()).toString();
  }
}
