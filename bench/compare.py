#!/usr/bin/env python3
"""Compare `briefing build` with Hugo on the same generated corpus.

    python3 bench/compare.py [SIZES ...] [--runs N] [--rewrites FRACTION] [--out DIR]
                             [--generator PATH] [--hugo PATH]

For each size (default: 1000 10000) it makes the corpus as bench/run.py does (under
target/bench/, with reworded copies of FRACTION of the documents, default 0.1, 0 for none:
corpus-N-rw10 at the default), copies its sources, copies included, into a minimal Hugo
site (target/bench/hugo-N-rw10/, or hugo-N/ without copies: one single-page, one list and
one home template, everything else off), and runs `briefing build`
(dedupe, every annotation, search index included) and `hugo` (rendering the same sources as
plain pages) N times each (default 3), alternating, each into an empty output folder. It
prints the fastest wall time, the least processor time (user and system: the work, which
varies less than the wall time on a busy machine) and the largest peak memory of each, side
by side, with their ratios. `--out DIR` puts both tools' output there instead of under target/bench/ (e.g.
/dev/shm, to leave the disk out of the comparison). Needs Debian's `hugo`
(`apt-get install -y hugo`). Standard library only.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import ROOT, corpus, fraction  # noqa: E402

CONFIG = """baseURL = "/"
title = "Benchmark"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
"""
SINGLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>{{ .Content }}</main></body></html>
"""
LIST = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>
"""


def hugo_site(seeds):
    """A Hugo site whose content is the corpus: target/bench/hugo-N/ for corpus-N/,
    hugo-N-rw10/ for corpus-N-rw10/."""
    site = os.path.join(ROOT, "target", "bench", "hugo-" + os.path.basename(seeds).removeprefix("corpus-"))
    done = os.path.join(site, ".complete")
    if os.path.exists(done):
        return site
    shutil.rmtree(site, ignore_errors=True)
    content = os.path.join(site, "content", "sources")
    os.makedirs(content)
    for name in os.listdir(seeds):
        if name.endswith(".md"):
            shutil.copyfile(os.path.join(seeds, name), os.path.join(content, name))
    layouts = os.path.join(site, "layouts", "_default")
    os.makedirs(layouts)
    for name, text in [("single.html", SINGLE), ("list.html", LIST)]:
        with open(os.path.join(layouts, name), "w") as f:
            f.write(text)
    with open(os.path.join(site, "layouts", "index.html"), "w") as f:
        f.write(LIST)
    with open(os.path.join(site, "hugo.toml"), "w") as f:
        f.write(CONFIG)
    open(done, "w").close()
    return site


def measure(command, cwd, output):
    """Wall seconds, peak resident memory (MiB) and processor seconds (user and system) of
    one run of `command`, which writes `output`: removed first, so that both tools write
    into an empty folder."""
    shutil.rmtree(output, ignore_errors=True)
    os.sync()
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{stderr.decode(errors='replace')}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    a.add_argument("--runs", type=int, default=3)
    a.add_argument("--rewrites", type=fraction, default=0.1, metavar="FRACTION",
                   help="share of the documents given a reworded copy (default 0.1; 0 for none)")
    a.add_argument("--out", help="folder for both tools' output (default: target/bench)")
    a.add_argument("--generator", default=os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
    a.add_argument("--hugo", default=shutil.which("hugo") or "hugo")
    o = a.parse_args()
    if not shutil.which(o.hugo):
        sys.exit("no hugo: install it (apt-get install -y hugo) or pass --hugo PATH")
    if not os.path.exists(o.generator):
        sys.exit(f"no corpus generator at {o.generator}; pass --generator PATH")
    subprocess.run(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "briefing")
    version = subprocess.run([o.hugo, "version"], capture_output=True, text=True).stdout.strip()
    print(f"hugo: {version}", file=sys.stderr)
    print("| sources | briefing wall (s) | hugo wall (s) | wall ratio | briefing CPU (s) | hugo CPU (s) | CPU ratio "
          "| briefing peak (MiB) | hugo peak (MiB) | memory ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in sorted(o.sizes):
        seeds = corpus(size, o.generator, o.rewrites)
        site = hugo_site(seeds)
        where = o.out or os.path.join(ROOT, "target", "bench")
        out = os.path.join(where, f"site-{size}")
        public = os.path.join(where, f"public-{size}") if o.out else os.path.join(site, "public")
        ours, theirs = [], []
        # Alternated, so that both meet the machine in the same state.
        for _ in range(o.runs):
            ours.append(measure([binary, "build", "--quiet", "--seeds", seeds, "--out", out], ROOT, out))
            theirs.append(measure([o.hugo, "--quiet", "--destination", public], site, public))
        bw, hw = min(r[0] for r in ours), min(r[0] for r in theirs)
        bm, hm = max(r[1] for r in ours), max(r[1] for r in theirs)
        bc, hc = min(r[2] for r in ours), min(r[2] for r in theirs)
        print(f"| {size:,} | {bw:.1f} | {hw:.1f} | {bw / hw:.2f} | {bc:.1f} | {hc:.1f} | {bc / hc:.2f} "
              f"| {bm:.0f} | {hm:.0f} | {bm / hm:.2f} |", flush=True)


if __name__ == "__main__":
    main()
