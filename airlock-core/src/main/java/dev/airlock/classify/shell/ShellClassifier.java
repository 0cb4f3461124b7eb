package dev.airlock.classify.shell;

import dev.airlock.classify.Analysis;
import dev.airlock.classify.Limits;
import dev.airlock.classify.Scope;
import dev.airlock.classify.http.HttpClassifier;
import dev.airlock.classify.shell.rules.RulePacks;
import dev.airlock.classify.shell.syntax.Script;
import dev.airlock.classify.shell.syntax.ShellParser;
import dev.airlock.classify.sql.SqlClassifier;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Classifies shell command lines: parses them with Airlock's own POSIX sh and bash parser, walks
 * every command that could run, looks through wrappers and nested code, and judges each program
 * with its rule pack. SQL and HTTP found inside commands go to those classifiers.
 */
public final class ShellClassifier {

  private static final Map<String, CommandRules> PACKS = RulePacks.lazyIndex();

  private final SqlClassifier sql;
  private final HttpClassifier http;

  public ShellClassifier(SqlClassifier sql, HttpClassifier http) {
    this.sql = sql;
    this.http = http;
  }

  /** Adds the findings for one command line to the analysis. */
  public void classify(String command, Scope scope, Analysis out) {
    new ShellWalk(this, command, scope, out, new Bindings()).walkText();
  }

  Script parse(String text, Limits limits) {
    return ShellParser.parse(text, limits);
  }

  SqlClassifier sql() {
    return sql;
  }

  HttpClassifier http() {
    return http;
  }

  @Nullable CommandRules pack(String program) {
    return PACKS.get(program);
  }

  /** Whether Airlock has rules of its own for a program (a pack or a launcher). */
  boolean knowsProgram(String program) {
    return PACKS.containsKey(program)
        || Launchers.SHELLS.contains(program)
        || GenericRules.isKnown(program);
  }
}
