// Live reload for `briefing serve`. The server adds this script to the pages it serves;
// a built site does not contain it. It follows the server's build states: a newer build
// reloads the page, a failed build shows its diagnostics over the page.
(function () {
  "use strict";
  var script = document.currentScript;
  var seen = Number(script.getAttribute("data-generation"));
  var overlay = null;
  var source = new EventSource(script.src.replace(/livereload\.js(\?.*)?$/, "events"));

  source.addEventListener("build", function (event) {
    var state = JSON.parse(event.data);
    if (state.error) {
      show(state.error);
    } else if (state.generation !== seen) {
      source.close();
      window.location.reload();
    } else {
      hide();
    }
  });

  // Browsers allow a few connections per server: a page left behind must not keep one.
  window.addEventListener("pagehide", function () { source.close(); });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { window.location.reload(); }
  });

  function show(text) {
    hide();
    overlay = document.createElement("div");
    overlay.setAttribute("role", "alert");
    overlay.id = "briefing-build-error";
    var s = overlay.style;
    s.position = "fixed";
    s.top = "1rem";
    s.left = "1rem";
    s.right = "1rem";
    s.maxHeight = "calc(100vh - 2rem)";
    s.zIndex = "2147483647";
    s.overflow = "auto";
    s.padding = "1.25rem 1.5rem";
    s.background = "#fff8f6";
    s.color = "#3b0d0c";
    s.border = "2px solid #b3261e";
    s.borderRadius = "8px";
    s.boxShadow = "0 8px 32px rgba(0,0,0,.35)";
    s.font = "15px/1.5 system-ui, sans-serif";
    var title = document.createElement("h2");
    title.textContent = "The last build failed";
    title.style.margin = "0 0 .5rem";
    var note = document.createElement("p");
    note.textContent = "This page shows the last good build. Fix the file named below and save: " +
      "this message goes away when the build succeeds.";
    var pre = document.createElement("pre");
    pre.textContent = text;
    pre.style.whiteSpace = "pre-wrap";
    pre.style.font = "13px/1.45 ui-monospace, monospace";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.addEventListener("click", hide);
    overlay.append(title, note, pre, close);
    document.body.appendChild(overlay);
  }

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }
})();
