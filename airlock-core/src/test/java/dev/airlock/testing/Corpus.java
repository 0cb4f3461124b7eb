package dev.airlock.testing;

import dev.airlock.json.Json;
import dev.airlock.json.JsonException;
import dev.airlock.json.JsonReader;
import dev.airlock.policy.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Golden corpus files for tests: the shared starter set and Airlock's own corpus. */
public final class Corpus {

  private Corpus() {}

  /** One case: its id, the whole JSON line, what it expects and its severity label. */
  public record Case(
      String id, String line, Json.Obj json, String expect, String severity, String file) {

    /** Whether a decision meets the case's expectation. */
    public boolean met(Decision d) {
      return expect.equals("hold") ? d.holds() : d == Decision.ALLOW;
    }
  }

  /**
   * The directory of the shared material ({@code ../shared}), from the system property Maven sets.
   */
  public static Path shared() {
    String p = System.getProperty("airlock.shared");
    Path dir = p == null ? Path.of("..", "..", "shared") : Path.of(p);
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "the shared corpus is missing: expected ../shared beside the repository (looked at "
              + dir.toAbsolutePath()
              + ")");
    }
    return dir;
  }

  /** The repository root (parent of the module directory tests run in). */
  public static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.exists(here.resolve("corpus")) ? here : here.getParent();
  }

  public static Path starterFile() {
    return shared().resolve("corpus").resolve("starter.jsonl");
  }

  public static List<Case> starter() {
    return read(starterFile());
  }

  /** Airlock's own corpus: every {@code corpus/*.jsonl} at the repository root. */
  public static List<Path> ownFiles() {
    Path dir = root().resolve("corpus");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<Case> own() {
    List<Case> all = new ArrayList<>();
    for (Path p : ownFiles()) {
      all.addAll(read(p));
    }
    return all;
  }

  /**
   * Ids of cases that are known gaps: expected to fail until fixed ({@code corpus/known-gaps.txt}).
   */
  public static Set<String> knownGaps() {
    Path f = root().resolve("corpus").resolve("known-gaps.txt");
    Set<String> ids = new HashSet<>();
    if (Files.exists(f)) {
      try {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String t = line.strip();
          int hash = t.indexOf('#');
          if (hash >= 0) {
            t = t.substring(0, hash).strip();
          }
          if (!t.isEmpty()) {
            ids.add(t);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ids;
  }

  public static List<Case> read(Path file) {
    List<Case> out = new ArrayList<>();
    try {
      JsonReader reader = JsonReader.standard();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        Json.Obj o = (Json.Obj) reader.read(line);
        out.add(
            new Case(
                String.valueOf(o.string("id")),
                line,
                o,
                String.valueOf(o.string("expect")).toLowerCase(Locale.ROOT),
                String.valueOf(o.string("severity")).toLowerCase(Locale.ROOT),
                file.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JsonException e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
    return out;
  }
}
