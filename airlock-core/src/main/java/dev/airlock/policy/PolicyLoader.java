package dev.airlock.policy;

import dev.airlock.action.Environment;
import dev.airlock.action.Kind;
import dev.airlock.classify.Access;
import dev.airlock.classify.Severity;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a policy from YAML text, reporting every problem with its file, line, column and a stable
 * code (see {@code docs/policy.md}). The format:
 *
 * <pre>
 * version: 1
 * default: ask            # for findings no rule matches; ask or deny, never allow
 * rules:
 *   - id: catastrophic-in-production
 *     description: ...
 *     match: { severity: catastrophic, environment: production }
 *     decision: deny
 *   - id: destructive
 *     match: { severity: destructive }
 *     decision: ask
 *     approvers: 1        # ask only
 *     delay: 10m          # ask only: wait after approval
 *     backup: true        # ask only: verified backup first
 * </pre>
 */
public final class PolicyLoader {

  /** The largest policy file accepted. */
  public static final int MAX_POLICY_CHARS = 1_000_000;

  private static final Set<String> TOP_KEYS = Set.of("version", "default", "rules");
  private static final Set<String> RULE_KEYS =
      Set.of("id", "description", "match", "decision", "approvers", "delay", "backup");
  private static final Set<String> MATCH_KEYS =
      Set.of("kind", "program", "verb", "severity", "environment", "resource", "access", "rule");

  private final String file;
  private final List<PolicyProblem> problems = new ArrayList<>();

  private PolicyLoader(String file) {
    this.file = file;
  }

  /** Loads a policy; throws with every problem if there is any error. */
  public static Policy load(String file, String yaml) throws PolicyException {
    PolicyLoader loader = new PolicyLoader(file);
    Policy policy = loader.parse(yaml);
    if (policy == null || loader.problems.stream().anyMatch(PolicyProblem::error)) {
      throw new PolicyException(loader.errors());
    }
    return policy;
  }

  /** Every problem in a policy, errors and warnings, without throwing. */
  public static List<PolicyProblem> lint(String file, String yaml) {
    PolicyLoader loader = new PolicyLoader(file);
    loader.parse(yaml);
    return List.copyOf(loader.problems);
  }

  /** The policy that ships with Airlock. */
  public static Policy builtIn() {
    return BuiltIn.POLICY;
  }

  /** The YAML text of the policy that ships with Airlock. */
  public static String builtInText() {
    return BuiltIn.TEXT;
  }

  private static final class BuiltIn {
    static final String TEXT = BuiltInPolicy.YAML;
    static final Policy POLICY = BuiltInPolicy.policy();
  }

  private List<PolicyProblem> errors() {
    return problems.stream().filter(PolicyProblem::error).toList();
  }

  private @Nullable Policy parse(String yaml) {
    if (yaml.length() > MAX_POLICY_CHARS) {
      error(
          1,
          1,
          "too-large",
          "policy is " + yaml.length() + " characters; the limit is " + MAX_POLICY_CHARS);
      return null;
    }
    Optional<Node> root;
    try {
      LoadSettings settings =
          LoadSettings.builder()
              .setLabel(file)
              .setMaxAliasesForCollections(20)
              .setAllowRecursiveKeys(false)
              .setCodePointLimit(MAX_POLICY_CHARS)
              .build();
      root = new Compose(settings).composeString(yaml);
    } catch (MarkedYamlEngineException e) {
      Optional<Mark> m = e.getProblemMark();
      error(
          m.map(x -> x.getLine() + 1).orElse(1),
          m.map(x -> x.getColumn() + 1).orElse(1),
          "yaml-syntax",
          "not valid YAML: " + e.getProblem());
      return null;
    } catch (YamlEngineException e) {
      error(1, 1, "yaml-syntax", "not valid YAML: " + e.getMessage());
      return null;
    }
    if (root.isEmpty()) {
      error(1, 1, "empty", "the policy is empty; it needs at least `version: 1` and `rules:`");
      return null;
    }
    if (!(root.get() instanceof MappingNode top)) {
      error(
          root.get(),
          "not-a-mapping",
          "the policy must be a mapping with version, default and rules");
      return null;
    }
    Decision fallback = Decision.ASK;
    boolean sawVersion = false;
    List<Rule> rules = new ArrayList<>();
    boolean sawRules = false;
    Set<String> seenKeys = new HashSet<>();
    for (NodeTuple t : top.getValue()) {
      String key = key(t, TOP_KEYS, seenKeys, "top level");
      if (key == null) {
        continue;
      }
      Node v = t.getValueNode();
      switch (key) {
        case "version" -> {
          sawVersion = true;
          String s = scalar(v, "version");
          if (s != null && !s.equals("1")) {
            error(
                v,
                "bad-version",
                "unsupported policy version '" + s + "'; this Airlock reads version 1");
          }
        }
        case "default" -> {
          String s = scalar(v, "default");
          Decision d = Decision.parse(s);
          if (s == null) {
            // already reported
          } else if (d == null) {
            error(v, "bad-decision", "default must be ask or deny, not '" + s + "'");
          } else if (d == Decision.ALLOW) {
            error(
                v,
                "default-allow",
                "default: allow would let through anything no rule understands; use ask or deny");
          } else {
            fallback = d;
          }
        }
        case "rules" -> {
          sawRules = true;
          if (v instanceof SequenceNode seq) {
            Set<String> ids = new HashSet<>();
            for (Node r : seq.getValue()) {
              Rule rule = rule(r, ids);
              if (rule != null) {
                rules.add(rule);
              }
            }
          } else if (!isNull(v)) {
            error(v, "not-a-list", "rules must be a list of rules");
          }
        }
        default -> throw new IllegalStateException(key);
      }
    }
    if (!sawVersion) {
      error(top, "missing-version", "the policy must say `version: 1`");
    }
    if (!sawRules || rules.isEmpty()) {
      warn(top, "no-rules", "the policy has no rules: every action will be held by the default");
    }
    return new Policy(file, rules, fallback);
  }

