package dev.airlock.classify.shell;

import dev.airlock.classify.shell.syntax.CommandSub;
import dev.airlock.classify.shell.syntax.Node;
import dev.airlock.classify.shell.syntax.ProcessSub;
import dev.airlock.classify.shell.syntax.SimpleCommand;
import dev.airlock.classify.shell.syntax.Word;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What feeds a pipeline stage's standard input: the upstream command, and when the command line
 * itself fixes the bytes (an {@code echo} or {@code printf} of literals, possibly through {@code
 * base64 -d}), those bytes. Also whether the upstream downloads something.
 */
record PipeOrigin(
    String upstreamText,
    String upstreamProgram,
    @Nullable String literal,
    @Nullable String download,
    int start,
    int end) {

  private static final Set<String> DOWNLOADERS =
      Set.of(
          "curl",
          "wget",
          "fetch",
          "http",
          "https",
          "xh",
          "aria2c",
          "iwr",
          "invoke-webrequest",
          "irm",
          "invoke-restmethod");

  private static final WordResolver.CodeSink NONE =
      new WordResolver.CodeSink() {
        @Override
        public void commandSub(CommandSub sub) {}

        @Override
        public void processSub(ProcessSub sub) {}

        @Override
        public void nestedWord(Word word) {}
      };

  /** The input as rule packs see it. */
  Invocation.Input input() {
    return new Invocation.Input(
        Invocation.InputKind.PIPE,
        literal != null ? literal : upstreamText,
        literal == null,
        start,
        end);
  }

  /** Describes the input of stage {@code i} (at least 1) of a pipeline. */
  static PipeOrigin of(ShellWalk walk, List<Node> stages, int i) {
    Node up = stages.get(i - 1);
    String upText = up.span().of(walk.text());
    List<Arg> argv = argv(walk, up);
    String program = argv.isEmpty() ? "" : Invocation.normalize(argv.getFirst().value());
    String literal = null;
    String download = null;
    if (!argv.isEmpty()) {
      List<Arg> rest = argv.subList(1, argv.size());
      switch (program) {
        case "echo", "printf" -> literal = printed(program, rest);
        case "base64", "openssl", "xxd" -> {
          if (i >= 2 && decodes(program, rest)) {
            PipeOrigin before = of(walk, stages, i - 1);
            if (before.literal() != null) {
              literal =
                  program.equals("xxd") ? unhex(before.literal()) : unbase64(before.literal());
            }
          }
        }
        default -> {
          if (DOWNLOADERS.contains(program)) {
            for (Arg a : rest) {
              if (a.value().contains("://") || a.value().startsWith("www.")) {
                download = a.value();
                break;
              }
            }
            if (download == null) {
              download = "a URL";
            }
          }
        }
      }
    }
    return new PipeOrigin(upText, program, literal, download, up.span().start(), up.span().end());
  }

  private static List<Arg> argv(ShellWalk walk, Node n) {
    if (!(n instanceof SimpleCommand c)) {
      return List.of();
    }
    WordResolver r = new WordResolver(new Bindings(), NONE);
    List<Arg> out = new ArrayList<>(c.words().size());
    for (Word w : c.words()) {
      out.add(r.resolve(w));
    }
    return out;
  }

  private static @Nullable String printed(String program, List<Arg> args) {
    StringBuilder sb = new StringBuilder();
    boolean first = true;
    for (Arg a : args) {
      if (a.dynamic() || a.glob()) {
        return null;
      }
      if (first && program.equals("echo") && a.value().matches("-[neE]+")) {
        continue;
      }
      if (!first) {
        sb.append(' ');
      }
      sb.append(a.value());
      first = false;
    }
    String s = sb.toString();
    if (program.equals("printf") || args.stream().anyMatch(a -> a.value().equals("-e"))) {
      s = s.replace("\\n", "\n").replace("\\t", "\t");
    }
    return s;
  }

  private static boolean decodes(String program, List<Arg> args) {
    for (Arg a : args) {
      String v = a.value();
      if (program.equals("xxd")
          ? v.contains("r") && v.startsWith("-")
          : v.equals("-d") || v.equals("--decode") || v.equals("-D") || v.equals("-decode")) {
        return true;
      }
    }
    return false;
  }

  private static @Nullable String unbase64(String s) {
    try {
      return utf8(Base64.getMimeDecoder().decode(s.strip()));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static @Nullable String unhex(String s) {
    String h = s.replaceAll("\\s", "");
    if (h.length() % 2 != 0 || !h.matches("[0-9a-fA-F]*")) {
      return null;
    }
    byte[] b = new byte[h.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return utf8(b);
  }

  private static @Nullable String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
