#!/usr/bin/env python3
"""Add reworded copies to a corpus made by ../shared/bench/gen_corpus.py, in place.

    python3 bench/rewrite.py CORPUS [--fraction F] [--seed S] [--check] [--examples N]

Picks F of the corpus's doc-NNNNNN.md documents (default 0.1, seed 7) and writes one
rewritten copy of each as a new file rw-NNNNNN.md (numbered in a shuffled order, so that the
name does not tell the original), the way content farms, synonym spinners and machine
retranslation copy a story. The copy has a headline of its own, the original's date or a
few days later, and another `source`. Its body is the original's paragraphs in order, each
spun: common words swapped for synonyms from a built-in table (about half of those that can
be; said -> stated, met -> held talks with, officials -> authorities, proposal -> plan, ...),
a filler opener on some sentences ("Notably, "), and, in about a third of the copies, most
articles dropped as a retranslation would. Sentences keep their order; names, numbers and
dates stay. Each copy may also have two consecutive paragraphs merged, one split in two at a
sentence boundary, one dropped, and an intro and an outro paragraph of the copier's own.

Idempotent: the file .rewrites-complete, written last, records the seed, the fraction and
which document each copy was made from; with it present and the same settings nothing is
done, otherwise rw-*.md files are removed and written again. `--check` writes nothing: it
makes every copy again to confirm the files match (the output depends only on the seed), and
prints the word 3-gram Jaccard similarity of each copied paragraph with its original(s),
and N examples. Standard library only.
"""
import argparse
import datetime
import glob
import os
import random
import re
import sys

MARKER = ".rewrites-complete"

# Spinner synonyms: a phrase of the generator's vocabulary and what it may become. Longer
# phrases win over the words inside them ("would be discussed with" before "would"). Names,
# places, organisations, numbers and days are never in the table, so they stay as they are.
SYNONYMS = {
    "said": ["stated", "mentioned", "noted", "remarked"],
    "told reporters": ["informed journalists", "told the press", "told members of the media"],
    "insisted": ["stressed", "asserted firmly"],
    "warned": ["cautioned", "issued a warning"],
    "suggested": ["hinted", "indicated"],
    "reportedly": ["allegedly", "supposedly", "according to reports"],
    "stated": ["declared", "announced"],
    "maintained": ["held", "kept insisting"],
    "denied": ["rejected claims", "dismissed suggestions"],
    "confirmed": ["verified", "acknowledged"],
    "argued": ["contended", "claimed"],
    "would be discussed with": ["will be talked about with", "would be raised with", "was to be debated with",
                                "would come up in talks with"],
    "that": [""],  # dropped: "said that the plan" -> "said the plan"
    "would": ["will", "might"],
    "discussed": ["talked about", "debated"],
    "to discuss": ["for talks on", "in order to talk about"],
    "discuss": ["talk about", "go over"],
    "met": ["held talks with", "sat down with"],
    "officials": ["authorities", "representatives"],
    "had not seen": ["had yet to see", "had not been shown"],
    "had not": ["hadn't", "had not yet"],
    "according to": ["as per", "citing"],
    "depended on": ["hinged on", "relied on"],
    "last week": ["the previous week", "in the past week"],
    "later that week": ["later in the week", "in the days that followed"],
    "earlier this month": ["at the start of this month", "earlier in the month"],
    "in a recent phone call": ["during a recent telephone call", "in a call recently"],
    "later": ["afterwards", "after that"],
    "night": ["evening"],
    "yesterday": ["the day before", "a day earlier"],
    "proposal": ["plan", "blueprint"],
    "security guarantees": ["security assurances", "safety guarantees"],
    "ceasefire": ["truce", "cessation of hostilities"],
    "front line": ["frontline", "line of contact"],
    "territorial concessions": ["land concessions", "territorial compromises"],
    "sanctions relief": ["easing of sanctions", "sanctions easing"],
    "prisoner exchange": ["prisoner swap", "exchange of prisoners"],
    "frozen assets": ["immobilised assets", "blocked funds"],
    "limits on": ["caps on", "restrictions on"],
    "armed forces": ["military", "army"],
    "referendum": ["public vote", "plebiscite"],
    "energy infrastructure": ["power infrastructure", "energy facilities"],
    "strikes": ["attacks", "bombardments"],
    "also": ["additionally", "as well"],
    "plan": ["scheme", "deal"],
}

# Openers a spinner adds to a sentence, and the copier's own intro and outro paragraphs and
# headlines, in the news-wire style of the generator; {topic} is the original headline's.
FILLERS = ["Notably, ", "Moreover, ", "In addition, ", "Meanwhile, ", "Interestingly, ",
           "Furthermore, ", "It is worth noting that ", "As it turns out, "]
