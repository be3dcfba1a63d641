// The search page: reads the index in search/ (written by `briefing build`) and lists the
// results, each a link to the actor, the source or the paragraph it was found in. It fetches
// only the files a query needs. Needs the site served over http(s) (`briefing serve` or a
// static host): browsers do not let a page fetch files from file://.
//
// The index (see src/render/search.rs): units are the actors, then for each source its
// title followed by one number per paragraph. search/terms/<key>.json lists, for each word
// starting with the two characters whose UTF-8 hex is <key>, the units holding it as gaps.
const FORMAT = 1;
const form = document.querySelector(".search-form");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const PAGE = 20;
const EXCERPT = 240;
const base = new URL("search/", import.meta.url);
const files = new Map();

let meta = null;
let results = [];
let words = [];
let shown = 0;
let latest = 0;

function load(path) {
  if (!files.has(path)) {
    files.set(path, fetch(new URL(path, base)).then((r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      return r.json();
    }));
  }
  return files.get(path);
}

// What the build's `fold` does: NFKD without combining marks, lower case.
function fold(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function indexed(word) {
  const chars = [...word];
  if (chars.length === 0) return false;
  if (chars.length === 1) return /\p{N}/u.test(word);
  return !meta.stopWords.has(word);
}

function shardKey(word) {
  const head = [...word].slice(0, 2).join("");
  return [...new TextEncoder().encode(head)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function index() {
  if (!meta) {
    const m = await load("meta.json");
    if (m.format !== FORMAT) throw new Error("index format");
    // Where each source's units start.
    const first = [];
    let next = m.actors;
    for (const n of m.paragraphs) {
      first.push(next);
      next += 1 + n;
    }
    meta = { ...m, first, units: next, stopWords: new Set(m.stop_words) };
  }
  return meta;
}

// The units holding `word`; the last word of a query also matches longer words it starts.
async function unitsOf(word, prefix) {
  const shard = await load(`terms/${shardKey(word)}.json`).catch(() => ({}));
  const units = new Set();
  for (const [term, gaps] of Object.entries(shard)) {
    if (term === word || (prefix && term.startsWith(word))) {
      let unit = 0;
      for (const gap of gaps) {
        unit += gap;
        units.add(unit);
      }
    }
  }
  return units;
}

// The source a unit belongs to, by binary search over where sources start.
function sourceOf(unit) {
  let lo = 0;
  let hi = meta.first.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (meta.first[mid] <= unit) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// Units holding every word. Actors come first, then sources whose title matches, then the
// others; a source's units make one result, which leads to its first matching paragraph
// and ranks higher the more of its paragraphs match.
async function find(query) {
  await index();
  words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(indexed);
  if (words.length === 0) return [];
  const last = words.length - 1;
  const sets = await Promise.all(words.map((w, i) => unitsOf(w, i === last && [...w].length >= 2)));
  sets.sort((a, b) => a.size - b.size);
  const units = [...sets[0]].filter((u) => sets.every((s) => s.has(u))).sort((a, b) => a - b);
  const bySource = new Map();
  const found = [];
  for (const unit of units) {
    if (unit < meta.actors) {
      found.push({ actor: unit, score: 4, order: unit });
      continue;
    }
    const source = sourceOf(unit);
    const paragraph = unit - meta.first[source];
    let hit = bySource.get(source);
    if (!hit) {
      hit = { source, paragraph: 0, count: 0, score: 1, order: unit };
      bySource.set(source, hit);
      found.push(hit);
    }
    if (paragraph === 0) {
      hit.score = 2;
    } else {
      if (hit.count === 0) hit.paragraph = paragraph;
      hit.count += 1;
    }
  }
  for (const hit of found) {
    if (hit.count > 1) hit.score += Math.log(hit.count);
  }
  return found.sort((a, b) => b.score - a.score || a.order - b.order);
}

// `text` with every word of the query marked, cut around the first match; built from text
// nodes and <mark> only, so nothing in a source can become markup.
function excerpt(text) {
  const out = document.createDocumentFragment();
  const matches = (word) => {
    const w = fold(word);
    return words.some((q, i) => w === q || (i === words.length - 1 && [...q].length >= 2 && w.startsWith(q)));
  };
  const tokens = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].filter((m) => matches(m[0]));
  let start = 0;
  if (tokens.length > 0 && tokens[0].index > EXCERPT / 3) {
    start = text.lastIndexOf(" ", tokens[0].index - EXCERPT / 4) + 1;
  }
  let end = Math.min(text.length, start + EXCERPT);
  const space = text.lastIndexOf(" ", end);
  if (end < text.length && space > start) end = space;
  let at = start;
  if (start > 0) out.append("…");
  for (const token of tokens) {
    const from = token.index;
    const to = from + token[0].length;
    if (from < start) continue;
    if (to > end) break;
    out.append(text.slice(at, from));
    const mark = document.createElement("mark");
    mark.textContent = token[0];
    out.append(mark);
    at = to;
  }
  out.append(text.slice(at, end));
  if (end < text.length) out.append("…");
  return out;
}

function item(href, title, kind, text) {
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = new URL(href, base).href;
  link.textContent = title;
  const label = document.createElement("span");
  label.className = "result-kind";
  label.textContent = kind;
  const p = document.createElement("p");
  p.append(excerpt(text));
  li.append(link, " ", label, p);
  return li;
}

async function render(hit) {
  if (hit.actor !== undefined) {
    const [id, name, kind, text] = (await load("actors.json"))[hit.actor];
    return item(`../actors/${id}/index.html`, name, `Actor: ${kind}`, text);
  }
  const group = Math.floor(hit.source / meta.text_group);
  const [id, title, outlet, paragraphs] = (await load(`text/${group}.json`))[hit.source % meta.text_group];
  const kind = outlet ? `Source: ${outlet}` : "Source";
  const page = `../sources/${id}/index.html`;
  if (hit.paragraph === 0) return item(page, title, kind, title);
  const others = hit.count > 1 ? ` and ${hit.count - 1} more` : "";
  const text = paragraphs[hit.paragraph] || "";
  return item(`${page}#p${hit.paragraph}`, title, `${kind} · ¶${hit.paragraph}${others}`, text);
}

async function showMore() {
  const batch = results.slice(shown, shown + PAGE);
  const ticket = latest;
  const items = await Promise.all(batch.map(render));
  if (ticket !== latest) return;
  list.append(...items);
  shown += batch.length;
  more.hidden = shown >= results.length;
}

async function run(query) {
  const ticket = ++latest;
  list.replaceChildren();
  more.hidden = true;
  if (!query.trim()) {
    status.textContent = "";
    return;
  }
  status.textContent = "Searching…";
  let found;
  try {
    found = await find(query);
  } catch (error) {
    if (ticket !== latest) return;
    status.textContent = window.location.protocol === "file:"
      ? "Search works when the site is served: run `briefing serve`, or publish it."
      : "The search index could not be loaded: rebuild the site.";
    return;
  }
  if (ticket !== latest) return;
  results = found;
  shown = 0;
  const n = results.length;
  status.textContent = n === 0
    ? `Nothing found for “${query}”.`
    : `${n} result${n === 1 ? "" : "s"} for “${query}”.`;
  await showMore();
}

let timer = 0;
function submit() {
  const url = new URL(window.location.href);
  url.searchParams.set("q", input.value);
  history.replaceState(null, "", url);
  run(input.value);
}
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(submit, 200);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  submit();
});
more.addEventListener("click", showMore);

const initial = new URLSearchParams(window.location.search).get("q") || "";
input.value = initial;
if (initial) run(initial);
