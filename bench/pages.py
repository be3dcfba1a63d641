#!/usr/bin/env python3
"""Benchmark saved web pages against the same articles as Markdown.

    python3 bench/pages.py [N] [--runs R] [--generator PATH]

Makes N articles (default 1000) with the shared generator (../shared/bench/gen_corpus.py,
seed 7) under target/bench/pages-N/md, and the same articles as saved pages of 100-300 KB
under target/bench/pages-N/html: each page carries what a news site's page does around its
article (JSON-LD and Open Graph metadata, a navigation menu, inline scripts with a state
blob, a stylesheet, related stories, a comment thread, a cookie notice, a footer). It
builds the release binary, then runs `briefing build` on the two folders alternately R times
(default 3) and prints the fastest wall time of each and their ratio. Standard library only.
"""
import argparse
import html
import json
import os
import random
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)


def front_matter(text):
    """The keys of a generated document's front matter (flat `key: value` lines) and its body."""
    found = FRONT.match(text)
    meta = {}
    for line in found.group(1).splitlines():
        key, _, value = line.partition(":")
        meta[key.strip()] = value.strip().strip('"')
    return meta, found.group(2)


def filler(r, size):
    """Words that look like a page's script state: keys and values, `size` bytes or so."""
    parts, total = [], 0
    while total < size:
        item = f'"k{r.randrange(10**6)}":{{"id":{r.randrange(10**9)},"slug":"story-{r.randrange(10**6)}","w":{r.random():.6f}}}'
        parts.append(item)
        total += len(item) + 1
    return "{" + ",".join(parts) + "}"


def page(meta, body, r):
    """A saved page around the article `body` (Markdown paragraphs), 100-300 KB in all."""
    title = html.escape(meta.get("title", "Untitled"))
    outlet = html.escape(meta.get("outlet") or meta.get("source") or "The Daily Example")
    date = meta.get("date", "2025-11-25")
    ld = json.dumps({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": meta.get("title", ""),
        "datePublished": f"{date}T08:00:00Z", "publisher": {"@type": "Organization", "name": meta.get("outlet") or meta.get("source", "")},
        "author": {"@type": "Person", "name": "Staff reporter"},
    })
    paragraphs = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n\n") if p.strip())
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
    related = "".join(
        f'<li><a href="/story/{r.randrange(10**6)}"><img src="/img/{i}.jpg" alt="">Related story number {i} on the same subject</a></li>'
        for i in range(40))
    comments = "".join(
        f'<div class="comment"><span class="user">reader{r.randrange(10**4)}</span><p>I am not sure this is the whole story, comment {i}.</p></div>'
        for i in range(30))
    target = r.randint(100_000, 300_000)
    head = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>'
            f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{outlet}">'
            f'<meta property="article:published_time" content="{date}T08:00:00Z">'
            f'<script type="application/ld+json">{ld}</script>'
            f'<style>{"".join(f".c{i}{{margin:{i}px;color:#{i:06x}}}" for i in range(800))}</style></head>')
    top = (f'<body><div class="cookie">We use cookies. <button>Accept all</button></div>'
           f'<header><nav><ul>{menu}</ul></nav></header><main><article><h1>{title}</h1>'
           f'<div class="byline">By Staff reporter · {date}</div>{paragraphs}'
           f'<div class="share">Share this article</div></article>'
           f'<aside class="related"><h2>More on this story</h2><ul>{related}</ul></aside>'
           f'<section class="comments">{comments}</section></main><footer>© {outlet}</footer>')
    used = len(head) + len(top) + 40
    state = filler(r, max(0, target - used))
    return f'{head}{top}<script id="state" type="application/json">{state}</script></body></html>'


def make(n, generator):
    base = os.path.join(ROOT, "target", "bench", f"pages-{n}")
    md, pages = os.path.join(base, "md"), os.path.join(base, "html")
    done = os.path.join(base, ".complete")
    if os.path.exists(done):
        return md, pages
    print(f"generating {n} articles in {base} ...", file=sys.stderr)
    subprocess.run([sys.executable, generator, md, str(n)], check=True)
    os.makedirs(pages, exist_ok=True)
    r = random.Random(7)
    for name in sorted(os.listdir(md)):
        if not name.endswith(".md"):
            continue
        with open(os.path.join(md, name), encoding="utf-8") as f:
            meta, body = front_matter(f.read())
        with open(os.path.join(pages, name[:-3] + ".html"), "w", encoding="utf-8") as f:
            f.write(page(meta, body, r))
    open(done, "w").close()
    return md, pages


def build(binary, seeds, out):
    subprocess.run(["sync"], check=False)
    start = time.perf_counter()
    run = subprocess.run([binary, "build", "-q", "--seeds", seeds, "--out", out], capture_output=True, text=True)
    took = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"build of {seeds} failed:\n{run.stderr}")
    return took


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--generator", default=os.path.join(ROOT, "..", "shared", "bench", "gen_corpus.py"))
    args = parser.parse_args()
    md, pages = make(args.n, args.generator)
    size = sum(os.path.getsize(os.path.join(pages, f)) for f in os.listdir(pages))
    print(f"{args.n} saved pages, {size / 2**20:.0f} MiB", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    binary = os.path.join(ROOT, "target", "release", "briefing")
    out = os.path.join(ROOT, "target", "bench", f"pages-{args.n}-site")
    times = {"md": [], "html": []}
    for _ in range(args.runs):
        times["md"].append(build(binary, md, out))
        times["html"].append(build(binary, pages, out))
    best = {k: min(v) for k, v in times.items()}
    print(f"Markdown    {best['md']:.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times['md'])})")
    print(f"saved pages {best['html']:.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times['html'])})")
    print(f"ratio       {best['html'] / best['md']:.2f}")


if __name__ == "__main__":
    main()