INTROS = [
    "In a development that has drawn attention, new details have emerged about {topic}.",
    "The debate over {topic} took another turn this week, as officials weighed their next steps.",
    "Here is what we know so far about {topic}, according to multiple reports.",
    "In a story that continues to unfold, sources close to the talks shed new light on {topic}.",
]
OUTROS = [
    "It remains to be seen how the talks on {topic} will develop in the coming days.",
    "Stay tuned for more updates on this developing story.",
    "Observers say the coming weeks will be decisive for {topic}.",
    "This article will be updated as more information becomes available.",
]
HEADLINES = ["{Topic}: what we know so far", "Everything you need to know about {topic}",
             "New twist in talks over {topic}", "Explained: {topic} back on the table"]
# Copiers' names: none of them is a source the generator uses, so the source always changes.
OUTLETS = ["Daily News Digest", "World Report Hub", "Global Brief Today", "Info Wire 24",
           "Trending Politics Now", "The News Roundup", "Headline Aggregator", "Newsfeed Central"]

_KEYS = sorted(SYNONYMS, key=len, reverse=True)
PHRASE = re.compile(r"\b(" + "|".join(re.escape(k) + "|" + re.escape(k[0].upper() + k[1:]) for k in _KEYS) + r")\b")
ARTICLE = re.compile(r"\b(?:the|a|an) (?=[a-z0-9])")  # not before a name
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Words of the table: a sentence opening with one of these is lowercased after a filler.
COMMON = {w for k, alts in SYNONYMS.items() for p in [k, *alts] for w in p.split()} | {"the", "a", "an"}


def read_source(path):
    """({front matter key: value}, [paragraphs]) of a generated document."""
    with open(path) as f:
        text = f.read()
    _, head, body = text.split("---\n", 2)
    meta = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        meta[key] = value.strip().strip('"')
    return meta, [p.strip() for p in body.split("\n\n") if p.strip()]


def render(meta, paragraphs):
    """A document's text, in the generator's layout."""
    return (f"---\ntitle: \"{meta['title']}\"\ndate: {meta['date']}\nsource: \"{meta['source']}\"\n---\n\n"
            + "\n\n".join(paragraphs) + "\n")


def spin(r, text, rate, retranslated, filler):
    """One paragraph spun: synonyms at `rate`, articles dropped if `retranslated`, and a
    filler opener on a sentence with probability `filler`. Sentence order is kept."""
    def swap(m):
        word = m.group(0)
        if r.random() >= rate:
            return word
        alt = r.choice(SYNONYMS[word.lower()])
        return alt[0].upper() + alt[1:] if word[0].isupper() else alt
    text = re.sub(r" {2,}", " ", PHRASE.sub(swap, text))
    if retranslated:
        text = ARTICLE.sub(lambda m: "" if r.random() < 0.7 else m.group(0), text)
    sentences = []
    for s in SENTENCE_END.split(text):
        if r.random() < filler:
            first = s.split(" ", 1)[0]
            if first.lower() in COMMON:  # not a name: "Authorities in Kyiv" -> "authorities in Kyiv"
                s = first.lower() + s[len(first):]
            s = r.choice(FILLERS) + s
        sentences.append(s)
    return " ".join(sentences)


def rewrite(r, meta, paragraphs):
    """A reworded copy of one document: (front matter, [(indices of the original paragraphs
    it comes from, paragraph)]); the copier's own paragraphs come from none."""
    rate = r.uniform(0.45, 0.65)
    retranslated = r.random() < 0.3
    filler = r.uniform(0.1, 0.3)
    topic = meta["title"].partition(": ")[2] or meta["title"]
    topic = spin(r, topic, rate, False, 0)
    day = datetime.date.fromisoformat(meta["date"]) + datetime.timedelta(days=r.randrange(8))
    copy = {"title": r.choice(HEADLINES).format(topic=topic, Topic=topic[0].upper() + topic[1:]),
            "date": day.isoformat(),
            "source": r.choice([o for o in OUTLETS if o != meta["source"]])}
    units = [((i,), p) for i, p in enumerate(paragraphs)]
    if len(units) > 3 and r.random() < 0.3:  # one paragraph dropped
        del units[r.randrange(len(units))]
    if len(units) > 2 and r.random() < 0.35:  # two consecutive paragraphs merged
        j = r.randrange(len(units) - 1)
        units[j:j + 2] = [(units[j][0] + units[j + 1][0], units[j][1] + " " + units[j + 1][1])]
    units = [(src, spin(r, text, rate, retranslated, filler)) for src, text in units]
    if r.random() < 0.35:  # one paragraph split in two at a sentence boundary
        splittable = [k for k, (src, text) in enumerate(units) if len(SENTENCE_END.split(text)) > 1]
        if splittable:
            k = r.choice(splittable)
            src, text = units[k]
            sentences = SENTENCE_END.split(text)
            cut = r.randint(1, len(sentences) - 1)
            units[k:k + 1] = [(src, " ".join(sentences[:cut])), (src, " ".join(sentences[cut:]))]
    if r.random() < 0.6:
        units.insert(0, ((), r.choice(INTROS).format(topic=topic)))
    if r.random() < 0.5:
        units.append(((), r.choice(OUTROS).format(topic=topic)))
    return copy, units


