package dev.airlock.hook;

/**
 * What the hook process prints and how it exits.
 *
 * @param exitCode 0 when the answer is on standard output (or there is nothing to say), 2 to block
 *     with the reason on standard error
 * @param stdout the runtime's JSON answer, or empty for silence
 * @param stderr a reason for the runtime when blocking by exit code, or empty
 */
public record HookAnswer(int exitCode, String stdout, String stderr) {

  /** The exit code every supported runtime reads as "block this tool call". */
  public static final int BLOCK = 2;
}
