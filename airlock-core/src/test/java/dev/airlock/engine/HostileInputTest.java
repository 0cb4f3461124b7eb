package dev.airlock.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.airlock.action.Action;
import dev.airlock.action.Context;
import dev.airlock.action.Environment;
import dev.airlock.action.HttpAction;
import dev.airlock.action.McpAction;
import dev.airlock.action.ShellAction;
import dev.airlock.action.SqlAction;
import dev.airlock.action.ToolAnnotations;
import dev.airlock.classify.Severity;
import dev.airlock.json.Json;
import dev.airlock.policy.Decision;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input of every kind yields a verdict, never an exception or a hang. */
class HostileInputTest {

  private static final Context DEV = Context.of(Environment.DEVELOPMENT);
  private static final String TEN_MB = "a".repeat(10 * 1024 * 1024);

  static Stream<Action> heldInputs() {
    Json deep = Json.EMPTY_OBJECT;
    for (int i = 0; i < 500; i++) {
      deep = new Json.Obj(Map.of("command", deep));
    }
    return Stream.of(
        new ShellAction(TEN_MB, DEV),
        new ShellAction("rm -rf " + "$(".repeat(100_000), DEV),
        new ShellAction("(".repeat(300_000), DEV),
        new ShellAction("echo \"unterminated", DEV),
        new ShellAction("\u0000\u0001\u0002 rm", DEV),
        new SqlAction(TEN_MB, DEV),
        new SqlAction(
            "DELETE FROM t WHERE " + "(".repeat(100_000) + "1" + ")".repeat(100_000), DEV),
        new HttpAction(
            "POST",
            "https://backboard.railway.app/graphql/v2",
            List.of(),
            "{\"query\":\"mutation {" + "{".repeat(50_000),
            DEV),
        new HttpAction("POST", "https://backboard.railway.app/graphql/v2", List.of(), TEN_MB, DEV),
        new McpAction("shell", "run_command", deep, ToolAnnotations.NONE, false, DEV));
  }

  @ParameterizedTest
  @MethodSource("heldInputs")
  void hostileInput_isHeldWithAReason(Action action) {
    Verdict v = Gate.standard().check(action);
    assertThat(v.decision()).isNotEqualTo(Decision.ALLOW);
    assertThat(v.ruling().reason()).isNotBlank();
  }

  @ParameterizedTest
  @MethodSource("heldInputs")
  void overLimit_namesTheLimit(Action action) {
    Verdict v = Gate.standard().check(action);
    if (v.classification().findings().stream()
        .anyMatch(f -> f.ruleId().equals(ActionClassifier.LIMIT))) {
      assertThat(v.ruling().reason() + v.classification().findings()).contains("limit");
    }
  }

  static Stream<Action> quietInputs() {
    return Stream.of(
        new ShellAction("", DEV),
        new ShellAction("   \n  ", DEV),
        new ShellAction("# just a comment", DEV),
        new SqlAction("", DEV),
        new SqlAction("-- nothing", DEV));
  }

  @ParameterizedTest
  @MethodSource("quietInputs")
  void emptyInput_isUnderstoodAsDoingNothing(Action action) {
    Verdict v = Gate.standard().check(action);
    assertThat(v.classification().severity()).isEqualTo(Severity.SAFE);
    assertThat(v.decision()).isEqualTo(Decision.ALLOW);
  }
}
