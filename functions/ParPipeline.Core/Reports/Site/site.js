// Progressive enhancement for the reports site: every page is complete without this script. It makes each
// table.sortable sortable by any column (header buttons, aria-sort) and filterable by a search box.
(function () {
  "use strict";
  var lang = document.documentElement.lang || "vi";
  var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
  var words = lang === "vi"
    ? { filter: "Lọc theo tên", shown: function (n, t) { return "Đang hiện " + n + "/" + t + " dòng"; } }
    : { filter: "Filter by name", shown: function (n, t) { return "Showing " + n + " of " + t + " rows"; } };

  function value(cell) {
    var v = cell.getAttribute("data-value");
    return v === null ? cell.textContent.trim() : v;
  }

  function sortBy(table, column, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = th.getAttribute("data-type") === "number";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    rows.sort(function (a, b) {
      var x = value(a.cells[column]), y = value(b.cells[column]);
      var r;
      if (numeric) {
        var nx = x === "" ? Infinity : parseFloat(x), ny = y === "" ? Infinity : parseFloat(y);
        r = nx === ny ? 0 : nx < ny ? -1 : 1;
      } else {
        r = collator.compare(x, y);
      }
      return ascending ? r : -r;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function enhance(table, n) {
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, column, th); });
    });
    var box = document.createElement("p");
    box.className = "filter";
    var id = "filter-" + n;
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = words.filter + " ";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    var status = document.createElement("span");
    status.className = "muted";
    status.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(status);
    var wrapper = table.closest(".scroll") || table;
    wrapper.parentNode.insertBefore(box, wrapper);
    var key = Number(table.getAttribute("data-filter-column") || 0);
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLocaleLowerCase(lang).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
      var rows = table.tBodies[0].rows, shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var text = row.cells[key].textContent.toLocaleLowerCase(lang).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
        var match = needle === "" || text.indexOf(needle) >= 0;
        row.hidden = !match;
        if (match) { shown++; }
      });
      status.textContent = needle === "" ? "" : words.shown(shown, rows.length);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), enhance);
})();
