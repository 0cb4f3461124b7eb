package dev.airlock.hook;

import dev.airlock.action.Action;
import dev.airlock.action.HttpAction;
import dev.airlock.action.McpAction;
import dev.airlock.action.ShellAction;
import dev.airlock.action.ShellWords;
import dev.airlock.action.SqlAction;
import dev.airlock.classify.Finding;
import dev.airlock.engine.Verdict;
import dev.airlock.json.JsonWriter;
import dev.airlock.policy.Decision;
import dev.airlock.policy.Obligations;
import dev.airlock.policy.RuleHit;
import dev.airlock.secret.Redactor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The words a hook sends back: one text for the model, written so that it stops instead of
 * rephrasing the action, and one for the person at the keyboard. Every text is redacted; an
 * action's own text is cut short where it is long.
 */
public final class AgentMessage {

  /** Longest stretch of an action quoted back. */
  static final int MAX_QUOTE = 300;

  private static final String DO_NOT_ROUTE_AROUND =
      "Do not retry it in another form: not with other flags or quoting, not through another tool,"
          + " a script, an API call or an MCP server, and not split into smaller steps. Airlock"
          + " judges what an action does, not how it is spelled, and routing around a hold is the"
          + " failure it exists to stop.";

  private AgentMessage() {}

  /** For the model, when Airlock blocks the action (a deny, or a hold the runtime cannot ask). */
  public static String blocked(Verdict v, boolean runtimeCouldNotAsk) {
    StringBuilder sb = new StringBuilder();
    sb.append("Airlock blocked this action: ").append(what(v.action())).append('\n');
    sb.append("Why: ").append(why(v)).append('\n');
    if (runtimeCouldNotAsk && v.decision() == Decision.ASK) {
      sb.append("It needs a person's approval")
          .append(obligations(v.ruling().obligations()))
          .append(", and this agent runtime cannot ask for it, so it is blocked.\n");
    }
    sb.append(DO_NOT_ROUTE_AROUND).append('\n');
    sb.append(
            "Stop and ask the user: say what you wanted to do and why, and wait for their answer."
                + " Only a person can let it run: ")
        .append(personCanRun(v.action()));
    return Redactor.redact(sb.toString());
  }

  /** For the model, when the runtime is asking its user to approve the action. */
  public static String asking(Verdict v) {
    return Redactor.redact(
        "Airlock is holding this action for the user's approval: "
            + what(v.action())
            + "\nWhy: "
            + why(v)
            + "\nIf the user declines, "
            + DO_NOT_ROUTE_AROUND.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
            + DO_NOT_ROUTE_AROUND.substring(1)
            + " Ask the user how they want to go on.");
  }

  /** For the person: what is held, why, and what approving it means. */
  public static String forUser(Verdict v) {
    String head =
        switch (v.decision()) {
          case DENY -> "Airlock denied: ";
          case ASK ->
              "Airlock holds for your approval" + obligations(v.ruling().obligations()) + ": ";
          case ALLOW -> "Airlock allowed: ";
        };
    return Redactor.redact(head + what(v.action()) + " — " + why(v));
  }

  /** For the model when the hook itself could not judge the call. */
  public static String failed(String reason) {
    return Redactor.redact(
        "Airlock could not check this tool call, so it is blocked: "
            + reason
            + "\n"
            + DO_NOT_ROUTE_AROUND
            + "\nStop and tell the user that Airlock's hook failed and why; a person has to look"
            + " at it (airlock doctor).");
  }

  /** The rule ids, the deciding finding's rule and the evidence, in one line. */
  static String why(Verdict v) {
    StringBuilder sb = new StringBuilder(v.ruling().reason());
    Finding f = deciding(v);
    sb.append(" [policy rules: ").append(String.join(", ", v.ruling().ruleIds()));
    if (f != null) {
      sb.append("; classifier rule: ").append(f.ruleId());
      String evidence = f.evidence().text();
      if (!evidence.isBlank()) {
        sb.append("; evidence: ").append(cut(evidence));
      }
      if (!f.via().isEmpty()) {
        sb.append("; seen through: ").append(String.join(" > ", f.via()));
      }
    }
    return sb.append(']').toString();
  }

  private static @Nullable Finding deciding(Verdict v) {
    List<RuleHit> hits = v.ruling().hits();
    return hits.isEmpty() ? v.classification().primary() : hits.getFirst().finding();
  }

  private static String obligations(Obligations o) {
    StringBuilder sb = new StringBuilder();
    if (o.approvers() > 1) {
      sb.append(" (").append(o.approvers()).append(" approvers");
    } else {
      sb.append(" (1 approver");
    }
    if (o.backup()) {
      sb.append(", a verified backup first");
    }
    if (!o.delay().isZero()) {
      sb.append(", a delay of ").append(dev.airlock.engine.VerdictJson.duration(o.delay()));
    }
    return sb.append(')').toString();
  }

  /** The action in a few words, quoting its own text. */
  static String what(Action a) {
    if (a instanceof ShellAction s) {
      return "the shell command `" + cut(s.command()) + "`";
    }
    if (a instanceof SqlAction s) {
      return "the SQL `" + cut(s.sql()) + "`";
    }
    if (a instanceof HttpAction h) {
      return "the HTTP request " + h.method() + " " + cut(h.url());
    }
    McpAction m = (McpAction) a;
    return "the tool call "
        + (m.server().isEmpty() ? "" : m.server() + ": ")
        + m.tool()
        + " "
        + cut(JsonWriter.write(m.arguments()));
  }

  /** What a person, not the agent, can run to let the action happen after judging it. */
  static String personCanRun(Action a) {
    String explain;
    if (a instanceof ShellAction s) {
      explain = "airlock check --explain -- " + ShellWords.quote(cut(s.command()));
    } else if (a instanceof SqlAction s) {
      explain = "airlock check --explain --sql " + ShellWords.quote(cut(s.sql()));
    } else if (a instanceof HttpAction h) {
      explain = "airlock check --explain --http " + h.method() + " " + ShellWords.quote(h.url());
    } else {
      McpAction m = (McpAction) a;
      explain =
          "airlock check --explain --mcp "
              + ShellWords.quote(m.tool())
              + (m.server().isEmpty() ? "" : " --server " + ShellWords.quote(m.server()))
              + " --args "
              + ShellWords.quote(cut(JsonWriter.write(m.arguments())));
    }
    String run =
        a instanceof ShellAction
            ? "if they judge it safe, they can run the command themselves in their own terminal"
            : "if they judge it safe, they can do it themselves outside the agent, or change the"
                + " Airlock policy (airlock policy show)";
    return "they can see the full decision with `" + explain + "`; " + run;
  }

  private static String cut(String s) {
    String one = s.strip();
    return one.length() <= MAX_QUOTE ? one : one.substring(0, MAX_QUOTE) + "…";
  }
}
