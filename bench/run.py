#!/usr/bin/env python3
"""Benchmark `briefing build` on generated corpora.

    python3 bench/run.py [SIZES ...] [--runs N] [--rewrites FRACTION] [--generator PATH]

Makes corpora of SIZES sources (default: 1000 10000 100000) with the shared generator
(../shared/bench/gen_corpus.py, seed 7, 30% syndicated paragraphs), once, under
target/bench/, and adds to each reworded copies of FRACTION of its documents (default 0.1,
so a 10k corpus gains about 1,000 rw-NNNNNN.md files; see bench/rewrite.py) for the dedupe
stage's reworded matcher to find. A corpus with copies is kept apart from one without:
target/bench/corpus-10000-rw10 at the default, corpus-10000 with `--rewrites 0` (as the
corpora made before copies were added). It builds the release binary; runs `briefing build
--verbose` on each corpus N times (default 3), and prints per size the fastest run's stage
times, the wall time of the whole build and its peak memory (maximum resident set size of
the build process, from the kernel's accounting). Times are the fastest of the runs,
because other work on the machine only ever adds time; the disk is synced before each run
so that the previous run's writing does not overlap it. Standard library only.
"""
import argparse
import os
import re
import subprocess
import sys
import time

from rewrite import rewrite_corpus  # bench/rewrite.py, beside this script

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# A stage timed beside another is printed with a note after it: "annotate  112.0 ms  (beside dedupe)".
STAGE = re.compile(r"^\s+(load|parse|dedupe|exact|near|reworded|canonical|annotate|assemble|render)\s+([\d.]+) ms"
                   r"(?:\s+\(.*\))?$")


def corpus(size, generator, rewrites=0.1):
    """The corpus of `size` generated sources plus reworded copies of `rewrites` of them:
    made once, under a name of its own for each fraction of copies (corpus-N-rw10 for 0.1,
    corpus-N for none)."""
    name = f"corpus-{size}" + (f"-rw{rewrites * 100:g}" if rewrites else "")
    path = os.path.join(ROOT, "target", "bench", name)
    done = os.path.join(path, ".complete")
    if not os.path.exists(done):
        print(f"generating {size} sources in {path} ...", file=sys.stderr)
        subprocess.run([sys.executable, generator, path, str(size)], check=True)
        open(done, "w").close()
    if rewrites:
        rewrite_corpus(path, rewrites)  # does nothing when its marker says the copies are there
    return path


def fraction(text):
    """An argparse type: a number from 0 to 1."""
    value = float(text)
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def run(binary, seeds, out):
    """One build: (wall seconds, peak RSS in MiB, {stage: ms}, summary line)."""
    # The previous build's pages still being written to disk would slow this one down.
    os.sync()
    start = time.perf_counter()
    child = subprocess.Popen([binary, "build", "--seeds", seeds, "--out", out, "--verbose"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"build failed:\n{stderr}")
    peak = usage.ru_maxrss / 1024  # kilobytes on Linux
    stages, summary = {}, ""
    for line in stderr.splitlines():
        m = STAGE.match(line)
        if m:
            stages[m.group(1)] = float(m.group(2))
        elif line.startswith("Built"):
            summary = line
    return wall, peak, stages, summary


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    a.add_argument("--runs", type=int, default=3)
    a.add_argument("--rewrites", type=fraction, default=0.1, metavar="FRACTION",
                   help="share of the documents given a reworded copy (default 0.1; 0 for none)")
    a.add_argument("--generator", default=os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
    o = a.parse_args()
    if not os.path.exists(o.generator):
        sys.exit(f"no corpus generator at {o.generator}; pass --generator PATH")
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "briefing")
    rows = []
    for size in sorted(o.sizes):
        seeds = corpus(size, o.generator, o.rewrites)
        copies = sum(name.startswith("rw-") and name.endswith(".md") for name in os.listdir(seeds))
        out = os.path.join(ROOT, "target", "bench", f"site-{size}")
        runs = [run(binary, seeds, out) for _ in range(o.runs)]
        best = min(runs, key=lambda r: r[0])
        stage = lambda name: min(r[2].get(name, float("nan")) for r in runs)
        rows.append((size, best[0], max(r[1] for r in runs), {s: stage(s) for s in best[2]}, best[3], copies))
        print(f"{size}: {best[3]}", file=sys.stderr)
    names = ["load", "parse", "dedupe", "exact", "near", "reworded", "canonical", "annotate", "assemble", "render"]
    print(f"| sources | {' | '.join(n + ' (ms)' for n in names)} | build wall (s) | peak memory (MiB) |")
    print("|" + "---|" * (len(names) + 3))
    for size, wall, peak, stages, _, copies in rows:
        cells = " | ".join(f"{stages.get(n, float('nan')):.0f}" for n in names)
        sources = f"{size:,} + {copies:,} reworded" if copies else f"{size:,}"
        print(f"| {sources} | {cells} | {wall:.1f} | {peak:.0f} |")
    print()
    for size, wall, _, stages, *_ in rows:
        annotate = stages.get("annotate", float("nan")) / 1000
        print(f"annotate at {size:,}: {annotate:.2f} s; the rest of the build: {wall - annotate:.2f} s")
    by_size = {size: stages.get("dedupe") for size, _, _, stages, *_ in rows}
    for small, large in [(1000, 10000), (10000, 100000)]:
        if by_size.get(small) and by_size.get(large):
            print(f"\ndedupe time at {large:,} / at {small:,}: {by_size[large] / by_size[small]:.1f}")


if __name__ == "__main__":
    main()
