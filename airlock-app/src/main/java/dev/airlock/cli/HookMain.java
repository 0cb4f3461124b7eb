package dev.airlock.cli;

import dev.airlock.action.Action;
import dev.airlock.action.Environment;
import dev.airlock.classify.Limits;
import dev.airlock.engine.Gate;
import dev.airlock.engine.Verdict;
import dev.airlock.hook.AgentRuntime;
import dev.airlock.hook.HookAnswer;
import dev.airlock.hook.HookAnswers;
import dev.airlock.hook.HookCall;
import dev.airlock.hook.HookException;
import dev.airlock.hook.HookPayloads;
import dev.airlock.json.JsonLimits;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoader;
import dev.airlock.secret.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code airlock hook RUNTIME [--env ENV] [--policy FILE] [--emit-allow]}: the process an agent
 * runtime starts before every tool call. It runs before the CLI framework is loaded (its start-up
 * is the runtime's latency) and fails closed: whatever goes wrong, the answer is a block with a
 * reason and exit code 2, never a silent pass.
 */
public final class HookMain {

  /** The most bytes read from standard input; more is refused (held), never truncated. */
  static final int MAX_PAYLOAD_BYTES = JsonLimits.DEFAULT.maxDocumentChars();

  private HookMain() {}

  /** {@code args} without the leading {@code hook}. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    AgentRuntime runtime = args.length == 0 ? null : AgentRuntime.parse(args[0]);
    if (runtime == null) {
      err.println(
          "airlock hook: name the runtime: airlock hook claude-code|cursor|codex|gemini"
              + " [--env ENV] [--policy FILE] [--emit-allow]");
      return HookAnswer.BLOCK;
    }
    HookAnswer answer;
    try {
      answer = answer(runtime, args, in);
    } catch (HookException e) {
      answer = HookAnswers.failure(runtime, String.valueOf(e.getMessage()));
    } catch (Throwable t) { // fail closed on anything, an OutOfMemoryError included
      answer =
          HookAnswers.failure(
              runtime,
              "internal error ("
                  + t.getClass().getSimpleName()
                  + (t.getMessage() == null ? "" : ": " + Redactor.redact(t.getMessage()))
                  + ")");
    }
    out.print(answer.stdout());
    out.flush();
    err.print(answer.stderr());
    err.flush();
    return answer.exitCode();
  }

  private static HookAnswer answer(AgentRuntime runtime, String[] args, InputStream in)
      throws HookException {
    Environment env = Environment.UNKNOWN;
    Path policyFile = null;
    boolean emitAllow = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--env" -> env = environment(value(args, ++i, "--env"));
        case "--policy" -> policyFile = Path.of(value(args, ++i, "--policy"));
        case "--emit-allow" -> emitAllow = true;
        default -> {
          if (args[i].startsWith("--env=")) {
            env = environment(args[i].substring("--env=".length()));
          } else if (args[i].startsWith("--policy=")) {
            policyFile = Path.of(args[i].substring("--policy=".length()));
          } else {
            throw new HookException("unknown hook option " + args[i]);
          }
        }
      }
    }
    long t0 = System.nanoTime();
    Policy policy = policy(policyFile);
    long t1 = System.nanoTime();
    String payload = readPayload(in);
    HookCall call = HookPayloads.read(runtime, payload, env);
    long t2 = System.nanoTime();
    Gate gate = new Gate(policy, Limits.DEFAULT);
    long t3 = System.nanoTime();
    List<Verdict> verdicts = new ArrayList<>(call.actions().size());
    for (Action a : call.actions()) {
      verdicts.add(gate.check(a));
    }
    long t4 = System.nanoTime();
    HookAnswer answer = HookAnswers.of(call, verdicts, emitAllow);
    if (System.getenv("AIRLOCK_HOOK_TIMING") != null) { // where a slow hook spends its time
      System.err.printf(
          "airlock hook timing: policy %d ms, payload %d ms, gate %d ms, check %d ms, answer %d"
              + " ms%n",
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          (t4 - t3) / 1_000_000,
          (System.nanoTime() - t4) / 1_000_000);
    }
    return answer;
  }

  private static Policy policy(@Nullable Path file) throws HookException {
    if (file == null) {
      return PolicyLoader.builtIn();
    }
    try {
      return PolicyOption.read(file);
    } catch (UsageException e) {
      throw new HookException(String.valueOf(e.getMessage()));
    }
  }

  private static Environment environment(String text) throws HookException {
    Environment e = Environment.parse(text);
    if (e == Environment.UNKNOWN && !text.equalsIgnoreCase("unknown")) {
      throw new HookException(
          "unknown --env \"" + text + "\": expected production, staging, development or unknown");
    }
    return e;
  }

  private static String value(String[] args, int i, String option) throws HookException {
    if (i >= args.length) {
      throw new HookException(option + " needs a value");
    }
    return args[i];
  }

  /** Standard input as UTF-8, refusing more than {@link #MAX_PAYLOAD_BYTES} or invalid bytes. */
  static String readPayload(InputStream in) throws HookException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (buf.size() + n > MAX_PAYLOAD_BYTES) {
          throw new HookException(
              "the payload is larger than " + MAX_PAYLOAD_BYTES + " bytes (limit JsonLimits)");
        }
        buf.write(chunk, 0, n);
      }
    } catch (IOException e) {
      throw new HookException("standard input could not be read: " + e.getMessage());
    }
    if (buf.size() == 0) {
      throw new HookException("standard input is empty: no payload from the runtime");
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new HookException("the payload is not UTF-8 text");
    }
  }
}
