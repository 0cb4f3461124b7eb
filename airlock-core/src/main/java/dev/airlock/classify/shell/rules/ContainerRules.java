package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Container engines: {@code docker}, {@code podman}, {@code nerdctl} and compose ({@code docker
 * compose}, {@code docker-compose}, {@code podman-compose}). Removing volumes, images, forced or
 * volume-carrying containers, pruning, {@code compose down -v} and removing swarm services, stacks,
 * secrets and nodes are destructive (a volume named for production, or on a production context, is
 * catastrophic); {@code run} and {@code exec} hand the command run inside to the shell classifier
 * ({@link ContainerRun}); stopping and starting are safe writes; listing and building are safe.
 * {@code --context}, {@code -H}, compose files, project names and container names name the
 * environment.
 */
public final class ContainerRules implements CommandRules {

  private static final Set<String> GLOBAL =
      Set.of(
          "--context",
          "-c",
          "-H",
          "--host",
          "--config",
          "-l",
          "--log-level",
          "--tlscacert",
          "--tlscert",
          "--tlskey",
          "--connection",
          "--url",
          "--identity",
          "--root",
          "--runroot",
          "--storage-driver",
          "--cgroup-manager",
          "--events-backend",
          "--tmpdir",
          "--module",
          "--namespace",
          "-n",
          "--address",
          "-a",
          "--snapshotter",
          "--cni-path",
          "--data-root");

  private static final Set<String> COMPOSE_GLOBAL =
      Set.of(
          "-f",
          "--file",
          "-p",
          "--project-name",
          "--project-directory",
          "--env-file",
          "--profile",
          "--ansi",
          "--progress",
          "--parallel");

  private static final String[] GLOBAL_ARRAY = GLOBAL.toArray(new String[0]);
  private static final String[] COMPOSE_ARRAY = COMPOSE_GLOBAL.toArray(new String[0]);

  private static final Set<String> GROUPS =
      Set.of(
          "container",
          "image",
          "volume",
          "network",
          "system",
          "builder",
          "buildx",
          "context",
          "plugin",
          "swarm",
          "node",
          "service",
          "stack",
          "secret",
          "config",
          "trust",
          "manifest",
          "pod",
          "machine",
          "kube",
          "artifact",
          "farm");

