#!/usr/bin/env python3
"""Checks Airlock's golden corpus files (JSON Lines) for format and consistency.

Usage: python3 corpus/tools/validate.py [--starter PATH] [FILE.jsonl ...]

Without files it checks every corpus/*.jsonl next to this script's parent directory.
Ids must be unique across those files and the starter corpus (given with --starter, or
found at shared/corpus/starter.jsonl beside the repository or at /work/shared/corpus).
Exits 0 when every check passes, 1 otherwise. Python 3 standard library only.
"""

import argparse
import collections
import json
import re
import sys
from pathlib import Path

KINDS = {"shell", "sql", "http", "mcp"}
ENVS = {"production", "staging", "development"}
EXPECTS = {"allow", "hold"}
SEVERITIES = {"catastrophic", "destructive", "safe"}
COMMON = ["id", "kind", "env", "expect", "severity", "why"]
BY_KIND = {
    "shell": ["input"],
    "sql": ["input"],
    "http": ["method", "url", "headers", "body"],
    "mcp": ["server", "tool", "arguments"],
}
OPTIONAL = {"mcp": ["annotations"]}
HINTS = {"readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"}
ID_RE = re.compile(r"^(?:al-)?(sh|sql|http|mcp)-(cat|des|safe)-\d+$")
ID_KIND = {"sh": "shell", "sql": "sql", "http": "http", "mcp": "mcp"}
ID_SEV = {"cat": "catastrophic", "des": "destructive", "safe": "safe"}
WHY_MAX = 160


def norm(text):
    """Collapses whitespace runs so that layout-only differences count as duplicates."""
    return " ".join(text.split())


def action_key(case):
    """The action a case describes, whitespace-normalised, plus the environment it runs in."""
    kind = case["kind"]
    if kind in ("shell", "sql"):
        action = norm(case["input"])
    elif kind == "http":
        headers = json.dumps(case["headers"], sort_keys=True)
        action = " ".join(
            [case["method"].upper(), case["url"], norm(headers), norm(case["body"])])
    else:
        action = " ".join([
            case["server"], case["tool"],
            norm(json.dumps(case["arguments"], sort_keys=True)),
            norm(json.dumps(case.get("annotations"), sort_keys=True)),
        ])
    return kind, action, case["env"]


def check_case(case, where, errors, strict_ids):
    """Appends to errors every format problem of one parsed case; returns True when usable."""
    if not isinstance(case, dict):
        errors.append(f"{where}: not a JSON object")
        return False
    kind = case.get("kind")
    if kind not in KINDS:
        errors.append(f"{where}: kind {kind!r} is not one of {sorted(KINDS)}")
        return False
    required = COMMON + BY_KIND[kind]
    allowed = set(required) | set(OPTIONAL.get(kind, []))
    ok = True
    for field in required:
        if field not in case:
            errors.append(f"{where}: missing field {field!r} for kind {kind}")
            ok = False
    for field in case:
        if field not in allowed:
            errors.append(f"{where}: unexpected field {field!r} for kind {kind}")
            ok = False
    if not ok:
        return False
    for field in ["id", "why"] + (["input"] if kind in ("shell", "sql") else []):
        if not isinstance(case[field], str) or not case[field].strip():
            errors.append(f"{where}: {field!r} must be a non-empty string")
            ok = False
    if case["env"] not in ENVS:
        errors.append(f"{where}: env {case['env']!r} is not one of {sorted(ENVS)}")
        ok = False
    if case["expect"] not in EXPECTS:
        errors.append(f"{where}: expect {case['expect']!r} is not allow or hold")
        ok = False
    if case["severity"] not in SEVERITIES:
        errors.append(f"{where}: severity {case['severity']!r} is not one of {sorted(SEVERITIES)}")
        ok = False
    if ok and (case["severity"] == "safe") != (case["expect"] == "allow"):
        errors.append(
            f"{where}: severity {case['severity']} with expect {case['expect']} "
            "(safe must be allow, and only safe may be allow)")
        ok = False
    if isinstance(case["why"], str) and ("\n" in case["why"] or len(case["why"]) > WHY_MAX):
        errors.append(f"{where}: why must be one short line (at most {WHY_MAX} characters)")
        ok = False
    if kind == "http":
        if not isinstance(case["method"], str) or not re.fullmatch(r"[A-Z]+", case["method"]):
            errors.append(f"{where}: method must be an upper-case HTTP method")
            ok = False
        if not isinstance(case["url"], str) or not re.match(r"^https?://", case["url"]):
            errors.append(f"{where}: url must be an absolute http(s) URL")
            ok = False
        headers = case["headers"]
        if not isinstance(headers, dict) or not all(
                isinstance(v, str) for v in headers.values()):
            errors.append(f"{where}: headers must be an object of strings")
            ok = False
        if not isinstance(case["body"], str):
            errors.append(f"{where}: body must be a string")
            ok = False
    if kind == "mcp":
        for field in ("server", "tool"):
            if not isinstance(case[field], str) or not case[field]:
                errors.append(f"{where}: {field!r} must be a non-empty string")
                ok = False
        if not isinstance(case["arguments"], dict):
            errors.append(f"{where}: arguments must be an object")
            ok = False
        ann = case.get("annotations")
        if ann is not None:
            if not isinstance(ann, dict) or not set(ann) <= HINTS or not all(
                    isinstance(v, bool) for v in ann.values()):
                errors.append(f"{where}: annotations must map {sorted(HINTS)} to booleans")
                ok = False
    if isinstance(case["id"], str):
        m = ID_RE.match(case["id"])
        if not m:
            errors.append(f"{where}: id {case['id']!r} does not look like al-sh-cat-0001")
            ok = False
        elif strict_ids and (ID_KIND[m.group(1)] != kind or ID_SEV[m.group(2)] != case["severity"]):
            errors.append(f"{where}: id {case['id']!r} does not match kind {kind} "
                          f"and severity {case['severity']}")
            ok = False
    return ok


