package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.http.HttpClientArgs;
import dev.airlock.classify.http.HttpRequest;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.CommandRules;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * HTTP clients on the command line — curl, wget, HTTPie ({@code http}, {@code https}) and xh
 * ({@code xh}, {@code xhs}): their arguments become the requests they would send, and each request
 * is judged by the HTTP classifier. A here-document or here-string on standard input is the body
 * where the client reads one ({@code curl -d @-}, {@code http POST url <<< '...'}); a pipe is not
 * known.
 */
public final class HttpClientRules implements CommandRules {

  @Override
  public String name() {
    return "http-client";
  }

  @Override
  public Set<String> programs() {
    return HttpClientArgs.PROGRAMS;
  }

  @Override
  public void classify(Invocation invocation, ShellContext context) {
    List<HttpClientArgs.Word> words = new ArrayList<>(invocation.args().size());
    for (Arg a : invocation.args()) {
      words.add(new HttpClientArgs.Word(a.value(), a.dynamic() || a.brace()));
    }
    List<HttpRequest> requests =
        HttpClientArgs.parse(invocation.program(), words, stdin(invocation.input()));
    if (requests.isEmpty()) {
      context.note(invocation.program() + ": sends no request");
      return;
    }
    for (HttpRequest r : requests) {
      context.http(invocation, r, Environment.UNKNOWN);
    }
  }

  private static HttpClientArgs.@Nullable Stdin stdin(Invocation.@Nullable Input input) {
    if (input == null) {
      return null;
    }
    return switch (input.kind()) {
      case HEREDOC, HERESTRING -> new HttpClientArgs.Stdin(input.text(), !input.dynamic());
      case PIPE, FILE -> HttpClientArgs.Stdin.unknown();
    };
  }
}
