package dev.airlock.cli;

import dev.airlock.action.Action;
import dev.airlock.classify.Severity;
import dev.airlock.engine.ActionJson;
import dev.airlock.engine.Gate;
import dev.airlock.engine.Verdict;
import dev.airlock.json.Json;
import dev.airlock.json.JsonException;
import dev.airlock.json.JsonLimits;
import dev.airlock.json.JsonReader;
import dev.airlock.policy.Decision;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code airlock policy test CASES.jsonl}: runs a corpus against a policy and prints every miss. A
 * case expects {@code "expect": "allow"|"hold"} (hold = ask or deny) or an exact {@code
 * "decision"}.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Run a corpus (JSON Lines, format of shared/corpus/README.md) against a policy; print misses.",
      "A case passes when its decision meets \"expect\" (allow, or hold = ask|deny) or equals \"decision\"."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every case passed", "2:file cannot be read", "5:misses or unreadable cases"})
final class PolicyTestCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin PolicyOption policy = new PolicyOption();

  @Parameters(paramLabel = "CASES", description = "The corpus file (JSON Lines).")
  Path cases = Path.of("");

  @Override
  public Integer call() throws IOException {
    Gate gate = policy.gate();
    PrintWriter out = spec.commandLine().getOut();
    JsonReader reader =
        new JsonReader(
            new JsonLimits(CheckCommand.MAX_BATCH_LINE, 64, CheckCommand.MAX_BATCH_LINE, 100));
    Map<String, int[]> bySeverity = new TreeMap<>();
    int total = 0;
    int misses = 0;
    int broken = 0;
    if (!Files.isReadable(cases)) {
      throw new UsageException("cannot read " + cases);
    }
    try (BufferedReader in = Files.newBufferedReader(cases, StandardCharsets.UTF_8)) {
      String line;
      int n = 0;
      while ((line = in.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        total++;
        Json json;
        Action action;
        try {
          json = reader.read(line);
          action = ActionJson.read(json);
        } catch (JsonException | IllegalArgumentException e) {
          broken++;
          out.println("BROKEN line " + n + ": " + e.getMessage());
          continue;
        }
        Json.Obj o = (Json.Obj) json;
        String id = ActionJson.id(json);
        String expect = o.string("expect");
        Decision exact = Decision.parse(o.string("decision"));
        if (expect == null && exact == null) {
          broken++;
          out.println(
              "BROKEN line "
                  + n
                  + (id == null ? "" : " (" + id + ")")
                  + ": needs \"expect\" (allow|hold) or \"decision\"");
          continue;
        }
        Verdict v = gate.check(action);
        Decision got = v.decision();
        boolean pass;
        String wanted;
        if (exact != null) {
          pass = got == exact;
          wanted = exact.id();
        } else {
          String e = String.valueOf(expect).toLowerCase(Locale.ROOT);
          if (!e.equals("allow") && !e.equals("hold")) {
            broken++;
            out.println(
                "BROKEN line " + n + ": expect must be allow or hold, not '" + expect + "'");
            continue;
          }
          pass = e.equals("hold") ? got.holds() : got == Decision.ALLOW;
          wanted = e;
        }
        Severity sev = Severity.parse(o.string("severity"));
        String bucket = sev == null ? "(no severity)" : sev.id();
        int[] counts = bySeverity.computeIfAbsent(bucket, k -> new int[2]);
        counts[1]++;
        if (pass) {
          counts[0]++;
        } else {
          misses++;
          out.println(
              "MISS "
                  + (id == null ? "line " + n : id)
                  + ": expected "
                  + wanted
                  + ", got "
                  + got.id()
                  + " ("
                  + String.join(",", v.ruling().ruleIds())
                  + ") "
                  + v.ruling().reason());
        }
      }
    }
    for (Map.Entry<String, int[]> e : bySeverity.entrySet()) {
      int[] c = e.getValue();
      out.printf(
          Locale.ROOT,
          "%-14s %4d/%-4d %.1f%% right%n",
          e.getKey(),
          c[0],
          c[1],
          100.0 * c[0] / c[1]);
    }
    out.println(
        total
            + " cases, "
            + misses
            + " misses, "
            + broken
            + " unreadable (policy: "
            + gate.policy().source()
            + ")");
    out.flush();
    return misses + broken > 0 ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }
}
