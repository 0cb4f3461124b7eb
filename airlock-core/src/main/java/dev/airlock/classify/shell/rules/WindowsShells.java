package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code powershell}, {@code pwsh} and {@code cmd} for the Windows pack: the code they are given
 * ({@code -Command}, {@code -EncodedCommand}, {@code cmd /c}, {@code /k}, or standard input with
 * {@code -Command -}) is handed back to the shell classifier. An encoded command is Base64 of
 * UTF-16LE text; it is decoded and classified as if written out, and held as unknown when it does
 * not decode. A script file ({@code -File}) is run unseen, as {@code bash script.sh} is.
 *
 * <p>The code is PowerShell or cmd syntax read by the bash parser: simple commands, pipelines and
 * {@code ;}, {@code &&}, {@code ||} lists come out right; PowerShell's backtick escapes and script
 * blocks do not, and end up held as not understood.
 */
final class WindowsShells {

  private WindowsShells() {}

  static final Set<String> PROGRAMS = Set.of("powershell", "pwsh", "powershell_ise", "cmd");

  /** PowerShell parameters that take a value, by full name. */
  private static final Set<String> WITH_VALUE =
      Set.of(
          ("executionpolicy windowstyle version inputformat outputformat "
                  + "workingdirectory configurationname settingsfile custompipename")
              .split(" "));

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("c", "command"),
          Map.entry("e", "encodedcommand"),
          Map.entry("ec", "encodedcommand"),
          Map.entry("en", "encodedcommand"),
          Map.entry("enc", "encodedcommand"),
          Map.entry("f", "file"),
          Map.entry("ep", "executionpolicy"),
          Map.entry("ex", "executionpolicy"),
          Map.entry("w", "windowstyle"),
          Map.entry("wd", "workingdirectory"),
          Map.entry("nop", "noprofile"),
          Map.entry("noni", "noninteractive"),
          Map.entry("nol", "nologo"),
          Map.entry("v", "version"),
          Map.entry("of", "outputformat"),
          Map.entry("if", "inputformat"),
          Map.entry("cwa", "commandwithargs"));

  private static final List<String> PARAMS =
      List.of(
          ("command encodedcommand file noprofile noninteractive nologo noexit "
                  + "executionpolicy windowstyle version inputformat outputformat "
                  + "workingdirectory configurationname sta mta help login settingsfile "
                  + "custompipename commandwithargs interactive")
              .split(" "));

  static void classify(Invocation inv, ShellContext ctx) {
    if (inv.program().equals("cmd")) {
      cmd(inv, ctx);
    } else {
      powershell(inv, ctx);
    }
  }

  private static void powershell(Invocation inv, ShellContext ctx) {
    String p = inv.program();
    List<Arg> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      Arg a = args.get(i);
      String v = a.value();
      boolean param = (v.startsWith("-") || v.startsWith("/")) && v.length() > 1 && !a.dynamic();
      if (!param) {
        List<Arg> rest = args.subList(i, args.size());
        if (p.equals("pwsh")) {
          script(inv, ctx, a);
        } else {
          code(inv, ctx, rest, p + " -Command");
        }
        return;
      }
      String name = name(v.substring(1).toLowerCase(Locale.ROOT));
      List<Arg> rest = args.subList(Math.min(i + 1, args.size()), args.size());
      switch (name) {
        case "command", "commandwithargs" -> {
          code(inv, ctx, rest, p + " -Command");
          return;
        }
        case "encodedcommand" -> {
          encoded(inv, ctx, rest.isEmpty() ? null : rest.getFirst(), p);
          return;
        }
        case "file" -> {
          if (!rest.isEmpty()) {
            script(inv, ctx, rest.getFirst());
          }
          return;
        }
        default -> {
          if (WITH_VALUE.contains(name)) {
            i++;
          }
        }
      }
    }
    stdin(inv, ctx, p);
  }

  private static String name(String n) {
    int colon = n.indexOf(':');
    String s = colon > 0 ? n.substring(0, colon) : n;
    String alias = ALIASES.get(s);
    if (alias != null) {
      return alias;
    }
    for (String full : PARAMS) {
      if (full.startsWith(s)) {
        return full;
      }
    }
    return s;
  }

  private static void cmd(Invocation inv, ShellContext ctx) {
    List<Arg> args = inv.args();
    for (int i = 0; i < args.size(); i++) {
      String v = args.get(i).value().toLowerCase(Locale.ROOT);
      if (v.equals("/c") || v.equals("/k") || v.equals("/r")) {
        code(inv, ctx, args.subList(i + 1, args.size()), "cmd " + v);
        return;
      }
      if (v.startsWith("/c") || v.startsWith("/k")) {
        Arg a = args.get(i);
        List<Arg> rest = new java.util.ArrayList<>();
        rest.add(a.withValue(a.value().substring(2)));
        rest.addAll(args.subList(i + 1, args.size()));
        code(inv, ctx, rest, "cmd " + v.substring(0, 2));
        return;
      }
      if (!v.startsWith("/")) {
        break;
      }
    }
    stdin(inv, ctx, "cmd");
  }

  /** Hands code made of one or more words to the shell classifier; {@code -} reads stdin. */
  private static void code(Invocation inv, ShellContext ctx, List<Arg> words, String via) {
    if (words.isEmpty()) {
      return;
    }
    if (words.size() == 1 && words.getFirst().value().equals("-")) {
      stdin(inv, ctx, via);
      return;
    }
    Arg code = words.getFirst();
    if (words.size() > 1) {
      StringBuilder sb = new StringBuilder();
      int flags = 0;
      for (Arg w : words) {
        sb.append(sb.isEmpty() ? "" : " ").append(PathFindings.source(inv, w));
        flags |= w.flags();
      }
      code = new Arg(sb.toString(), flags | Arg.QUOTED, code.start(), words.getLast().end());
    }
    ctx.shell(inv, code, via, Environment.UNKNOWN);
  }

  private static void encoded(
      Invocation inv, ShellContext ctx, @Nullable Arg payload, String program) {
    String decoded = payload == null ? null : decode(payload.value());
    if (payload == null || decoded == null) {
      PathFindings.evidence(
              ctx.finding(inv, "shell.windows.encoded-command-undecodable")
                  .verb("execute")
                  .severity(Severity.UNKNOWN)
                  .reason(
                      program
                          + " -EncodedCommand is given text that is not Base64 of"
                          + " UTF-16LE code, so what it runs cannot be read"),
              inv,
              payload)
          .addTo(ctx.analysis());
      return;
    }
    ctx.note("windows: " + program + " -EncodedCommand decodes to: " + decoded);
    ctx.shell(
        inv,
        new Arg(decoded, Arg.QUOTED, payload.start(), payload.end()),
        program + " -EncodedCommand",
        Environment.UNKNOWN);
  }

  /** Base64 of UTF-16LE text, as {@code -EncodedCommand} takes it; null if it is not that. */
  static @Nullable String decode(String b64) {
    StringBuilder clean = new StringBuilder(b64.length());
    for (int i = 0; i < b64.length(); i++) {
      char c = b64.charAt(i);
      if (!Character.isWhitespace(c)) {
        clean.append(c);
      }
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(clean.toString());
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (bytes.length == 0 || bytes.length % 2 != 0) {
      return null;
    }
    String text = new String(bytes, StandardCharsets.UTF_16LE);
    int foreign = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFD') {
        return null;
      }
      foreign += c > 0x7e ? 1 : 0;
    }
    return foreign * 4 > text.length() ? null : text;
  }

  private static void script(Invocation inv, ShellContext ctx, Arg file) {
    PathFindings.evidence(
            ctx.finding(inv, "shell.windows.script")
                .verb("run-script")
                .resource(file.value())
                .severity(file.substituted() ? Severity.UNKNOWN : Severity.SAFE)
                .reason(
                    inv.program()
                        + " runs the script file "
                        + file.value()
                        + "; its contents are not inspected"),
            inv,
            file)
        .addTo(ctx.analysis());
  }

  /** A shell reading its code from standard input, or started for interactive use. */
  private static void stdin(Invocation inv, ShellContext ctx, String via) {
    Invocation.Input in = inv.input();
    if (in == null) {
      ctx.finding(inv, "shell.windows.interactive")
          .verb("open-shell")
          .severity(Severity.SAFE)
          .reason(inv.program() + " with no code starts an interactive session")
          .addTo(ctx.analysis());
      return;
    }
    if (in.dynamic() || in.kind() == Invocation.InputKind.FILE) {
      ctx.finding(inv, "shell.windows.stdin-code")
          .verb("execute")
          .severity(Severity.UNKNOWN)
          .reason(
              via
                  + " runs code from its standard input ("
                  + (in.kind() == Invocation.InputKind.FILE
                      ? "the file " + in.text()
                      : "text only known at run time")
                  + "), which Airlock cannot see")
          .addTo(ctx.analysis());
      return;
    }
    ctx.shell(
        inv,
        new Arg(in.text(), Arg.QUOTED, in.start(), in.end()),
        via + " <input",
        Environment.UNKNOWN);
  }
}
