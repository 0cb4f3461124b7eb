package dev.airlock.classify.shell.rules;

import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.ArgView;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.Locale;
import java.util.Set;

/**
 * The machine itself: powering off, stopping services, killing processes, wiping scheduled jobs,
 * firewall rules and user accounts.
 */
public final class SystemRules implements CommandRules {

  private static final Set<String> DATA_DAEMONS =
      Set.of(
          "postgres",
          "postmaster",
          "mysqld",
          "mariadbd",
          "mongod",
          "redis-server",
          "etcd",
          "elasticsearch",
          "clickhouse-server",
          "kafka",
          "zookeeper");

  @Override
  public String name() {
    return "system";
  }

  @Override
  public Set<String> programs() {
    return Set.of(
        "shutdown",
        "reboot",
        "halt",
        "poweroff",
        "init",
        "telinit",
        "systemctl",
        "service",
        "kill",
        "killall",
        "pkill",
        "crontab",
        "iptables",
        "ip6tables",
        "nft",
        "ufw",
        "userdel",
        "deluser",
        "groupdel",
        "delgroup",
        "passwd",
        "launchctl",
        "sc");
  }

  @Override
  public void classify(Invocation inv, ShellContext ctx) {
    String p = inv.program();
    ArgView v = inv.view("-u", "-s", "-n", "-t", "-U", "-g");
    switch (p) {
      case "shutdown", "reboot", "halt", "poweroff" -> {
        if (v.flag("-c", "--help", "-k")) {
          return;
        }
        report(
            inv,
            ctx,
            "shell.system.power-off",
            "power-off",
            "this machine",
            Severity.DESTRUCTIVE,
            p
                + " stops or restarts the machine: every service on it goes down and unsaved work is lost");
      }
      case "init", "telinit" -> {
        String level = v.word(0);
        if (level.equals("0") || level.equals("6")) {
          report(
              inv,
              ctx,
              "shell.system.power-off",
              "power-off",
              "this machine",
              Severity.DESTRUCTIVE,
              p + " " + level + " halts or reboots the machine");
        }
      }
      case "systemctl", "service" -> service(inv, ctx, v);
      case "kill" -> {
        for (Arg a : v.positionals()) {
          if (a.value().equals("-1") || a.value().equals("1")) {
            report(
                inv,
                ctx,
                "shell.system.kill-all",
                "kill",
                "every process",
                Severity.DESTRUCTIVE,
                "kill "
                    + a.value()
                    + " signals every process (or init), taking down everything running");
            return;
          }
        }
        if (inv.args().stream().anyMatch(a -> a.value().equals("-1"))) {
          report(
              inv,
              ctx,
              "shell.system.kill-all",
              "kill",
              "every process",
              Severity.DESTRUCTIVE,
              "kill -1 signals every process you may signal");
        }
      }
      case "killall", "pkill" -> {
        for (Arg a : v.positionals()) {
          String name = a.value().toLowerCase(Locale.ROOT);
          if (DATA_DAEMONS.contains(name)
              || name.startsWith("postgres")
              || name.startsWith("mysql")) {
            report(
                inv,
                ctx,
                "shell.system.kill-database",
                "kill",
                a.value(),
                Severity.DESTRUCTIVE,
                p
                    + " kills the "
                    + a.value()
                    + " database server: in-flight transactions are lost and dependants go down");
            return;
          }
        }
        if (v.flag("-u") && inv.args().size() <= 3
            || v.positionals().stream().anyMatch(a -> a.value().equals("-9") || a.glob())) {
          report(
              inv,
              ctx,
              "shell.system.kill-many",
              "kill",
              "processes",
              Severity.DESTRUCTIVE,
              p + " may kill many processes at once");
        }
      }
      case "crontab" -> {
        if (v.flag("-r")) {
          report(
              inv,
              ctx,
              "shell.system.crontab-remove",
              "delete",
              "crontab",
              Severity.DESTRUCTIVE,
              "crontab -r deletes every scheduled job of the user, without asking");
        }
      }
      case "iptables", "ip6tables" -> {
        if (v.flag("-F", "--flush", "-X", "--delete-chain")) {
          report(
              inv,
              ctx,
              "shell.system.firewall-flush",
              "flush",
              "firewall rules",
              Severity.DESTRUCTIVE,
              p + " flushes firewall rules, exposing or cutting off the machine");
        }
      }
      case "nft" -> {
        if (inv.values().contains("flush")) {
          report(
              inv,
              ctx,
              "shell.system.firewall-flush",
              "flush",
              "firewall rules",
              Severity.DESTRUCTIVE,
              "nft flush removes firewall rules");
        }
      }
      case "ufw" -> {
        String sub = v.word(0);
        if (sub.equals("disable") || sub.equals("reset")) {
          report(
              inv,
              ctx,
              "shell.system.firewall-flush",
              sub,
              "firewall",
              Severity.DESTRUCTIVE,
              "ufw " + sub + " turns the firewall off or forgets its rules");
        }
      }
      case "userdel", "deluser", "groupdel", "delgroup" -> {
        boolean home = v.flag("-r", "--remove", "--remove-home", "--remove-all-files");
        report(
            inv,
            ctx,
            "shell.system.account-delete",
            "delete",
            v.word(v.positionals().size() - 1),
            home ? Severity.DESTRUCTIVE : Severity.DESTRUCTIVE,
            p + " deletes an account" + (home ? " and its home directory" : ""));
      }
      case "passwd" -> {
        if (v.flag("-d", "--delete")) {
          report(
              inv,
              ctx,
              "shell.system.password-delete",
              "delete-password",
              v.word(0),
              Severity.DESTRUCTIVE,
              "passwd -d removes the password, letting anyone log in to the account");
        }
      }
      case "launchctl" -> {
        String sub = v.word(0);
        if (sub.equals("remove") || sub.equals("unload") || sub.equals("bootout")) {
          report(
              inv,
              ctx,
              "shell.system.service-remove",
              sub,
              v.word(1),
              Severity.DESTRUCTIVE,
              "launchctl " + sub + " stops and removes a service");
        }
      }
      case "sc" -> {
        String sub = v.word(0).toLowerCase(Locale.ROOT);
        if (sub.equals("delete") || sub.equals("stop")) {
          report(
              inv,
              ctx,
              "shell.system.service-remove",
              sub,
              v.word(1),
              Severity.DESTRUCTIVE,
              "sc " + sub + " stops or deletes a Windows service");
        }
      }
      default -> {}
    }
  }