  private @Nullable Rule rule(Node node, Set<String> ids) {
    if (!(node instanceof MappingNode m)) {
      error(node, "not-a-mapping", "each rule must be a mapping with id, match and decision");
      return null;
    }
    String id = null;
    String description = "";
    Match match = Match.ANY;
    Decision decision = null;
    int approvers = -1;
    Duration delay = null;
    Boolean backup = null;
    Node decisionNode = m;
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      String key = key(t, RULE_KEYS, seen, "a rule");
      if (key == null) {
        continue;
      }
      Node v = t.getValueNode();
      switch (key) {
        case "id" -> {
          id = scalar(v, "id");
          if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}")) {
            error(
                v,
                "bad-id",
                "rule id '" + id + "' must be letters, digits and . _ : / - (at most 100)");
          } else if (id != null && !ids.add(id)) {
            error(v, "duplicate-id", "rule id '" + id + "' is used twice");
          }
        }
        case "description" -> {
          String s = scalar(v, "description");
          description = s == null ? "" : s;
        }
        case "match" -> match = match(v);
        case "decision" -> {
          decisionNode = v;
          String s = scalar(v, "decision");
          decision = Decision.parse(s);
          if (s != null && decision == null) {
            error(v, "bad-decision", "decision must be allow, ask or deny, not '" + s + "'");
          }
        }
        case "approvers" -> {
          String s = scalar(v, "approvers");
          try {
            approvers = s == null ? -1 : Integer.parseInt(s);
            if (approvers < 1 || approvers > 20) {
              error(
                  v,
                  "bad-approvers",
                  "approvers must be a whole number from 1 to 20, not '" + s + "'");
              approvers = -1;
            }
          } catch (NumberFormatException e) {
            error(
                v,
                "bad-approvers",
                "approvers must be a whole number from 1 to 20, not '" + s + "'");
          }
        }
        case "delay" -> {
          String s = scalar(v, "delay");
          delay = s == null ? null : duration(s);
          if (s != null && delay == null) {
            error(v, "bad-delay", "delay must look like 30s, 10m, 2h or 1d, not '" + s + "'");
          }
        }
        case "backup" -> {
          String s = scalar(v, "backup");
          if (s != null) {
            switch (s.toLowerCase(Locale.ROOT)) {
              case "true", "required", "yes" -> backup = true;
              case "false", "none", "no" -> backup = false;
              default -> error(v, "bad-backup", "backup must be true or false, not '" + s + "'");
            }
          }
        }
        default -> throw new IllegalStateException(key);
      }
    }
    if (id == null) {
      error(m, "missing-id", "every rule needs an id");
      return null;
    }
    if (decision == null) {
      if (!seen.contains("decision")) {
        error(m, "missing-decision", "rule '" + id + "' needs a decision: allow, ask or deny");
      }
      return null;
    }
    boolean hasObligations = approvers > 0 || delay != null || backup != null;
    if (decision != Decision.ASK && hasObligations) {
      warn(
          decisionNode,
          "obligations-ignored",
          "rule '"
              + id
              + "' is "
              + decision.id()
              + ": approvers, delay and backup apply only to ask");
    }
    if (decision == Decision.ALLOW
        && (match.severities().isEmpty()
            || match.severities().contains(Severity.CATASTROPHIC)
            || match.severities().contains(Severity.UNKNOWN))
        && match.ruleIds().isEmpty()
        && match.programs().isEmpty()) {
      warn(
          decisionNode,
          "broad-allow",
          "rule '"
              + id
              + "' allows findings that may be catastrophic or not understood; other rules can still hold them, but check this is meant");
    }
    Obligations obligations =
        new Obligations(
            Math.max(approvers, decision == Decision.ASK ? 1 : 0),
            delay == null ? Duration.ZERO : delay,
            backup != null && backup);
    if (decision != Decision.ASK) {
      obligations = Obligations.NONE;
    }
    return new Rule(id, description, match, decision, obligations, line(m));
  }

  private Match match(Node node) {
    if (isNull(node)) {
      return Match.ANY;
    }
    if (!(node instanceof MappingNode m)) {
      error(node, "not-a-mapping", "match must be a mapping of conditions");
      return Match.ANY;
    }
    Set<Kind> kinds = Set.of();
    List<Glob> programs = List.of();
    List<Glob> verbs = List.of();
    Set<Severity> severities = Set.of();
    Set<Environment> environments = Set.of();
    List<Glob> resources = List.of();
    Set<Access> access = Set.of();
    List<Glob> ruleIds = List.of();
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : m.getValue()) {
      String key = key(t, MATCH_KEYS, seen, "match");
      if (key == null) {
        continue;
      }
      Node v = t.getValueNode();
      switch (key) {
        case "kind" -> kinds = enums(v, "kind", Kind::parse, "shell, sql, http or mcp");
        case "severity" ->
            severities =
                enums(v, "severity", Severity::parse, "safe, destructive, catastrophic or unknown");
        case "environment" ->
            environments =
                enums(
                    v,
                    "environment",
                    s -> {
                      Environment e = Environment.parse(s);
                      return e == Environment.UNKNOWN && !s.equalsIgnoreCase("unknown") ? null : e;
                    },
                    "production, staging, development or unknown");
        case "access" -> access = enums(v, "access", Access::parse, "read or write");
        case "program" -> programs = globs(v, "program");
        case "verb" -> verbs = globs(v, "verb");
        case "resource" -> resources = globs(v, "resource");
        case "rule" -> ruleIds = globs(v, "rule");
        default -> throw new IllegalStateException(key);
      }
    }
    return new Match(kinds, programs, verbs, severities, environments, resources, access, ruleIds);
  }

  private <E> Set<E> enums(
      Node v, String what, Function<String, @Nullable E> parse, String allowed) {
    Set<E> out = new LinkedHashSet<>();
    for (ScalarNode s : scalars(v, what)) {
      E e = parse.apply(s.getValue());
      if (e == null) {
        error(s, "bad-value", what + " must be " + allowed + ", not '" + s.getValue() + "'");
      } else {
        out.add(e);
      }
    }
    return out;
  }

  private List<Glob> globs(Node v, String what) {
    List<Glob> out = new ArrayList<>();
    for (ScalarNode s : scalars(v, what)) {
      if (s.getValue().isEmpty()) {
        error(s, "bad-value", what + " must not be empty");
      } else {
        out.add(new Glob(s.getValue()));
      }
    }
    return out;
  }

  private List<ScalarNode> scalars(Node v, String what) {
    if (v instanceof ScalarNode s) {
      return List.of(s);
    }
    List<ScalarNode> out = new ArrayList<>();
    if (v instanceof SequenceNode seq) {
      for (Node n : seq.getValue()) {
        if (n instanceof ScalarNode s) {
          out.add(s);
        } else {
          error(n, "not-a-scalar", what + " values must be plain strings");
        }
      }
      if (out.isEmpty()) {
        error(v, "bad-value", what + " must not be an empty list");
      }
      return out;
    }
    error(v, "not-a-scalar", what + " must be a string or a list of strings");
    return out;
  }

  private @Nullable String key(NodeTuple t, Set<String> allowed, Set<String> seen, String where) {
    if (!(t.getKeyNode() instanceof ScalarNode k)) {
      error(t.getKeyNode(), "bad-key", "keys must be plain strings");
      return null;
    }
    String key = k.getValue();
    if (!allowed.contains(key)) {
      error(
          k,
          "unknown-key",
          "unknown key '"
              + key
              + "' in "
              + where
              + "; expected one of "
              + new java.util.TreeSet<>(allowed));
      return null;
    }
    if (!seen.add(key)) {
      error(k, "duplicate-key", "key '" + key + "' appears twice in " + where);
      return null;
    }
    return key;
  }

  private @Nullable String scalar(Node v, String what) {
    if (v instanceof ScalarNode s) {
      return s.getValue();
    }
    error(v, "not-a-scalar", what + " must be a single value");
    return null;
  }

  private static boolean isNull(Node v) {
    return v instanceof ScalarNode s
        && (s.getValue().isEmpty() || s.getValue().equals("null") || s.getValue().equals("~"));
  }

  /**
   * Parses {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 0} or ISO-8601 {@code PT10M}.
   */
  static @Nullable Duration duration(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    if (t.startsWith("p")) {
      try {
        Duration d = Duration.parse(s.trim().toUpperCase(Locale.ROOT));
        return d.isNegative() ? null : d;
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    if (!t.matches("\\d{1,6}[smhd]")) {
      return null;
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  private static int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1).orElse(1);
  }

  private void error(Node n, String code, String message) {
    problems.add(
        new PolicyProblem(
            true,
            file,
            line(n),
            n.getStartMark().map(m -> m.getColumn() + 1).orElse(1),
            code,
            message));
  }

  private void error(int line, int column, String code, String message) {
    problems.add(new PolicyProblem(true, file, line, column, code, message));
  }

  private void warn(Node n, String code, String message) {
    problems.add(
        new PolicyProblem(
            false,
            file,
            line(n),
            n.getStartMark().map(m -> m.getColumn() + 1).orElse(1),
            code,
            message));
  }
}