def doc_random(seed, name):
    """The random stream of one document's copy: it depends on nothing but the seed and the
    original's name (a string seed is hashed the same way on every run)."""
    return random.Random(f"{seed}:{name}")


def rewrite_corpus(folder, fraction=0.1, seed=7):
    """Adds the copies to `folder` unless its marker says they are there. Returns how many
    copies the folder holds."""
    marker = os.path.join(folder, MARKER)
    header = f"# seed={seed} fraction={fraction:g}\n"
    if os.path.exists(marker):
        with open(marker) as f:
            lines = f.readlines()
        if lines and lines[0] == header:
            return len(lines) - 1
        print(f"{folder}: rewrites made with other settings; making them again", file=sys.stderr)
        os.remove(marker)
    for old in glob.glob(os.path.join(folder, "rw-*.md")):  # an interrupted or older run's
        os.remove(old)
    docs = sorted(os.path.basename(p) for p in glob.glob(os.path.join(folder, "doc-*.md")))
    picked = random.Random(f"{seed}:pick").sample(docs, round(len(docs) * fraction))
    print(f"adding {len(picked)} reworded copies to {folder} ...", file=sys.stderr)
    manifest = []
    for n, name in enumerate(picked):
        meta, paragraphs = read_source(os.path.join(folder, name))
        copy, units = rewrite(doc_random(seed, name), meta, paragraphs)
        target = f"rw-{n:06d}.md"
        with open(os.path.join(folder, target), "w") as f:
            f.write(render(copy, [text for _, text in units]))
        manifest.append(f"{target}\t{name}\n")
    with open(marker + ".tmp", "w") as f:
        f.write(header + "".join(manifest))
    os.replace(marker + ".tmp", marker)
    return len(picked)


def shingles(text):
    """Word 3-grams of a text, lower case, punctuation left out."""
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def jaccard(a, b):
    a, b = shingles(a), shingles(b)
    return len(a & b) / len(a | b) if a | b else 1.0


def check(folder, examples):
    """Makes every copy again, compares it with its file, and prints the 3-gram Jaccard of
    each copied paragraph (merged or split ones as a whole) with its original(s)."""
    with open(os.path.join(folder, MARKER)) as f:
        header, *lines = f.readlines()
    seed = int(re.search(r"seed=(\d+)", header).group(1))
    scores, shown, differ = [], [], 0
    for line in lines:
        target, name = line.rstrip("\n").split("\t")
        meta, paragraphs = read_source(os.path.join(folder, name))
        copy, units = rewrite(doc_random(seed, name), meta, paragraphs)
        with open(os.path.join(folder, target)) as f:
            differ += f.read() != render(copy, [text for _, text in units])
        by_source = {}
        for src, text in units:
            if src:
                by_source.setdefault(src, []).append(text)
        for src, texts in by_source.items():
            original = " ".join(paragraphs[i] for i in src)
            scores.append(jaccard(original, " ".join(texts)))
            if (len(shown) < examples and len(src) == 1 and len(texts) == 1 and len(original) < 400
                    and all(target != t for _, t, *_ in shown)):  # one example a copy
                shown.append((name, target, original, texts[0], scores[-1]))
    if not scores:
        sys.exit(f"{folder}: no copies to check")
    scores.sort()
    q = lambda p: scores[min(len(scores) - 1, int(p * len(scores)))]
    print(f"{len(lines)} copies, {differ} differing from a fresh rewrite; {len(scores)} copied paragraphs")
    print(f"word 3-gram Jaccard with the original: mean {sum(scores) / len(scores):.3f}, min {scores[0]:.3f}, "
          f"p10 {q(0.1):.3f}, p25 {q(0.25):.3f}, median {q(0.5):.3f}, p75 {q(0.75):.3f}, "
          f"p90 {q(0.9):.3f}, max {scores[-1]:.3f}")
    for low in [i / 10 for i in range(10)]:
        count = sum(low <= s < low + 0.1 or (low == 0.9 and s == 1.0) for s in scores)
        print(f"  {low:.1f}-{low + 0.1:.1f} {count:6d} {'#' * round(60 * count / len(scores))}")
    for name, target, original, copied, score in shown:
        print(f"\n{name} -> {target} (Jaccard {score:.3f})\n  original:  {original}\n  rewritten: {copied}")
    return differ == 0


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("corpus")
    a.add_argument("--fraction", type=float, default=0.1)
    a.add_argument("--seed", type=int, default=7)
    a.add_argument("--check", action="store_true", help="write nothing; verify the copies and print their similarity")
    a.add_argument("--examples", type=int, default=2)
    o = a.parse_args()
    if not 0 <= o.fraction <= 1:
        sys.exit("--fraction must be between 0 and 1")
    if o.check:
        sys.exit(0 if check(o.corpus, o.examples) else 1)
    print(f"{rewrite_corpus(o.corpus, o.fraction, o.seed)} reworded copies in {o.corpus}")


if __name__ == "__main__":
    main()
