package dev.airlock.install;

import dev.airlock.json.Json;
import dev.airlock.json.JsonException;
import dev.airlock.json.JsonReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds where Airlock's hook is installed and sends one harmless and one held test decision through
 * each installed command, as the runtime would: {@code sh -c COMMAND} with the payload on standard
 * input.
 */
public final class Doctor {

  /** One settings file that registers Airlock's hook. */
  public record Install(Runtime runtime, String scope, Path file, List<String> commands) {}

  /** What one test decision produced and whether it is what the runtime needs. */
  public record Probe(String name, boolean ok, String detail) {}

  /** The report for one installed command. */
  public record Check(Runtime runtime, String command, boolean executable, List<Probe> probes) {
    public boolean ok() {
      return executable && probes.stream().allMatch(Probe::ok);
    }
  }

  static final String HARMLESS = "ls -la";
  static final String HELD = "rm -rf /";

  private final Duration timeout;

  public Doctor(Duration timeout) {
    this.timeout = timeout;
  }

  /** The user and project settings files that register Airlock's hook, runtime by runtime. */
  public List<Install> find(Runtime rt, Path userFile, Path projectFile) {
    List<Install> out = new ArrayList<>();
    look(rt, "user", userFile, out);
    if (!projectFile.toAbsolutePath().normalize().equals(userFile.toAbsolutePath().normalize())) {
      look(rt, "project", projectFile, out);
    }
    return out;
  }

  private static void look(Runtime rt, String scope, Path file, List<Install> out) {
    try {
      String text = new SettingsFiles(java.time.Clock.systemUTC()).read(file);
      if (text == null) {
        return;
      }
      Set<String> cmds = new LinkedHashSet<>();
      for (String ev : rt.events()) {
        cmds.addAll(SettingsEdit.installedCommands(text, rt, ev));
      }
      if (!cmds.isEmpty()) {
        out.add(new Install(rt, scope, file, List.copyOf(cmds)));
      }
    } catch (IOException | SettingsException e) {
      out.add(new Install(rt, scope + " (unreadable: " + e.getMessage() + ")", file, List.of()));
    }
  }

  /** Runs the harmless and the held test decision through the command. */
  public Check check(Runtime rt, String command, Path cwd) {
    Path exe = Path.of(Shell.firstWord(command));
    boolean executable = exe.isAbsolute() && Files.isRegularFile(exe) && Files.isExecutable(exe);
    List<Probe> probes = new ArrayList<>();
    probes.add(probe(rt, command, cwd, HARMLESS, false));
    probes.add(probe(rt, command, cwd, HELD, true));
    return new Check(rt, command, executable, probes);
  }

  private Probe probe(Runtime rt, String command, Path cwd, String shell, boolean held) {
    String name = (held ? "held " : "harmless ") + "'" + shell + "'";
    Run r;
    try {
      r = run(command, payload(rt, shell, cwd), cwd);
    } catch (IOException e) {
      return new Probe(name, false, "could not start: " + e.getMessage());
    }
    if (r.timedOut) {
      return new Probe(name, false, "no answer within " + timeout.toSeconds() + " s");
    }
    String verdict = verdict(rt, r);
    boolean ok =
        held
            ? verdict.startsWith("deny") || (verdict.startsWith("ask") && rt != Runtime.CODEX)
            : verdict.equals("silent") || verdict.equals("allow");
    return new Probe(
        name, ok, verdict.contains("exit") ? verdict : verdict + " (exit " + r.exit() + ")");
  }

