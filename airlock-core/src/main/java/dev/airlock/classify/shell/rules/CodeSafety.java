package dev.airlock.classify.shell.rules;

import dev.airlock.action.Environment;
import dev.airlock.classify.Severity;
import dev.airlock.classify.env.EnvironmentMarkers;
import dev.airlock.classify.http.HttpRequest;
import dev.airlock.classify.shell.Arg;
import dev.airlock.classify.shell.Invocation;
import dev.airlock.classify.shell.ShellContext;
import dev.airlock.classify.shell.rules.CodeScan.Call;
import dev.airlock.classify.shell.rules.CodeScan.Lang;
import dev.airlock.classify.shell.rules.CodeScan.Str;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Judges a short program by the calls it makes: shell-outs are handed to the shell classifier,
 * deletes are judged by their target, evaluation of literal code is scanned in turn and of dynamic
 * code is held, destructive SQL and HTTP requests in its literals go to those classifiers.
 */
final class CodeSafety {

  private CodeSafety() {}

  private static final int MAX_DEPTH = 4;

  private static final Set<String> SHELL_OUT_QUALIFIED =
      Set.of(
          "os.system",
          "os.popen",
          "subprocess.run",
          "subprocess.call",
          "subprocess.check_call",
          "subprocess.check_output",
          "subprocess.Popen",
          "subprocess.getoutput",
          "subprocess.getstatusoutput",
          "commands.getoutput",
          "pty.spawn",
          "os.execl",
          "os.execlp",
          "os.execv",
          "os.execvp",
          "os.execvpe",
          "os.spawnl",
          "os.spawnlp",
          "os.spawnv",
          "os.spawnvp",
          "Kernel.system",
          "Kernel.exec",
          "IO.popen",
          "Open3.capture2",
          "Open3.capture2e",
          "Open3.capture3",
          "Open3.popen3",
          "os.execute",
          "io.popen",
          "Bun.spawn",
          "Bun.spawnSync");

  private static final Set<String> SHELL_OUT_BARE =
      Set.of(
          "check_output",
          "check_call",
          "getoutput",
          "getstatusoutput",
          "Popen",
          "execSync",
          "execFileSync",
          "spawnSync",
          "execFile",
          "spawn",
          "exec",
          "system",
          "shell_exec",
          "passthru",
          "proc_open",
          "popen",
          "pcntl_exec",
          "execa",
          "execaSync",
          "execaCommand",
          "execaCommandSync");

  private static final Set<String> RECURSIVE_DELETE =
      Set.of(
          "rmtree",
          "rm_rf",
          "rm_r",
          "remove_dir",
          "remove_entry",
          "remove_entry_secure",
          "remove_tree",
          "removeSync",
          "emptyDirSync",
          "emptyDir",
          "rimraf",
          "rimrafSync",
          "removedirs",
          "deleteRecursively");

  private static final Set<String> DELETE =
      Set.of(
          "remove",
          "unlink",
          "unlinkSync",
          "rmSync",
          "rm",
          "rmdir",
          "rmdirSync",
          "delete",
          "rm_f",
          "truncate",
          "ftruncate");

  private static final Set<String> EVAL =
      Set.of(
          "eval",
          "exec",
          "compile",
          "Function",
          "runInNewContext",
          "runInThisContext",
          "instance_eval",
          "class_eval",
          "module_eval",
          "load",
          "loadstring",
          "assert");

  private static final Set<String> DANGEROUS_NAMES =
      Set.of(
          "system",
          "popen",
          "rmtree",
          "remove",
          "unlink",
          "exec",
          "eval",
          "spawn",
          "execSync",
          "rmSync",
          "rm_rf",
          "shell_exec",
          "passthru",
          "check_output",
          "Popen",
          "run",
          "call");

  private static final Set<String> SQL_STARTS =
      Set.of(
          "drop",
          "truncate",
          "delete",
          "update",
          "alter",
          "insert",
          "grant",
          "revoke",
          "create",
          "replace",
          "merge",
          "copy",
          "do");

