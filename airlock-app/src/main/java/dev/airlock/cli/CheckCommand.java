package dev.airlock.cli;

import dev.airlock.action.Action;
import dev.airlock.action.Context;
import dev.airlock.action.Environment;
import dev.airlock.action.HttpAction;
import dev.airlock.action.McpAction;
import dev.airlock.action.ShellAction;
import dev.airlock.action.ShellWords;
import dev.airlock.action.SqlAction;
import dev.airlock.action.ToolAnnotations;
import dev.airlock.classify.Trace;
import dev.airlock.engine.ActionJson;
import dev.airlock.engine.Gate;
import dev.airlock.engine.Verdict;
import dev.airlock.engine.VerdictJson;
import dev.airlock.json.Json;
import dev.airlock.json.JsonException;
import dev.airlock.json.JsonLimits;
import dev.airlock.json.JsonReader;
import dev.airlock.json.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code airlock check}: classify and judge one action, or a stream of them with {@code --batch}.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Classify an action and judge it by the policy.",
      "",
      "  airlock check [--env E] -- COMMAND...        a shell command",
      "  airlock check --sql 'TEXT'                    SQL",
      "  airlock check --http METHOD URL [--data BODY] [--header 'Name: value']...",
      "  airlock check --mcp TOOL [--server S] --args JSON",
      "  airlock check --batch < cases.jsonl           JSON Lines in, one verdict per line out",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:allow", "1:internal error", "2:usage error", "3:ask", "4:deny"})
final class CheckCommand implements Callable<Integer> {

  /** The longest line --batch reads; longer lines get an error verdict. */
  static final int MAX_BATCH_LINE = 16 * 1024 * 1024;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin PolicyOption policy = new PolicyOption();

  @Option(
      names = "--env",
      paramLabel = "ENV",
      description =
          "Environment as you know it: production, staging, development (default: unknown, treated as production).")
  @Nullable String env;

  @Option(
      names = "--cwd",
      paramLabel = "DIR",
      description = "Working directory the action would run in.")
  @Nullable String cwd;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  @Nullable Mode mode;

  static final class Mode {
    @Option(names = "--sql", paramLabel = "TEXT", description = "Check SQL text.")
    @Nullable String sql;

    @Option(
        names = "--http",
        arity = "2",
        paramLabel = "METHOD URL",
        description = "Check an HTTP request.")
    @Nullable List<String> http;

    @Option(names = "--mcp", paramLabel = "TOOL", description = "Check an MCP tool call.")
    @Nullable String mcp;

    @Option(
        names = "--batch",
        description = "Read JSON Lines actions on stdin; write one JSON verdict per line.")
    boolean batch;
  }

  @Option(
      names = "--target",
      paramLabel = "DB",
      description = "With --sql: the database it goes to (URL, host or file).")
  @Nullable String target;

  @Option(
      names = {"--data", "-d"},
      paramLabel = "BODY",
      description = "With --http: the request body.")
  @Nullable String data;

  @Option(
      names = {"--header", "-H"},
      paramLabel = "'NAME: VALUE'",
      description = "With --http: a request header (repeatable).")
  List<String> headers = new ArrayList<>();

  @Option(names = "--server", paramLabel = "NAME", description = "With --mcp: the MCP server name.")
  @Nullable String server;

  @Option(
      names = "--args",
      paramLabel = "JSON",
      description = "With --mcp: the tool arguments, a JSON object.")
  @Nullable String args;

  @Option(names = "--json", description = "Print the verdict as one JSON object.")
  boolean json;

  @Option(
      names = "--explain",
      description = "Show how the action was understood: parse, wrappers, rules.")
  boolean explain;

