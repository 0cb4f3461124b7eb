package dev.airlock.bench;

import dev.airlock.action.Action;
import dev.airlock.engine.ActionJson;
import dev.airlock.json.JsonException;
import dev.airlock.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The actions benchmarks run: the shared starter corpus plus Airlock's own corpus, read once at
 * setup. Set {@code -Dairlock.root=DIR} when not running from the repository root.
 */
final class BenchCorpus {

  private BenchCorpus() {}

  static Path root() {
    String p = System.getProperty("airlock.root");
    return p == null ? Path.of("").toAbsolutePath() : Path.of(p);
  }

  static List<Path> files() {
    List<Path> files = new ArrayList<>();
    Path starter = root().resolve("../shared/corpus/starter.jsonl").normalize();
    if (Files.exists(starter)) {
      files.add(starter);
    }
    Path own = root().resolve("corpus");
    if (Files.isDirectory(own)) {
      try (Stream<Path> s = Files.list(own)) {
        s.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalStateException(
          "no corpus found under "
              + root()
              + " (run from the repository root or set -Dairlock.root)");
    }
    return files;
  }

  /** Every action of the corpus files whose kind matches ({@code all} for every kind). */
  static List<Action> actions(String kind) {
    List<Action> out = new ArrayList<>();
    for (Path f : files()) {
      try {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          Action a = ActionJson.read(JsonReader.standard().read(line));
          if (kind.equals("all") || a.kind().id().equals(kind)) {
            out.add(a);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (JsonException e) {
        throw new IllegalStateException(f + ": " + e.getMessage(), e);
      }
    }
    return out;
  }
}