  static void judge(
      Invocation inv, ShellContext ctx, String code, Lang lang, String via, @Nullable Arg codeArg) {
    Environment env = Environment.UNKNOWN;
    CodeScan scan = CodeScan.of(code, lang);
    for (Str s : scan.strings) {
      String v = s.value();
      if (v.contains("://") || v.contains("host=") || v.contains(".sqlite") || v.endsWith(".db")) {
        env = env.combine(EnvironmentMarkers.of(v));
      }
    }
    int found = judge(inv, ctx, scan, lang, via, env, 0);
    found += templateShell(inv, ctx, code, lang, via, env);
    if (found == 0) {
      found += bareCalls(inv, ctx, code, lang, via);
    }
    if (found == 0) {
      ctx.finding(inv, "shell.interp.no-danger")
          .verb("run-code")
          .severity(Severity.SAFE)
          .reason(
              via
                  + ": no call that deletes files, runs commands, evaluates code or changes data was found")
          .addTo(ctx.analysis());
    }
  }

  private static int judge(
      Invocation inv,
      ShellContext ctx,
      CodeScan scan,
      Lang lang,
      String via,
      Environment env,
      int depth) {
    int found = 0;
    for (Call c : scan.calls) {
      String simple = c.simple();
      String name = c.name();
      if (SHELL_OUT_QUALIFIED.contains(name)
          || SHELL_OUT_BARE.contains(simple) && !name.contains(".")
          || SHELL_OUT_BARE.contains(simple) && shellQualifier(name)) {
        found++;
        shellOut(inv, ctx, c, scan, via, env);
      } else if (RECURSIVE_DELETE.contains(simple)
          || DELETE.contains(simple) && deleteQualifier(name, lang)) {
        found++;
        delete(
            inv,
            ctx,
            c,
            scan,
            RECURSIVE_DELETE.contains(simple)
                || c.args().contains("recursive")
                || simple.equals("rm_r"),
            via,
            env);
      } else if (EVAL.contains(simple) && evalQualifier(name, lang)) {
        found++;
        Str lit = c.firstLiteral();
        if (lit != null && depth < MAX_DEPTH) {
          int inner =
              judge(
                  inv,
                  ctx,
                  CodeScan.of(lit.value(), lang),
                  lang,
                  via + " " + simple + "()",
                  env,
                  depth + 1);
          if (inner == 0) {
            found--;
          }
        } else {
          report(
              inv,
              ctx,
              "shell.interp.dynamic-eval",
              "evaluate",
              "",
              Severity.UNKNOWN,
              env,
              via
                  + " evaluates code built at run time ("
                  + simple
                  + "), which cannot be judged before it runs");
        }
      } else if ((simple.equals("delete") || simple.equals("request"))
          && (name.startsWith("requests.")
              || name.startsWith("httpx.")
              || name.startsWith("axios.")
              || name.startsWith("session."))) {
        found += http(inv, ctx, c, scan, env);
      } else if (simple.equals("open") && lang == Lang.PYTHON
          || simple.equals("writeFileSync")
          || simple.equals("writeFile")
          || simple.equals("file_put_contents")) {
        found += truncatingWrite(inv, ctx, c, lang, via, env);
      } else if (simple.equals("fetch") && c.args().contains("DELETE")) {
        found += http(inv, ctx, c, scan, env);
      }
    }
    for (Str cmd : scan.commandLiterals) {
      found++;
      if (cmd.interpolated() && cmd.value().contains("$")) {
        report(
            inv,
            ctx,
            "shell.interp.dynamic-shell",
            "run-command",
            "",
            Severity.UNKNOWN,
            env,
            via + " runs a shell command built at run time: `" + cmd.value() + "`");
      } else {
        ctx.shell(inv, synthetic(inv, cmd.value()), via + " backticks", env);
      }
    }
    if (indirect(scan)) {
      found++;
      report(
          inv,
          ctx,
          "shell.interp.indirect-call",
          "evaluate",
          "",
          Severity.UNKNOWN,
          env,
          via
              + " reaches functions such as system or remove indirectly (by name at run time), which hides what it does");
    }
    for (Str s : scan.strings) {
      String v = s.value().stripLeading();
      int sp = 0;
      while (sp < v.length() && Character.isLetter(v.charAt(sp))) {
        sp++;
      }
      if (sp > 0
          && sp < v.length()
          && Character.isWhitespace(v.charAt(sp))
          && SQL_STARTS.contains(v.substring(0, sp).toLowerCase(Locale.ROOT))
          && looksLikeSql(v)) {
        found++;
        ctx.sql(inv, v, env);
      }
      if (v.contains("mutation") && v.contains("{")) {
        String url = firstUrl(scan);
        if (url != null) {
          found++;
          String body = "{\"query\":" + jsonString(v) + "}";
          ctx.http(
              inv,
              new HttpRequest("POST", url, List.of(), body),
              env.combine(EnvironmentMarkers.of(url)));
        }
      }
    }
    return found;
  }

