// Crawls the site from the browser, from the base path down: every link, script, stylesheet
// and image of every page must answer 200 under the base path, and every #anchor must
// exist on its page. Returns the number of pages reached and the broken links.
async (basePath) => {
    const base = new URL(basePath, location.href).href;
    const queue = [base + "index.html"], seen = new Set(queue), broken = [], pages = {};
    const fetchPage = async (url) => {
        if (!(url in pages)) {
            const r = await fetch(url);
            pages[url] = { status: r.status, type: r.headers.get("content-type") || "",
                            text: await r.text() };
        }
        return pages[url];
    };
    while (queue.length) {
        const url = queue.shift();
        const page = await fetchPage(url);
        if (!page.type.startsWith("text/html")) continue;
        const doc = new DOMParser().parseFromString(page.text, "text/html");
        for (const el of doc.querySelectorAll("a[href], link[href], script[src], img[src]")) {
            const raw = el.getAttribute("href") ?? el.getAttribute("src");
            const target = new URL(raw, url);
            if (target.origin !== location.origin) continue;
            const file = target.href.split("#")[0];
            if (!target.href.startsWith(base)) { broken.push(url + " -> " + raw + " (outside " + base + ")"); continue; }
            const answer = await fetchPage(file);
            if (answer.status !== 200) { broken.push(url + " -> " + raw + " (" + answer.status + ")"); continue; }
            if (target.hash && answer.type.startsWith("text/html")) {
                const id = decodeURIComponent(target.hash.slice(1));
                const targetDoc = new DOMParser().parseFromString(answer.text, "text/html");
                if (!targetDoc.getElementById(id)) broken.push(url + " -> " + raw + " (no #" + id + ")");
            }
            if (!seen.has(file) && el.tagName === "A") { seen.add(file); queue.push(file); }
        }
    }
    return { pages: seen.size, broken };
}
