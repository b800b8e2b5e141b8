"use strict";
(function () {
  var data = JSON.parse(document.getElementById("action-data").textContent);
  var table = document.getElementById("action-table");
  var bodies = Array.prototype.slice.call(table.querySelectorAll("tbody.action"));
  var search = document.getElementById("search");
  var shown = document.getElementById("shown");
  var filters = [
    ["f-category", function (a) { return [a.category]; }],
    ["f-status", function (a) { return [a.status]; }],
    ["f-device", function (a) { return [a.deviceCategory]; }],
    ["f-tag", function (a) { return a.tags; }],
    ["f-licensed", function (a) { return [a.licensed]; }]
  ].map(function (f) { return [document.getElementById(f[0]), f[1]]; }).filter(function (f) { return f[0]; });

  function apply() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    bodies.forEach(function (body) {
      var a = data[Number(body.getAttribute("data-i"))];
      var visible = words.every(function (w) { return a.search.indexOf(w) >= 0; }) && filters.every(function (f) {
        return f[0].value === "" || f[1](a).indexOf(f[0].value) >= 0;
      });
      body.hidden = !visible;
      if (visible) { count++; }
    });
    shown.textContent = count === data.length ? data.length + " actions" : count + " of " + data.length + " actions shown";
  }

  function sortBy(header) {
    var key = header.getAttribute("data-sort");
    var descending = header.getAttribute("aria-sort") === "ascending";
    table.querySelectorAll("th[data-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var sorted = bodies.slice().sort(function (x, y) {
      var a = data[Number(x.getAttribute("data-i"))][key];
      var b = data[Number(y.getAttribute("data-i"))][key];
      var order = typeof a === "number" ? a - b : String(a).localeCompare(String(b));
      return descending ? -order : order;
    });
    sorted.forEach(function (body) { table.appendChild(body); });
  }

  table.querySelectorAll("th[data-sort]").forEach(function (th) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    button.title = "Sort by " + th.textContent.toLowerCase();
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () { sortBy(th); });
  });
  search.addEventListener("input", apply);
  filters.forEach(function (f) { f[0].addEventListener("change", apply); });
  document.getElementById("controls").addEventListener("submit", function (e) { e.preventDefault(); });
  document.getElementById("controls").hidden = false;

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () { opened.forEach(function (d) { d.open = false; }); });
  apply();
}());