  private static boolean shellQualifier(String name) {
    String q = name.substring(0, Math.max(0, name.lastIndexOf('.')));
    return q.isEmpty()
        || q.endsWith("child_process")
        || q.equals("cp")
        || q.endsWith("subprocess")
        || q.equals("os")
        || q.equals("Kernel")
        || q.equals("sh")
        || q.equals("shell");
  }

  private static boolean deleteQualifier(String name, Lang lang) {
    int dot = name.lastIndexOf('.');
    String q = dot < 0 ? "" : name.substring(0, dot);
    return switch (lang) {
      case PYTHON ->
          q.equals("os")
              || q.equals("shutil")
              || q.endsWith("Path")
              || q.isEmpty() && !name.equals("remove")
              || name.startsWith(".");
      case JS ->
          q.equals("fs")
              || q.equals("Deno")
              || q.endsWith("promises")
              || q.equals("fse")
              || q.equals("fsp")
              || q.isEmpty() && name.endsWith("Sync");
      case PERL -> q.isEmpty() && (name.equals("unlink") || name.equals("rmdir"));
      case RUBY ->
          q.equals("FileUtils") || q.equals("File") || q.equals("Dir") || q.equals("FileUtils::");
      case PHP -> q.isEmpty() && (name.equals("unlink") || name.equals("rmdir"));
      case LUA -> q.equals("os");
    };
  }

  private static boolean evalQualifier(String name, Lang lang) {
    if (name.contains(".") && !name.startsWith("vm.") && !name.startsWith("builtins.")) {
      return false;
    }
    return switch (lang) {
      case PYTHON ->
          name.equals("eval")
              || name.equals("exec")
              || name.equals("compile")
              || name.startsWith("builtins.");
      case JS -> name.equals("eval") || name.equals("Function") || name.startsWith("vm.");
      case PERL -> name.equals("eval");
      case RUBY -> name.equals("eval") || name.endsWith("_eval");
      case PHP -> name.equals("eval") || name.equals("assert");
      case LUA -> name.equals("load") || name.equals("loadstring");
    };
  }

  private static void shellOut(
      Invocation inv, ShellContext ctx, Call c, CodeScan scan, String via, Environment env) {
    Str lit = c.firstLiteral();
    String simple = c.simple();
    if (lit != null
        && (simple.startsWith("spawn")
            || simple.startsWith("execFile")
            || simple.equals("execa")
            || simple.equals("execaSync"))) {
      List<String> argv = new ArrayList<>();
      argv.add(lit.value());
      String rest =
          c.args()
              .substring(Math.min(c.args().length(), CodeScan.firstArgument(c.args()).length()));
      CodeScan more = CodeScan.of(rest, scan.lang);
      for (Str s : more.strings) {
        argv.add(s.value());
      }
      ctx.command(inv, args(inv, argv), via + " " + simple + "()", env);
      return;
    }
    if (lit != null) {
      ctx.shell(inv, synthetic(inv, lit.value()), via + " " + simple + "()", env);
      return;
    }
    List<String> list = c.firstList();
    if (list != null && !list.isEmpty()) {
      ctx.command(inv, args(inv, list), via + " " + simple + "()", env);
      return;
    }
    report(
        inv,
        ctx,
        "shell.interp.dynamic-shell",
        "run-command",
        "",
        Severity.UNKNOWN,
        env,
        via
            + " runs a command built at run time ("
            + simple
            + "("
            + abbreviate(c.args())
            + ")), which cannot be judged before it runs");
  }

