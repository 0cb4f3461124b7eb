package dev.airlock.classify.shell.rules;

import dev.airlock.classify.shell.CommandRules;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every rule pack Airlock ships, and the index from program name to pack. */
public final class RulePacks {

  private RulePacks() {}

  /** Every pack, in no particular order. Add new packs here. */
  public static List<CommandRules> all() {
    return List.of(
        new SystemRules(),
        new InterpreterRules(),
        new DatabaseCliRules(),
        new DatabaseAdminRules(),
        new MongoRules(),
        new RedisRules(),
        new MigrationRules(),
        new FrameworkRules(),
        new SupabaseRules(),
        new ContainerRules(),
        new KubernetesRules(),
        new HelmRules(),
        new GithubCliRules(),
        new HttpClientRules(),
        new InfraAsCodeRules(),
        new AwsRules(),
        new GcpAzureRules(),
        new PlatformRules(),
        new FilesystemRules(),
        new DiskRules(),
        new GitRules(),
        new WindowsRules());
  }

  /** Program name to the pack that handles it. Two packs claiming one program is a bug. */
  public static Map<String, CommandRules> index() {
    Map<String, CommandRules> byProgram = new HashMap<>();
    for (CommandRules pack : all()) {
      for (String p : pack.programs()) {
        CommandRules previous = byProgram.put(p, pack);
        if (previous != null) {
          throw new IllegalStateException(
              "program " + p + " claimed by both " + previous.name() + " and " + pack.name());
        }
      }
    }
    return Map.copyOf(byProgram);
  }
}
