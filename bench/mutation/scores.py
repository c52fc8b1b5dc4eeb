#!/usr/bin/env python3
"""Mutation score per folder of ParPipeline.Core, from the JSON report Stryker.NET writes.

    dotnet stryker --mutate "**/Units/*.cs" ... --reporter json --output /tmp/stryker
    python3 bench/mutation/scores.py /tmp/stryker/reports/mutation-report.json

Stryker's own definition: killed and timed-out mutants over every mutant a test could have caught (killed,
timed out, survived, no coverage); compile errors and ignored mutants are left out. Prints a Markdown table,
one row per folder (Units, Indices, Ingest, ...), and the surviving mutants with their place, so each can be
killed by a sharper test or listed in bench/mutation/equivalent.md with the reason it cannot change behaviour.
"""
import json
import sys
from collections import defaultdict

DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}


def main(path):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    by_folder = defaultdict(lambda: defaultdict(int))
    survivors = []
    for name, file in sorted(report["files"].items()):
        parts = name.replace("\\", "/").split("/")
        folder = parts[parts.index("ParPipeline.Core") + 1] if "ParPipeline.Core" in parts else parts[-2]
        if folder.endswith(".cs"):
            folder = "(root)"
        for mutant in file["mutants"]:
            status = mutant["status"]
            by_folder[folder][status] += 1
            if status in UNDETECTED:
                start = mutant["location"]["start"]
                survivors.append(f"{'/'.join(parts[parts.index('ParPipeline.Core') + 1:]) if 'ParPipeline.Core' in parts else name}:"
                                 f"{start['line']} {mutant['mutatorName']} ({status}): {mutant.get('replacement', '')[:80]!r}")
    print("| folder | mutants | killed | timeout | survived | no coverage | compile error | score |")
    print("|---|---|---|---|---|---|---|---|")
    total = defaultdict(int)
    for folder, counts in sorted(by_folder.items()):
        for k, v in counts.items():
            total[k] += v
        print(row(folder, counts))
    print(row("**all**", total))
    print()
    for s in survivors:
        print("-", s)


def row(folder, c):
    detected = sum(c[s] for s in DETECTED)
    valid = detected + sum(c[s] for s in UNDETECTED)
    score = f"{100 * detected / valid:.1f}%" if valid else "n/a"
    return (f"| {folder} | {sum(c.values())} | {c['Killed']} | {c['Timeout']} | {c['Survived']} | {c['NoCoverage']} | "
            f"{c['CompileError']} | {score} |")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]) or 0)
