package dev.airlock.hook;

import dev.airlock.engine.Verdict;
import dev.airlock.json.Json;
import dev.airlock.json.JsonWriter;
import dev.airlock.policy.Decision;
import dev.airlock.secret.Redactor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes Airlock's verdict on a tool call in the runtime's own protocol.
 *
 * <ul>
 *   <li>Claude Code and Codex: nothing at all when Airlock has no objection (the runtime's own
 *       permission rules still apply), or {@code hookSpecificOutput} with {@code
 *       permissionDecision} {@code ask} (Claude Code only) or {@code deny}.
 *   <li>Cursor: always an answer, {@code {"permission", "user_message", "agent_message"}}; a read
 *       cannot be put to the user, so a held read is denied.
 *   <li>Gemini CLI: nothing when there is no objection, else {@code {"decision":"deny","reason"}}.
 * </ul>
 *
 * When the hook could not judge the call, every runtime gets exit code 2 with the reason on
 * standard error: the one signal all four read as "block".
 */
public final class HookAnswers {

  private HookAnswers() {}

  /**
   * The answer for a judged call.
   *
   * @param verdicts one per action of the call; none when the tool is one Airlock passes
   * @param emitAllow say {@code allow} out loud when there is no objection, which in Claude Code
   *     skips the user's own permission prompt; only when the user opted in
   */
  public static HookAnswer of(HookCall call, List<Verdict> verdicts, boolean emitAllow) {
    Verdict worst = worst(verdicts);
    AgentRuntime runtime = call.runtime();
    Decision d = worst == null ? Decision.ALLOW : worst.decision();
    if (d == Decision.ASK && !canAsk(call)) {
      d = Decision.DENY;
    }
    return switch (runtime) {
      // Codex treats an allow without rewritten input as a failed hook: say nothing instead.
      case CLAUDE_CODE -> preToolUse(d, worst, emitAllow);
      case CODEX -> preToolUse(d, worst, false);
      case CURSOR -> cursor(d, worst);
      case GEMINI -> gemini(d, worst, emitAllow);
    };
  }

  /** The answer when the payload could not be read or judged: block, with the reason. */
  public static HookAnswer failure(AgentRuntime runtime, String reason) {
    String agent = AgentMessage.failed(reason);
    String stdout =
        runtime == AgentRuntime.CURSOR
            ? line(
                Json.object()
                    .put("permission", "deny")
                    .put("user_message", Redactor.redact("Airlock could not check this: " + reason))
                    .put("agent_message", agent)
                    .build())
            : "";
    return new HookAnswer(HookAnswer.BLOCK, stdout, agent + "\n");
  }

  private static boolean canAsk(HookCall call) {
    return call.runtime().canAsk()
        && !(call.runtime() == AgentRuntime.CURSOR && call.event().equals("beforeReadFile"));
  }

  private static HookAnswer preToolUse(Decision d, @Nullable Verdict v, boolean emitAllow) {
    if (d == Decision.ALLOW && !emitAllow) {
      return new HookAnswer(0, "", "");
    }
    String reason =
        switch (d) {
          case ALLOW -> v == null ? "Airlock: nothing to check" : AgentMessage.forUser(v);
          // Claude Code shows an ask's reason to the user and a deny's reason to the model.
          case ASK -> AgentMessage.forUser(v(v));
          case DENY -> AgentMessage.blocked(v(v), v(v).decision() == Decision.ASK);
        };
    Json.Obj out =
        Json.object()
            .put(
                "hookSpecificOutput",
                Json.object()
                    .put("hookEventName", "PreToolUse")
                    .put("permissionDecision", d.id())
                    .put("permissionDecisionReason", reason)
                    .build())
            .build();
    return new HookAnswer(0, line(out), "");
  }

  private static HookAnswer cursor(Decision d, @Nullable Verdict v) {
    Json.ObjBuilder b = Json.object().put("permission", d.id());
    if (v != null && d != Decision.ALLOW) {
      b.put("user_message", AgentMessage.forUser(v));
      b.put(
          "agent_message",
          d == Decision.ASK
              ? AgentMessage.asking(v)
              : AgentMessage.blocked(v, v.decision() == Decision.ASK));
    }
    return new HookAnswer(0, line(b.build()), "");
  }

  private static HookAnswer gemini(Decision d, @Nullable Verdict v, boolean emitAllow) {
    if (d == Decision.ALLOW) {
      return emitAllow
          ? new HookAnswer(0, line(Json.object().put("decision", "allow").build()), "")
          : new HookAnswer(0, "", "");
    }
    Json.Obj out =
        Json.object()
            .put("decision", "deny")
            .put("reason", AgentMessage.blocked(v(v), v(v).decision() == Decision.ASK))
            .put("systemMessage", AgentMessage.forUser(v(v)))
            .build();
    return new HookAnswer(0, line(out), "");
  }

  /** The most restrictive verdict, the first of equals; null when there are none. */
  static @Nullable Verdict worst(List<Verdict> verdicts) {
    Verdict worst = null;
    for (Verdict v : verdicts) {
      if (worst == null || rank(v.decision()) > rank(worst.decision())) {
        worst = v;
      }
    }
    return worst;
  }

  private static int rank(Decision d) {
    return switch (d) {
      case ALLOW -> 0;
      case ASK -> 1;
      case DENY -> 2;
    };
  }

  private static Verdict v(@Nullable Verdict v) {
    if (v == null) {
      throw new IllegalStateException("a hold without a verdict");
    }
    return v;
  }

  private static String line(Json value) {
    return JsonWriter.write(value) + "\n";
  }
}
