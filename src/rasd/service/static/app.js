// rasd article page: clicking a quote shows its speaker and date; panels link back to the text.
// No inline scripts (the Content-Security-Policy forbids them); nothing is fetched.
(function () {
  "use strict";
  var text = document.getElementById("text");
  var detail = document.getElementById("quote-detail");
  if (!text || !detail) { return; }

  function pieces(id) { return text.querySelectorAll('[data-quote="' + CSS.escape(id) + '"]'); }

  function clear() {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
  }

  function show(id, scrollText) {
    var item = document.getElementById("quote-" + id);
    if (!item) { return; }
    clear();
    var parts = pieces(id);
    parts.forEach(function (el) { el.classList.add("active"); });
    item.classList.add("active");
    var body = detail.querySelector(".body");
    body.replaceChildren();
    ["q-head", "q-text", "q-kind"].forEach(function (cls) {
      var el = item.querySelector("." + cls);
      if (el) { body.appendChild(el.cloneNode(true)); }
    });
    detail.dataset.quote = id;
    detail.hidden = false;
    if (scrollText && parts.length) { parts[0].scrollIntoView({ block: "center", behavior: "smooth" }); }
  }

  text.addEventListener("click", function (ev) {
    var el = ev.target.closest("[data-quote]");
    if (el) { show(el.dataset.quote, false); }
  });
  document.querySelectorAll(".quote-item").forEach(function (item) {
    item.addEventListener("click", function (ev) {
      if (ev.target.closest("a")) { return; }
      show(item.dataset.quote, true);
    });
    item.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { show(item.dataset.quote, true); }
    });
  });
  detail.querySelector(".close").addEventListener("click", function () { detail.hidden = true; clear(); });
  if (location.hash.indexOf("#quote-") === 0) { show(decodeURIComponent(location.hash.slice(7)), true); }
})();
