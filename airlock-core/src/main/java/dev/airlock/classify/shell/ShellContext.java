package dev.airlock.classify.shell;

import dev.airlock.action.Environment;
import dev.airlock.classify.Analysis;
import dev.airlock.classify.FindingBuilder;
import dev.airlock.classify.http.HttpRequest;
import java.util.List;

/**
 * What a rule pack can do while classifying an invocation: report findings, and hand nested content
 * to the classifier that understands it (SQL to the SQL classifier, a request to the HTTP
 * classifier, a command line or argv back to the shell classifier).
 */
public interface ShellContext {

  /**
   * Starts a finding about an invocation: kind shell, the invocation's program, the current scope's
   * environment, evidence the invocation's span. Finish with {@code .addTo(analysis())}.
   */
  FindingBuilder finding(Invocation invocation, String ruleId);

  /** Where findings go. */
  Analysis analysis();

  /** The environment established so far for this command. */
  Environment environment();

  /**
   * Classifies SQL carried by an argument ({@code psql -c}, {@code mysql -e}); {@code detected} is
   * the environment the pack recognised from the connection (host, URL, file name).
   */
  void sql(Invocation invocation, Arg text, Environment detected);

  /** Classifies SQL from elsewhere (a heredoc or here-string on standard input). */
  void sql(Invocation invocation, String text, Environment detected);

  /** Classifies the request an HTTP client would send. */
  void http(Invocation invocation, HttpRequest request, Environment detected);

  /**
   * Classifies a command line carried in an argument ({@code bash -c 'x'}, {@code ssh host 'x'},
   * {@code su -c 'x'}); {@code via} names the wrapper for the explanation.
   */
  void shell(Invocation invocation, Arg code, String via, Environment detected);

  /**
   * Classifies argv run by a wrapper ({@code kubectl exec pod -- argv}, {@code docker exec c argv},
   * {@code find -exec argv ;}); the first element is the program.
   */
  void command(Invocation invocation, List<Arg> argv, String via, Environment detected);

  /** Records a line for {@code --explain}. */
  void note(String line);
}