  /** Top-level commands that are shorthands for {@code container X} or {@code image X}. */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("rm", "container rm"), Map.entry("rmi", "image rm"),
          Map.entry("images", "image ls"), Map.entry("ps", "container ls"),
          Map.entry("build", "image build"), Map.entry("pull", "image pull"),
          Map.entry("push", "image push"), Map.entry("tag", "image tag"),
          Map.entry("save", "image save"), Map.entry("load", "image load"),
          Map.entry("history", "image history"), Map.entry("import", "image import"));

  private static final Set<String> READS =
      Set.of(
          "ls",
          "list",
          "ps",
          "logs",
          "inspect",
          "top",
          "stats",
          "port",
          "diff",
          "history",
          "df",
          "info",
          "events",
          "version",
          "search",
          "images",
          "show",
          "exists",
          "healthcheck",
          "config",
          "ls-remote",
          "du",
          "status",
          "help",
          "view",
          "scout",
          "sbom",
          "--version",
          "-v",
          "--help");

  private static final Set<String> WRITES =
      Set.of(
          "start",
          "stop",
          "restart",
          "kill",
          "pause",
          "unpause",
          "create",
          "rename",
          "update",
          "commit",
          "export",
          "attach",
          "wait",
          "cp",
          "build",
          "pull",
          "push",
          "tag",
          "save",
          "load",
          "import",
          "login",
          "logout",
          "init",
          "up",
          "deploy",
          "scale",
          "connect",
          "disconnect",
          "use",
          "install",
          "enable",
          "disable",
          "upgrade",
          "join",
          "promote",
          "demote",
          "play",
          "generate",
          "bake",
          "watch",
          "convert",
          "restore",
          "checkpoint",
          "mount",
          "unmount",
          "umount",
          "sign",
          "annotate",
          "events",
          "debug",
          "model",
          "ai",
          "extension",
          "desktop",
          "mcp",
          "compose",
          "set",
          "unset",
          "untag");

  @Override
  public String name() {
    return "container";
  }

  @Override
  public Set<String> programs() {
    return Set.of("docker", "podman", "nerdctl", "docker-compose", "podman-compose");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    Reporter r = new Reporter("container", inv, ctx);
    List<Arg> args = inv.args();
    String p = inv.program();
    boolean login = Cli.has(args, "login");
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value();
      if (login && (v.equals("-p") || v.equals("--password")) && i + 1 < args.size()) {
        r.secret(args.get(i + 1));
      } else if (v.startsWith("--password=")) {
        r.secret(args.get(i), "--password=");
      }
    }
    if (p.endsWith("-compose")) {
      compose(r, args, p);
    } else {
      int i = Cli.operand(args, 0, GLOBAL);
      ArgView global = ArgView.of(args.subList(0, i), GLOBAL_ARRAY);
      r.mark(Cli.value(global.value("--context", "-c", "--connection")));
      r.mark(host(Cli.value(global.value("-H", "--host", "--url"))));
      dispatch(r, args.subList(Math.min(i, args.size()), args.size()), p);
    }
    r.finish("command", "run", "nothing destructive recognised");
  }

  private static String host(@Nullable String h) {
    return h == null ? "" : Targets.isUrl(h) ? Targets.url(h).host() : h;
  }

  private static void dispatch(Reporter r, List<Arg> rest, String p) {
    if (rest.isEmpty()) {
      return;
    }
    String first = rest.get(0).value();
    String group;
    List<Arg> tail;
    if (GROUPS.contains(first)) {
      group = first;
      tail = rest.subList(1, rest.size());
    } else {
      String alias = ALIASES.get(first);
      if (alias == null) {
        group = "container";
        tail = rest;
      } else {
        group = alias.substring(0, alias.indexOf(' '));
        tail = rest.subList(1, rest.size());
        String action = alias.substring(alias.indexOf(' ') + 1);
        act(r, group, action, tail, p);
        return;
      }
      if (first.equals("compose")) {
        compose(r, rest.subList(1, rest.size()), p + " compose");
        return;
      }
    }
    if (tail.isEmpty()) {
      r.read("help", group, "", p + " " + group + " without an action prints help");
      return;
    }
    act(r, group, tail.get(0).value(), tail.subList(1, tail.size()), p);
  }

  private static void act(Reporter r, String group, String action, List<Arg> args, String p) {
    ArgView v = ArgView.of(args, "--filter", "--format", "-t", "--time", "-s", "--signal");
    List<Arg> names = v.positionals();
    String list = names.isEmpty() ? "" : Cli.join(names);
    for (Arg n : names) {
      r.mark(n.value());
    }
    String key = group + " " + (action.equals("remove") || action.equals("delete") ? "rm" : action);
    switch (key) {
      case "container run", "container exec" -> {
        if (action.equals("run")) {
          ContainerRun.run(r, args, p + " run", false);
        } else {
          ContainerRun.exec(r, args, p + " exec", false);
        }
      }
      case "container rm", "pod rm" -> {
        String what = group + (names.size() == 1 ? " " : "s ") + list;
        if (v.flag("-v", "--volumes")) {
          r.add(
              group + "-rm",
              "delete",
              what,
              Severity.DESTRUCTIVE,
              "removes " + what + " with its anonymous volumes and the data in them");
        } else {
          r.write(
              group + "-rm",
              "delete",
              what,
              "removes "
                  + what
                  + (v.flag("-f", "--force") ? ", stopping it if running" : "")
                  + "; containers are disposable and their volumes are kept");
        }
      }
      case "image rm", "image prune" ->
          r.write(
              "image-" + action,
              action.equals("prune") ? "prune" : "delete",
              action.equals("prune") ? "unused images" : "images " + list,
              "deletes images, which can be pulled or rebuilt again");
      case "volume rm" -> {
        boolean prod = r.env() == Environment.PRODUCTION;
        r.add(
            "volume-rm",
            "delete",
            "volume" + (names.size() == 1 ? " " : "s ") + list,
            prod ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE,
            "deletes volume"
                + (names.size() == 1 ? " " : "s ")
                + list
                + " and every file stored in "
                + (names.size() == 1 ? "it" : "them")
                + (prod ? ", production data" : ""));
      }
      case "volume prune" ->
          r.add(
              "volume-prune",
              "prune",
              "unused volumes",
              Severity.DESTRUCTIVE,
              "deletes every volume no container uses"
                  + (v.flag("-a", "--all") ? ", named ones included," : "")
                  + " with the data in them");
      case "system prune" -> {
        String what = "stopped containers, unused networks and images, build cache";
        if (v.flag("--volumes")) {
          r.add(
              "system-prune",
              "prune",
              what + " and unused volumes",
              Severity.DESTRUCTIVE,
              "deletes every stopped container, unused network and image, the build cache,"
                  + " and every unused volume with its data");
        } else {
          r.write(
              "system-prune",
              "prune",
              what,
              "deletes stopped containers, unused networks and images and the build cache, all"
                  + " of which can be recreated; volumes are kept");
        }
      }
      case "system reset", "machine rm", "machine reset" ->
          r.add(
              group + "-" + action,
              "reset",
              group.equals("machine") ? "machine " + list : "all container storage",
              Severity.DESTRUCTIVE,
              p
                  + " "
                  + group
                  + " "
                  + action
                  + " deletes every container, image and volume it holds");
      case "container prune", "pod prune" ->
          r.write(
              group + "-prune",
              "prune",
              "stopped " + group + "s",
              "deletes every stopped " + group + "; volumes are kept");
      case "service rm", "stack rm", "stack down", "secret rm", "config rm", "node rm" ->
          r.add(
              group + "-rm",
              "delete",
              group + " " + list,
              Severity.DESTRUCTIVE,
              "removes swarm "
                  + group
                  + " "
                  + list
                  + (group.equals("secret") || group.equals("config")
                      ? "; services using it break"
                      : "; what runs on it stops"));
      case "swarm leave" -> {
        if (v.flag("-f", "--force")) {
          r.add(
              "swarm-leave",
              "leave",
              "this swarm node",
              Severity.DESTRUCTIVE,
              "forces this node out of the swarm; a manager leaving can break the swarm's quorum");
        } else {
          r.write("swarm-leave", "leave", "this swarm node", "leaves the swarm");
        }
      }
      case "service scale" -> {
        boolean zero = list.contains("=0");
        r.add(
            "service-scale",
            "scale",
            "service " + list,
            zero ? Severity.DESTRUCTIVE : Severity.SAFE,
            zero ? "scales a service to zero: it stops serving" : "changes the number of replicas");
      }
      case "container login", "container logout" -> {
        String registry = names.isEmpty() ? "" : names.get(names.size() - 1).value();
        r.write(
            action,
            action,
            "registry " + registry,
            p + " " + action + " stores or removes registry credentials");
      }
      default -> {
        String cmd = p + " " + (group.equals("container") ? "" : group + " ") + action;
        if (READS.contains(action)) {
          r.read(group + "-" + action, action, list, cmd + " only reads");
        } else if (WRITES.contains(action) || action.equals("rm") || action.equals("prune")) {
          r.write(group + "-" + action, action, list, cmd + " loses no data");
        } else {
          r.unknown("unknown", action, list, cmd + " is not a command Airlock knows");
        }
      }
    }
  }

  private static void compose(Reporter r, List<Arg> args, String via) {
    int i = Cli.operand(args, 0, COMPOSE_GLOBAL);
    ArgView global = ArgView.of(args.subList(0, i), COMPOSE_ARRAY);
    for (Arg f : global.values("-f", "--file", "-p", "--project-name", "--env-file", "--profile")) {
      r.mark(f.value());
    }
    if (i >= args.size()) {
      r.read("compose-help", "help", "", via + " without a command prints help");
      return;
    }
    String cmd = args.get(i).value();
    List<Arg> rest = args.subList(i + 1, args.size());
    ArgView v = ArgView.of(rest, "--rmi", "-t", "--timeout");
    String project = "the compose project";
    switch (cmd) {
      case "down" -> {
        boolean vols = v.flag("-v", "--volumes");
        Arg rmi = v.value("--rmi");
        String images =
            rmi == null ? "" : " and its images (--rmi " + rmi.value() + "), which can be rebuilt";
        if (vols) {
          r.add(
              "compose-down",
              "down",
              project + " and its volumes",
              Severity.DESTRUCTIVE,
              via
                  + " down removes the project's containers"
                  + images
                  + " and deletes its volumes with every file in them");
        } else {
          r.write(
              "compose-down",
              "down",
              project,
              via + " down removes containers and networks" + images + "; volumes are kept");
        }
      }
      case "rm" -> {
        if (v.flag("-v", "--volumes")) {
          r.add(
              "compose-rm",
              "delete",
              project,
              Severity.DESTRUCTIVE,
              via + " rm -v removes stopped service containers with their anonymous volumes");
        } else {
          r.write("compose-rm", "delete", project, via + " rm removes stopped service containers");
        }
      }
      case "exec" -> ContainerRun.exec(r, rest, via + " exec", true);
      case "run" -> ContainerRun.run(r, rest, via + " run", true);
      default -> {
        if (READS.contains(cmd)) {
          r.read("compose-" + cmd, cmd, project, via + " " + cmd + " only reads");
        } else if (WRITES.contains(cmd) || cmd.equals("kill") || cmd.equals("build")) {
          r.write("compose-" + cmd, cmd, project, via + " " + cmd + " loses no data");
        } else {
          r.unknown(
              "compose-unknown", cmd, project, via + " " + cmd + " is not a command Airlock knows");
        }
      }
    }
  }
}
