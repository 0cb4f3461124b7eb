package dev.airlock.hook;

import dev.airlock.action.Action;
import dev.airlock.action.Context;
import dev.airlock.action.McpAction;
import dev.airlock.action.ShellAction;
import dev.airlock.action.ShellWords;
import dev.airlock.action.ToolAnnotations;
import dev.airlock.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Codex's {@code apply_patch} body ({@code *** Begin Patch}, then {@code *** Add File:}, {@code ***
 * Update File:}, {@code *** Delete File:} and {@code *** Move to:} sections) as one action per
 * file: a deletion is judged like {@code rm} of that file, an addition, update or move target like
 * a file-writing tool call on that path.
 */
final class Patches {

  /** More files than this in one patch are not read one by one; the patch is held instead. */
  static final int MAX_FILES = 500;

  private Patches() {}

  static List<Action> actions(String server, String patch, Context ctx) throws HookException {
    List<Action> out = new ArrayList<>();
    for (String raw : patch.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      if (!line.startsWith("*** ")) {
        continue;
      }
      String header = line.substring(4);
      Action a;
      if (header.startsWith("Delete File:")) {
        a = new ShellAction("rm -- " + ShellWords.quote(path(header)), ctx);
      } else if (header.startsWith("Add File:")) {
        a = write(server, "create_file", path(header), ctx);
      } else if (header.startsWith("Update File:")) {
        a = write(server, "edit_file", path(header), ctx);
      } else if (header.startsWith("Move to:")) {
        a = write(server, "move_file", path(header), ctx);
      } else {
        continue;
      }
      if (out.size() == MAX_FILES) {
        throw new HookException(
            "apply_patch touches more than " + MAX_FILES + " files (limit Patches.MAX_FILES)");
      }
      out.add(a);
    }
    if (out.isEmpty()) {
      throw new HookException(
          "apply_patch input names no file (no *** Add/Update/Delete File: header)");
    }
    return out;
  }

  private static String path(String header) throws HookException {
    String p = header.substring(header.indexOf(':') + 1).strip();
    if (p.isEmpty()) {
      throw new HookException("apply_patch has a file header without a path: " + header);
    }
    return p;
  }

  private static McpAction write(String server, String tool, String path, Context ctx) {
    return new McpAction(
        server, tool, Json.object().put("path", path).build(), ToolAnnotations.NONE, false, ctx);
  }
}
