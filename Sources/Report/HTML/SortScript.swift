/// The page's only script, inline: makes the headers of `table.sortable` sort their rows (numbers by the cells'
/// `data-sort`, text numeric-aware, empty cells last, toggling ascending and descending, `aria-sort` kept), applies
/// a sort named in the URL fragment (`#sort=<id>:<column index>:<asc|desc>`, the id of a table or of an element
/// holding one), shows the period preset the fragment names (`#period=7d`, `30d`, `90d`, `all`, on load and on every
/// change of the fragment, so a preset's link switches it), records any error in `data-error` and sets `data-ready="1"` on the root element when it has run.
/// Without JavaScript the tables are plain tables. The code is XML-safe: inside a CDATA section, no `]]>`.
enum SortScript {
    static let element = """
        <script>
        //<![CDATA[
        (function () {
          var root = document.documentElement;
          function fail(message) { root.setAttribute("data-error", String(message)); }
          window.onerror = function (message) { fail(message); };
          function key(cell) {
            if (!cell) { return null; }
            var raw = cell.getAttribute("data-sort");
            if (raw !== null) { var number = Number(raw); if (raw !== "" && !isNaN(number)) { return { n: number }; } }
            var text = (cell.textContent || "").trim();
            return text === "" ? null : { s: text };
          }
          function compare(a, b) {
            if (a.n !== undefined && b.n !== undefined) { return a.n - b.n; }
            var x = a.n !== undefined ? String(a.n) : a.s, y = b.n !== undefined ? String(b.n) : b.s;
            return x.localeCompare(y, undefined, { numeric: true, sensitivity: "base" });
          }
          function sort(table, index, direction) {
            var body = table.tBodies[0], head = table.tHead;
            if (!body || !head) { return; }
            var sign = direction === "desc" ? -1 : 1;
            var rows = Array.prototype.map.call(body.rows, function (row, position) {
              return { row: row, position: position, key: key(row.cells[index]) };
            });
            rows.sort(function (a, b) {
              if (a.key === null || b.key === null) {
                return a.key === b.key ? a.position - b.position : (a.key === null ? 1 : -1);
              }
              return sign * compare(a.key, b.key) || a.position - b.position;
            });
            rows.forEach(function (item) { body.appendChild(item.row); });
            Array.prototype.forEach.call(head.rows[0].cells, function (cell, column) {
              if (column === index) {
                cell.setAttribute("aria-sort", direction === "desc" ? "descending" : "ascending");
              } else {
                cell.removeAttribute("aria-sort");
              }
            });
          }
          function toggle(table, index) {
            var cell = table.tHead.rows[0].cells[index];
            sort(table, index, cell.getAttribute("aria-sort") === "ascending" ? "desc" : "asc");
          }
          try {
            Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
              if (!table.tHead) { return; }
              Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, index) {
                cell.tabIndex = 0;
                cell.title = "Sort by this column";
                cell.addEventListener("click", function () { toggle(table, index); });
                cell.addEventListener("keydown", function (event) {
                  if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle(table, index); }
                });
              });
            });
            var match = /^#sort=([^:]+):(\\d+):(asc|desc)$/.exec(decodeURIComponent(window.location.hash));
            if (match) {
              var target = document.getElementById(match[1]);
              var table = target && (target.tagName.toLowerCase() === "table" ? target : target.querySelector("table.sortable"));
              if (!table) { throw new Error("no sortable table " + match[1]); }
              sort(table, Number(match[2]), match[3]);
            }
            var presets = document.querySelectorAll(".preset[data-period]");
            function showPeriod() {
              var chosen = /^#period=(7d|30d|90d|all)$/.exec(window.location.hash);
              if (!chosen || !presets.length) { return; }
              Array.prototype.forEach.call(presets, function (block) {
                block.hidden = block.getAttribute("data-period") !== chosen[1];
              });
              Array.prototype.forEach.call(document.querySelectorAll(".presets a[data-period]"), function (link) {
                if (link.getAttribute("data-period") === chosen[1]) {
                  link.setAttribute("aria-current", "true");
                } else {
                  link.removeAttribute("aria-current");
                }
              });
            }
            window.addEventListener("hashchange", function () {
              try { showPeriod(); } catch (error) { fail(error && error.message ? error.message : error); }
            });
            showPeriod();
          } catch (error) {
            fail(error && error.message ? error.message : error);
          }
          root.dataset.ready = "1";
        })();
        //]]>
        </script>
        """
}
