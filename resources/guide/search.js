// Offline search over the guide: window.GUIDE_INDEX (search-index.js) holds the text of
// every section. Every word typed must appear; sections whose title matches come first.
(function () {
  "use strict";
  var box = document.getElementById("search");
  var list = document.getElementById("results");
  var index = window.GUIDE_INDEX || [];
  if (!box || !list) { return; }

  function show(found, words) {
    list.innerHTML = "";
    list.hidden = words.length === 0;
    if (words.length === 0) { return; }
    if (found.length === 0) {
      var none = document.createElement("li");
      none.textContent = "Nothing found.";
      list.appendChild(none);
      return;
    }
    found.slice(0, 12).forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.page + (entry.anchor ? "#" + entry.anchor : "");
      link.textContent = entry.title;
      var text = entry.text.toLowerCase();
      var at = Math.max(0, text.indexOf(words[0]) - 40);
      var snippet = document.createElement("small");
      snippet.textContent = (at > 0 ? "… " : "") + entry.text.substr(at, 110) + " …";
      item.appendChild(link);
      item.appendChild(snippet);
      list.appendChild(item);
    });
  }

  function search() {
    var words = box.value.toLowerCase().split(/\s+/).filter(Boolean);
    var found = index.filter(function (entry) {
      var text = (entry.title + " " + entry.text).toLowerCase();
      return words.every(function (word) { return text.indexOf(word) >= 0; });
    });
    found.sort(function (a, b) {
      var inA = words.some(function (w) { return a.title.toLowerCase().indexOf(w) >= 0; });
      var inB = words.some(function (w) { return b.title.toLowerCase().indexOf(w) >= 0; });
      return (inB ? 1 : 0) - (inA ? 1 : 0);
    });
    show(found, words);
  }

  box.addEventListener("input", search);
  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = list.querySelector("a");
      if (first) { window.location.href = first.href; }
    }
  });
})();
