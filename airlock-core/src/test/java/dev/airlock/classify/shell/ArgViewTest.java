package dev.airlock.classify.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgViewTest {

  private static ArgView view(String line, String... withValue) {
    return Invocation.ofWords(("prog " + line).split(" ")).view(withValue);
  }

  @Test
  void clusters_splitIntoLetters() {
    ArgView v = view("-rf /");
    assertThat(v.flag("-r")).isTrue();
    assertThat(v.flag("-f")).isTrue();
    assertThat(v.flag("-rf")).isTrue();
    assertThat(v.positionals()).extracting(Arg::value).containsExactly("/");
  }

  @Test
  void valueOptions_takeNextOrAttached() {
    ArgView v =
        view(
            "-n prod get -nstaging --context=gke_prod --namespace default pods",
            "-n",
            "--namespace");
    assertThat(v.values("-n", "--namespace"))
        .extracting(Arg::value)
        .containsExactly("prod", "staging", "default");
    assertThat(v.value("--context")).extracting(Arg::value).isEqualTo("gke_prod");
    assertThat(v.positionals()).extracting(Arg::value).containsExactly("get", "pods");
  }

  @Test
  void doubleDash_endsOptions() {
    ArgView v = view("exec pod -- rm -rf /");
    assertThat(v.positionals())
        .extracting(Arg::value)
        .containsExactly("exec", "pod", "rm", "-rf", "/");
    assertThat(v.flag("-r")).isFalse();
  }

  @Test
  void singleDashLong_isSeenWhole() {
    ArgView v = view("/ -type f -delete", "-type");
    assertThat(v.flag("-delete")).isTrue();
    assertThat(v.value("-type")).extracting(Arg::value).isEqualTo("f");
  }

  @Test
  void emptyAndLoneDash_areOperands() {
    ArgView v = ArgView.of(List.of(Arg.literal("-"), Arg.literal("x")));
    assertThat(v.positionals()).extracting(Arg::value).containsExactly("-", "x");
  }
}
