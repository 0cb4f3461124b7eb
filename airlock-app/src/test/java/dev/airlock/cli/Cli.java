package dev.airlock.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code airlock.jar} as a separate process, as a user would. */
final class Cli {

  /** What a run printed and how it ended. */
  record Result(int exit, String out, String err) {
    List<String> lines() {
      return out.isEmpty()
          ? List.of()
          : List.of(out.split("\n", -1))
              .subList(
                  0,
                  out.endsWith("\n") ? out.split("\n", -1).length - 1 : out.split("\n", -1).length);
    }
  }

  private Cli() {}

  static Path jar() {
    String p = System.getProperty("airlock.jar");
    Path jar = p == null ? Path.of("target", "airlock.jar") : Path.of(p);
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          "airlock.jar not built at " + jar.toAbsolutePath() + "; run the package phase first");
    }
    return jar;
  }

  static Result run(byte[] stdin, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-jar");
    cmd.add(jar().toString());
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread o = pump(p.getInputStream(), out);
      Thread e = pump(p.getErrorStream(), err);
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin);
      } catch (IOException ignored) {
        // the process may exit before reading all of its input
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            "airlock " + String.join(" ", args) + " did not finish in 120 s");
      }
      o.join();
      e.join();
      return new Result(
          p.exitValue(),
          out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(ex);
    }
  }

  static Result run(String... args) {
    return run(new byte[0], args);
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream out) {
    Thread t =
        new Thread(
            () -> {
              try {
                in.transferTo(out);
              } catch (IOException ignored) {
                // process ended
              }
            });
    t.start();
    return t;
  }
}