  /** The decision as the runtime reads it: silent, allow, ask, deny, or what is wrong. */
  static String verdict(Runtime rt, Run r) {
    String out = r.stdout.trim();
    if (r.exit == 2) {
      return r.stderr.isBlank() ? "exit 2 without a reason on stderr" : "deny (exit 2)";
    }
    if (r.exit != 0) {
      return "error: exit " + r.exit + " (the runtime lets the action through)";
    }
    if (out.isEmpty()) {
      return "silent";
    }
    Json j;
    try {
      j = JsonReader.standard().read(out);
    } catch (JsonException e) {
      return "unreadable output: " + e.getMessage();
    }
    if (!(j instanceof Json.Obj o)) {
      return "output is not a JSON object";
    }
    String d =
        switch (rt) {
          case CLAUDE_CODE, CODEX -> {
            if (o.get("hookSpecificOutput") instanceof Json.Obj h) {
              String pd = h.string("permissionDecision");
              String reason = h.string("permissionDecisionReason");
              yield pd == null
                  ? null
                  : pd + (reason == null || reason.isBlank() ? "" : ": " + reason);
            }
            yield o.string("decision") == null
                ? null
                : "block".equals(o.string("decision"))
                    ? "deny: " + o.string("reason")
                    : o.string("decision");
          }
          case CURSOR -> {
            String p = o.string("permission");
            String m = o.string("agent_message");
            yield p == null ? null : p + (m == null ? "" : ": " + m);
          }
          case GEMINI -> {
            String dec = o.string("decision");
            String reason = o.string("reason");
            if (dec == null) {
              yield null;
            }
            yield ("block".equals(dec) ? "deny" : dec) + (reason == null ? "" : ": " + reason);
          }
        };
    return d == null ? "silent" : oneLine(d);
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ").strip();
    return t.length() > 160 ? t.substring(0, 157) + "..." : t;
  }

  /** The runtime's documented payload for a shell command. */
  static String payload(Runtime rt, String shellCommand, Path cwd) {
    Json.Obj input = Json.object().put("command", shellCommand).build();
    Json.Obj p =
        switch (rt) {
          case CLAUDE_CODE ->
              Json.object()
                  .put("session_id", "airlock-doctor")
                  .put("transcript_path", "/dev/null")
                  .put("cwd", cwd.toString())
                  .put("permission_mode", "default")
                  .put("hook_event_name", "PreToolUse")
                  .put("tool_name", "Bash")
                  .put("tool_input", input)
                  .put("tool_use_id", "toolu_airlock_doctor")
                  .build();
          case CODEX ->
              Json.object()
                  .put("session_id", "airlock-doctor")
                  .put("turn_id", "turn-airlock-doctor")
                  .put("transcript_path", Json.NULL)
                  .put("cwd", cwd.toString())
                  .put("hook_event_name", "PreToolUse")
                  .put("model", "airlock-doctor")
                  .put("permission_mode", "default")
                  .put("tool_name", "Bash")
                  .put("tool_input", input)
                  .put("tool_use_id", "call_airlock_doctor")
                  .build();
          case CURSOR ->
              Json.object()
                  .put("hook_event_name", "beforeShellExecution")
                  .put("conversation_id", "airlock-doctor")
                  .put("generation_id", "airlock-doctor")
                  .putStrings("workspace_roots", List.of(cwd.toString()))
                  .put("command", shellCommand)
                  .put("cwd", cwd.toString())
                  .build();
          case GEMINI ->
              Json.object()
                  .put("session_id", "airlock-doctor")
                  .put("transcript_path", "/dev/null")
                  .put("cwd", cwd.toString())
                  .put("hook_event_name", "BeforeTool")
                  .put("timestamp", "2026-01-01T00:00:00Z")
                  .put("tool_name", "run_shell_command")
                  .put("tool_input", input)
                  .build();
        };
    return dev.airlock.json.JsonWriter.write(p);
  }

  /** What a hook process printed and how it ended. */
  record Run(int exit, String stdout, String stderr, boolean timedOut) {}

  Run run(String command, String stdin, Path cwd) throws IOException {
    Process p = new ProcessBuilder("sh", "-c", command).directory(cwd.toFile()).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread o = pump(p.getInputStream(), out);
    Thread e = pump(p.getErrorStream(), err);
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException ignored) {
      // the hook may exit before reading its input
    }
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Run(-1, "", "", true);
      }
      o.join();
      e.join();
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      return new Run(-1, "", "", true);
    }
    return new Run(
        p.exitValue(),
        out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8),
        false);
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream out) {
    Thread t =
        new Thread(
            () -> {
              try {
                in.transferTo(out);
              } catch (IOException ignored) {
                // the process ended
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