def load(path, errors, strict_ids):
    """Parses one JSON Lines file; returns its usable cases with their locations."""
    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{path}:{n}"
            if not line.strip():
                errors.append(f"{where}: empty line")
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{where}: not valid JSON ({e})")
                continue
            if check_case(case, where, errors, strict_ids):
                cases.append((where, case))
    return cases


def find_starter(root):
    for cand in (root.parent / "shared" / "corpus" / "starter.jsonl",
                 root / "shared" / "corpus" / "starter.jsonl",
                 Path("/work/shared/corpus/starter.jsonl")):
        if cand.is_file():
            return cand
    return None


def main(argv):
    here = Path(__file__).resolve().parent
    corpus_dir = here.parent
    ap = argparse.ArgumentParser(description="Validate Airlock corpus JSON Lines files.")
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--starter", type=Path, help="the starter corpus whose ids must not be reused")
    args = ap.parse_args(argv)
    files = args.files or sorted(corpus_dir.glob("*.jsonl"))
    starter = args.starter or find_starter(corpus_dir.parent)
    errors = []
    if not files:
        errors.append(f"no corpus files found in {corpus_dir}")

    starter_cases = []
    if starter is None:
        print("note: starter corpus not found; ids and duplicates are checked within the files only")
    else:
        starter_cases = load(starter, errors, strict_ids=False)

    per_file = {}
    for path in files:
        per_file[path] = load(path, errors, strict_ids=True)

    seen_ids = {}
    seen_actions = {}
    for where, case in starter_cases:
        seen_ids.setdefault(case["id"], where)
        seen_actions.setdefault(action_key(case), where)
    for path, cases in per_file.items():
        for where, case in cases:
            if case["id"] in seen_ids:
                errors.append(f"{where}: id {case['id']!r} already used at {seen_ids[case['id']]}")
            else:
                seen_ids[case["id"]] = where
            key = action_key(case)
            if key in seen_actions:
                errors.append(f"{where}: same action and env as {seen_actions[key]}")
            else:
                seen_actions[key] = where

    total = collections.Counter()
    for path, cases in per_file.items():
        counts = collections.Counter((c["kind"], c["severity"], c["expect"]) for _, c in cases)
        safe = sum(v for (k, s, e), v in counts.items() if s == "safe")
        print(f"{path.name}: {len(cases)} cases, {safe} safe "
              f"({(100.0 * safe / len(cases)) if cases else 0:.0f}%)")
        for (kind, sev, exp), v in sorted(counts.items()):
            print(f"  {kind:5} {sev:12} {exp:5} {v}")
        total.update(counts)
    print(f"total: {sum(total.values())} cases in {len(per_file)} files")

    for e in errors:
        print("error: " + e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
