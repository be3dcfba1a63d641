// The search page: queries the Pagefind bundle in pagefind/ and lists the results, each a
// link to the actor, the source or the paragraph it was found in. Needs the site served
// over http(s) (`briefing serve` or a static host): browsers do not load it from file://.
const form = document.querySelector(".search-form");
const input = document.getElementById("search-query");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const PAGE = 20;

let pagefind = null;
let results = [];
let shown = 0;
let latest = 0;

async function engine() {
  if (!pagefind) {
    pagefind = await import(new URL("pagefind/pagefind.js", import.meta.url).href);
    await pagefind.options({ excerptLength: 40 });
    pagefind.init();
  }
  return pagefind;
}

// Pagefind's excerpt is text with <mark> around the matches; keep exactly that and nothing
// else, so that no markup from a source can reach the page.
function excerpt(html) {
  // The paragraph's heading ("¶3") is the indexer's, not the reader's.
  html = html.replace(/¶\d+\.?\s*/g, "");
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const out = document.createDocumentFragment();
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

// A source is indexed as one page with a heading per paragraph: show the paragraph with the
// most matches, and link to its anchor.
function best(data) {
  const paragraphs = (data.sub_results || []).filter((sub) => sub.url.includes("#"));
  if (paragraphs.length === 0) return { url: data.url, excerpt: data.excerpt, label: "" };
  const top = paragraphs.reduce((a, b) => (b.locations.length > a.locations.length ? b : a));
  return { url: top.url, excerpt: top.excerpt, label: ` · ${top.title}` };
}

function item(data) {
  const hit = best(data);
  // A long source is indexed in parts; the page is the same.
  hit.url = hit.url.replace(/\?part=\d+/, "");
  const li = document.createElement("li");
  const link = document.createElement("a");
  link.href = hit.url;
  link.textContent = data.meta.title || hit.url;
  const kind = document.createElement("span");
  kind.className = "result-kind";
  kind.textContent = (data.meta.kind || "") + hit.label;
  const text = document.createElement("p");
  text.append(excerpt(hit.excerpt));
  li.append(link, " ", kind, text);
  return li;
}

async function showMore() {
  const batch = results.slice(shown, shown + PAGE);
  const datas = await Promise.all(batch.map((r) => r.data()));
  for (const data of datas) {
    list.append(item(structuredClone(data)));
  }
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
    found = await (await engine()).search(query);
  } catch (error) {
    status.textContent = window.location.protocol === "file:"
      ? "Search works when the site is served: run `briefing serve`, or publish it."
      : "The search index could not be loaded: rebuild the site.";
    return;
  }
  if (ticket !== latest) return;
  results = found.results;
  shown = 0;
  const n = results.length;
  status.textContent = n === 0
    ? `Nothing found for “${query}”.`
    : `${n} result${n === 1 ? "" : "s"} for “${query}”.`;
  await showMore();
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    history.replaceState(null, "", url);
    run(input.value);
  }, 200);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  const url = new URL(window.location.href);
  url.searchParams.set("q", input.value);
  history.replaceState(null, "", url);
  run(input.value);
});
more.addEventListener("click", showMore);

const initial = new URLSearchParams(window.location.search).get("q") || "";
input.value = initial;
if (initial) run(initial);
