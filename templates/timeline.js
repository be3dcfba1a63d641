// The timeline's filter: shows the form (hidden without JavaScript, when the page lists
// every event) and hides the events that do not match the chosen actor and statuses.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  if (!form) { return; }
  var actor = document.getElementById("filter-actor");
  var count = document.getElementById("filter-count");
  var events = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.day"));
  function apply() {
    var statuses = Array.prototype.slice.call(form.querySelectorAll("input[name=status]:checked"))
      .map(function (box) { return box.value; });
    var who = actor.value;
    var shown = 0;
    events.forEach(function (event) {
      var actors = (event.getAttribute("data-actors") || "").split(" ");
      var match = statuses.indexOf(event.getAttribute("data-status")) >= 0 &&
        (who === "" || actors.indexOf(who) >= 0);
      event.hidden = !match;
      if (match) { shown += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = section.querySelector("li.event:not([hidden])") === null;
    });
    count.textContent = shown === events.length ? "" : shown + " of " + events.length + " events shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  var wanted = new URLSearchParams(window.location.search).get("actor");
  if (wanted) { actor.value = wanted; }
  apply();
}());