  private static void service(Invocation inv, ShellContext ctx, ArgView v) {
    String first = v.word(0);
    String second = v.word(1);
    String verb = inv.program().equals("service") ? second : first;
    String unit = inv.program().equals("service") ? first : second;
    switch (verb) {
      case "stop", "disable", "mask", "kill", "isolate" ->
          report(
              inv,
              ctx,
              "shell.system.service-stop",
              verb,
              unit,
              Severity.DESTRUCTIVE,
              inv.program() + " " + verb + " takes the " + unit + " service down");
      case "poweroff", "reboot", "halt", "kexec", "emergency", "rescue" ->
          report(
              inv,
              ctx,
              "shell.system.power-off",
              verb,
              "this machine",
              Severity.DESTRUCTIVE,
              "systemctl " + verb + " stops or restarts the machine");
      default -> {
        if (verb.equals("status")
            || verb.startsWith("list")
            || verb.equals("show")
            || verb.equals("is-active")
            || verb.equals("cat")) {
          ctx.finding(inv, "shell.system.read")
              .verb(verb)
              .resource(unit)
              .severity(Severity.SAFE)
              .read()
              .reason(inv.program() + " " + verb + " only reports")
              .addTo(ctx.analysis());
        }
      }
    }
  }

  private static void report(
      Invocation inv,
      ShellContext ctx,
      String rule,
      String verb,
      String resource,
      Severity severity,
      String reason) {
    ctx.finding(inv, rule)
        .verb(verb)
        .resource(resource)
        .severity(severity)
        .detected(EnvironmentMarkers.of(resource))
        .reason(reason)
        .addTo(ctx.analysis());
  }
}