  @Parameters(
      paramLabel = "COMMAND",
      description = "The shell command (after --). One argument is taken as a whole command line.")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    Gate gate = policy.gate();
    if (mode != null && mode.batch) {
      if (!command.isEmpty()) {
        throw new UsageException("--batch reads actions from stdin; do not give a command too");
      }
      return batch(gate);
    }
    Action action = action();
    Verdict v = gate.check(action, explain ? Trace.recording() : Trace.OFF);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(JsonWriter.write(VerdictJson.of(v, null, explain)));
    } else {
      out.print(VerdictText.render(v, explain));
    }
    out.flush();
    return ExitCodes.of(v.decision());
  }

  private Action action() {
    Environment e = Environment.parse(env);
    if (env != null && e == Environment.UNKNOWN && !env.equalsIgnoreCase("unknown")) {
      throw new UsageException(
          "--env must be production, staging, development or unknown, not '" + env + "'");
    }
    Context ctx = new Context(e, cwd, null, null);
    Mode m = mode;
    if (m != null && m.sql != null) {
      requireNoCommand("--sql");
      return new SqlAction(m.sql, target, ctx);
    }
    if (m != null && m.http != null) {
      requireNoCommand("--http");
      List<Map.Entry<String, String>> hs = new ArrayList<>();
      for (String h : headers) {
        int colon = h.indexOf(':');
        if (colon <= 0) {
          throw new UsageException("--header must look like 'Name: value', not '" + h + "'");
        }
        hs.add(
            new AbstractMap.SimpleImmutableEntry<>(
                h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
      }
      return new HttpAction(m.http.get(0), m.http.get(1), hs, data == null ? "" : data, ctx);
    }
    if (m != null && m.mcp != null) {
      requireNoCommand("--mcp");
      Json arguments = Json.EMPTY_OBJECT;
      if (args != null) {
        try {
          arguments = JsonReader.standard().read(args);
        } catch (JsonException ex) {
          throw new UsageException("--args is not valid JSON: " + ex.getMessage());
        }
      }
      return new McpAction(
          server == null ? "" : server, m.mcp, arguments, ToolAnnotations.NONE, false, ctx);
    }
    if (command.isEmpty()) {
      throw new UsageException(
          "nothing to check: give a command after --, or --sql, --http, --mcp or --batch");
    }
    return new ShellAction(ShellWords.join(command), ctx);
  }

  private void requireNoCommand(String flag) {
    if (!command.isEmpty()) {
      throw new UsageException(flag + " takes its input from the flag; do not also give a command");
    }
  }

  private int batch(Gate gate) throws IOException {
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    BoundedLineReader in =
        new BoundedLineReader(new InputStreamReader(System.in, decoder), MAX_BATCH_LINE);
    Writer out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    JsonReader reader = new JsonReader(new JsonLimits(MAX_BATCH_LINE, 64, MAX_BATCH_LINE, 100));
    BoundedLineReader.Line line;
    long n = 0;
    while ((line = in.next()) != null) {
      n++;
      out.write(JsonWriter.write(verdictFor(gate, reader, line, n)));
      out.write('\n');
      if (!in.ready()) {
        out.flush();
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private Json verdictFor(Gate gate, JsonReader reader, BoundedLineReader.Line line, long n) {
    if (line.tooLong()) {
      return VerdictJson.error(
          null,
          "line "
              + n
              + " is "
              + line.length()
              + " characters, over the limit of "
              + MAX_BATCH_LINE);
    }
    if (line.text().isBlank()) {
      return VerdictJson.error(null, "line " + n + " is empty: expected a JSON object");
    }
    Json parsed;
    try {
      parsed = reader.read(line.text());
    } catch (JsonException e) {
      return VerdictJson.error(null, "line " + n + ": " + e.getMessage());
    }
    String id = ActionJson.id(parsed);
    Action action;
    try {
      action = ActionJson.read(parsed);
    } catch (IllegalArgumentException e) {
      return VerdictJson.error(id, "line " + n + ": " + e.getMessage());
    }
    try {
      return VerdictJson.of(
          gate.check(action, explain ? Trace.recording() : Trace.OFF), id, explain);
    } catch (RuntimeException e) {
      return VerdictJson.error(
          id, "line " + n + ": internal error (" + e.getClass().getSimpleName() + ")");
    }
  }
}
