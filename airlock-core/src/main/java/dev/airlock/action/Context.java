package dev.airlock.action;

import org.jspecify.annotations.Nullable;

/**
 * Where an action comes from: the environment as the caller states it, the working directory and
 * the agent and session that asked.
 */
public record Context(
    Environment environment,
    @Nullable String cwd,
    @Nullable String agentId,
    @Nullable String sessionId) {

  /** A context that knows nothing: unknown environment, no cwd, no agent. */
  public static final Context UNKNOWN = new Context(Environment.UNKNOWN, null, null, null);

  /** A context that states only an environment. */
  public static Context of(Environment environment) {
    return new Context(environment, null, null, null);
  }
}