  private static void delete(
      Invocation inv,
      ShellContext ctx,
      Call c,
      CodeScan scan,
      boolean recursive,
      String via,
      Environment env) {
    String args = c.args();
    Str lit = c.firstLiteral();
    String target = lit != null ? lit.value() : null;
    if (target == null && args.isBlank()) {
      Str receiver = null;
      for (Str s : scan.strings) {
        if (s.end() <= c.start() && c.start() - s.end() < 40) {
          receiver = s;
        }
      }
      target = receiver == null ? null : receiver.value();
    }
    boolean home =
        mentionsHome(args) || target != null && (target.equals("~") || target.startsWith("~/"));
    Severity sev;
    String what;
    if (home) {
      sev = recursive ? Severity.CATASTROPHIC : Severity.DESTRUCTIVE;
      what = "the home directory";
    } else if (target == null) {
      sev = recursive ? Severity.DESTRUCTIVE : Severity.UNKNOWN;
      what =
          abbreviate(args).isEmpty()
              ? "whatever the object it is called on is at run time (a file, or the rows of"
                  + " an ORM query)"
              : "a path computed at run time (" + abbreviate(args) + ")";
    } else {
      sev = PathJudge.delete(target, recursive);
      what = target;
    }
    report(
        inv,
        ctx,
        recursive ? "shell.interp.delete-tree" : "shell.interp.delete-file",
        recursive ? "delete-recursive" : "delete",
        home ? "~" : target == null ? "" : target,
        sev,
        env,
        via
            + " "
            + c.simple()
            + "() deletes "
            + what
            + (recursive ? " and everything under it" : ""));
  }

  private static int truncatingWrite(
      Invocation inv, ShellContext ctx, Call c, Lang lang, String via, Environment env) {
    Str lit = c.firstLiteral();
    if (lit == null) {
      return 0;
    }
    if (lang == Lang.PYTHON) {
      String rest =
          c.args()
              .substring(Math.min(c.args().length(), CodeScan.firstArgument(c.args()).length()));
      if (!rest.matches("(?s)\\s*,\\s*['\"]w[b+]?['\"].*")) {
        return 0;
      }
    }
    if (PathJudge.clobber(lit.value()) == Severity.SAFE) {
      return 0;
    }
    report(
        inv,
        ctx,
        "shell.interp.overwrite",
        "overwrite",
        lit.value(),
        Severity.DESTRUCTIVE,
        env,
        via + " overwrites " + lit.value() + ", losing what it held");
    return 1;
  }

  private static int http(
      Invocation inv, ShellContext ctx, Call c, CodeScan scan, Environment env) {
    String url = null;
    for (Str s : CodeScan.of(c.args(), scan.lang).strings) {
      if (s.value().startsWith("http://") || s.value().startsWith("https://")) {
        url = s.value();
        break;
      }
    }
    if (url == null) {
      report(
          inv,
          ctx,
          "shell.interp.http-delete",
          "delete",
          "",
          Severity.DESTRUCTIVE,
          env,
          "sends an HTTP DELETE to an address built at run time");
      return 1;
    }
    ctx.http(
        inv,
        new HttpRequest("DELETE", url, List.of(), ""),
        env.combine(EnvironmentMarkers.of(url)));
    return 1;
  }

  private static boolean indirect(CodeScan scan) {
    String code = scan.code;
    boolean reflective =
        code.contains("__import__")
            || code.contains("importlib")
            || code.contains("getattr(")
            || code.contains("globals()[")
            || code.contains("__builtins__")
            || code.contains("process.binding")
            || code.contains("send(:")
            || code.contains("public_send")
            || code.contains("call_user_func");
    if (!reflective) {
      return false;
    }
    for (Str s : scan.strings) {
      if (DANGEROUS_NAMES.contains(s.value())) {
        return true;
      }
    }
    return code.contains("chr(") || code.contains("b64decode") || code.contains("fromhex");
  }

  private static boolean looksLikeSql(String v) {
    String l = v.toLowerCase(Locale.ROOT);
    return l.startsWith("drop ")
            && (l.contains(" table")
                || l.contains(" database")
                || l.contains(" schema")
                || l.contains(" view")
                || l.contains(" index"))
        || l.startsWith("truncate ")
        || l.startsWith("delete ") && l.contains("from")
        || l.startsWith("update ") && l.contains(" set ")
        || l.startsWith("alter ")
        || l.startsWith("insert ") && l.contains("into")
        || l.startsWith("grant ")
        || l.startsWith("revoke ")
        || l.startsWith("create ") && (l.contains(" table") || l.contains(" index"))
        || l.startsWith("copy ")
        || l.startsWith("merge ")
        || l.startsWith("replace ") && l.contains("into");
  }

