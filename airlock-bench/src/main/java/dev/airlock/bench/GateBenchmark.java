package dev.airlock.bench;

import dev.airlock.action.Action;
import dev.airlock.engine.Gate;
import dev.airlock.engine.Verdict;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classification plus decision over the mixed corpus, one thread: every invocation checks the next
 * action of a shuffled cycle through all corpus actions (shell, SQL, HTTP and MCP), so no result
 * can be cached or hoisted. Run in throughput mode for actions/s and in sample mode for
 * percentiles.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 5, time = 3)
public class GateBenchmark {

  /** Which actions: {@code all} (the mixed corpus), or one kind. */
  @Param({"all"})
  public String kind = "all";

  private Gate gate = Gate.standard();
  private Action[] actions = new Action[0];
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    gate = Gate.standard();
    List<Action> list = new java.util.ArrayList<>(BenchCorpus.actions(kind));
    Collections.shuffle(list, new Random(42));
    actions = list.toArray(new Action[0]);
  }

  @Benchmark
  @BenchmarkMode({Mode.Throughput})
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Verdict throughput() {
    return check();
  }

  @Benchmark
  @BenchmarkMode({Mode.SampleTime})
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Verdict latency() {
    return check();
  }

  private Verdict check() {
    Action a = actions[next];
    next = next + 1 == actions.length ? 0 : next + 1;
    return gate.check(a);
  }
}
