package dev.airlock.cli;

import dev.airlock.classify.Limits;
import dev.airlock.engine.Gate;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyException;
import dev.airlock.policy.PolicyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --policy FILE} option shared by commands that judge actions. */
final class PolicyOption {

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Policy YAML to judge by (default: the built-in policy).")
  @Nullable Path file;

  /** The policy chosen, loaded; a file that does not load is a usage error naming its problems. */
  Policy load() {
    return file == null ? PolicyLoader.builtIn() : read(file);
  }

  Gate gate() {
    return new Gate(load(), Limits.DEFAULT);
  }

  static Policy read(Path file) {
    String text = readText(file);
    try {
      return PolicyLoader.load(file.toString(), text);
    } catch (PolicyException e) {
      throw new UsageException("the policy does not load:\n" + e.getMessage());
    }
  }

  static String readText(Path file) {
    try {
      if (Files.size(file) > PolicyLoader.MAX_POLICY_CHARS * 4L) {
        throw new UsageException(file + " is too large to be a policy");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException(
          "cannot read " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }
}