  private static @Nullable String firstUrl(CodeScan scan) {
    for (Str s : scan.strings) {
      if (s.value().startsWith("http://") || s.value().startsWith("https://")) {
        return s.value();
      }
    }
    return null;
  }

  private static boolean mentionsHome(String args) {
    return args.contains("expanduser")
        || args.contains("Path.home")
        || args.contains("homedir")
        || args.contains("HOME")
        || args.contains("Dir.home")
        || args.contains("USERPROFILE");
  }

  /** Functions Perl and PHP programs call without parentheses or pass by name as callbacks. */
  private static final List<String> BARE_DELETES =
      List.of("unlink", "rmdir", "rmtree", "remove_tree", "system", "exec", "shell_exec");

  /**
   * Perl's {@code unlink glob "*.db"} and PHP's {@code array_map("unlink", ...)}: a deleting or
   * shelling-out function named without a call the scanner can read. Its target is not known.
   */
  private static int bareCalls(
      Invocation inv, ShellContext ctx, String code, Lang lang, String via) {
    if (lang != Lang.PERL && lang != Lang.PHP) {
      return 0;
    }
    for (String name : BARE_DELETES) {
      int at = wordAt(code, name);
      if (at >= 0) {
        ctx.finding(inv, "shell.interp.bare-call")
            .verb(name.contains("rm") || name.contains("unlink") ? "delete" : "run")
            .severity(Severity.DESTRUCTIVE)
            .reason(
                via
                    + " uses "
                    + name
                    + " on targets Airlock cannot read from the code; held for a person")
            .addTo(ctx.analysis());
        return 1;
      }
    }
    return 0;
  }

  /** Bun's shell, {@code Bun.$`rm -rf dir`} (or {@code $`...`} imported from bun). */
  private static int templateShell(
      Invocation inv, ShellContext ctx, String code, Lang lang, String via, Environment env) {
    if (lang != Lang.JS) {
      return 0;
    }
    int found = 0;
    int from = 0;
    while (true) {
      int at = code.indexOf("$`", from);
      if (at < 0 || found > 8) {
        return found;
      }
      int end = code.indexOf('`', at + 2);
      if (end < 0) {
        end = code.length();
      }
      boolean bun =
          at >= 4 && code.startsWith("Bun.", at - 4)
              || code.contains("\"bun\"")
              || code.contains("'bun'");
      if (bun) {
        ctx.shell(inv, synthetic(inv, code.substring(at + 2, end)), via + " Bun.$", env);
        found++;
      }
      from = end + 1;
    }
  }

  private static int wordAt(String code, String word) {
    int from = 0;
    while (true) {
      int at = code.indexOf(word, from);
      if (at < 0) {
        return -1;
      }
      int end = at + word.length();
      boolean startOk = at == 0 || !isWordChar(code.charAt(at - 1));
      boolean endOk = end == code.length() || !isWordChar(code.charAt(end));
      if (startOk && endOk) {
        return at;
      }
      from = end;
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '>';
  }

  private static Arg synthetic(Invocation inv, String value) {
    return new Arg(value, 0, inv.start(), inv.end());
  }

  private static List<Arg> args(Invocation inv, List<String> values) {
    List<Arg> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(new Arg(v, 0, inv.start(), inv.end()));
    }
    return out;
  }

  private static String abbreviate(String s) {
    String t = s.replace('\n', ' ').strip();
    return t.length() > 60 ? t.substring(0, 57) + "..." : t;
  }

  private static String jsonString(String s) {
    StringBuilder sb = new StringBuilder();
    dev.airlock.json.JsonWriter.quote(s, sb);
    return sb.toString();
  }

  private static void report(
      Invocation inv,
      ShellContext ctx,
      String rule,
      String verb,
      String resource,
      Severity severity,
      Environment env,
      String reason) {
    ctx.finding(inv, rule)
        .verb(verb)
        .resource(resource)
        .severity(severity)
        .detected(env)
        .reason(reason)
        .addTo(ctx.analysis());
  }
}
