/* chronicler web UI: charts drawn as SVG from data- attributes, highlight toggles on the
   article page, and the ingest form with progress polling. No library, no network
   access beyond this server, and no innerHTML: every text goes in through textContent. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    var n = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(n); }
    return n;
  }

  function text(parent, x, y, s, cls, anchor) {
    var t = el("text", { x: x, y: y, "class": cls || "axis", "text-anchor": anchor || "middle" }, parent);
    t.textContent = s;
    return t;
  }

  function addDays(iso, n) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  /* Every day from the first to the last date (gaps shown as gaps), unless the range is
     so long that bars would be invisible: then only the days with data. */
  function days(series) {
    var dates = series.map(function (d) { return d.date; }).sort();
    if (!dates.length) { return []; }
    var out = [], cur = dates[0], last = dates[dates.length - 1];
    while (cur <= last && out.length <= 400) { out.push(cur); cur = addDays(cur, 1); }
    return out.length > 400 ? dates : out;
  }

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  /* "10 May", with the year when the chart spans more than one. */
  function dayLabel(iso, withYear) {
    var s = Number(iso.slice(8, 10)) + " " + MONTHS[Number(iso.slice(5, 7)) - 1];
    return withYear ? s + " " + iso.slice(0, 4) : s;
  }

  function fmt(v) { return String(Math.round(v * 10) / 10).replace("-", "\u2212"); }

  /* One bar from the zero line to v, with a tooltip and (when it fits) a count on it. */
  function bar(svg, x, w, y, v, cls, tip, count) {
    var top = Math.min(y(v), y(0)), h = Math.abs(y(v) - y(0));
    var r = el("rect", { x: x, y: top, width: w, height: Math.max(h, 1), "class": cls }, svg);
    el("title", {}, r).textContent = tip;
    if (count) {
      var ty = v < 0 ? y(v) + 12 : y(v) - 3;
      text(svg, x + w / 2, ty, String(count), "count");
    }
  }

  function draw(box) {
    var series;
    try { series = JSON.parse(box.getAttribute("data-series") || "[]"); } catch (e) { return; }
    if (!Array.isArray(series) || !series.length) { return; }
    var kind = box.getAttribute("data-chart");
    var W = 1000, H = 240, L = 56, R = 12, T = 18, B = 46;
    var svg = el("svg", { viewBox: "0 0 " + W + " " + H, "class": "chart-svg", role: "img" });
    var byDate = {};
    series.forEach(function (d) { byDate[d.date] = d; });
    var xs = days(series), n = xs.length, band = (W - L - R) / Math.max(n, 1);
    var plotH = H - T - B;
    var dyad = kind === "dyad";
    var keys = dyad ? ["cooperation", "conflict"] : ["events", "articles"];
    var lo = 0, hi = 0;
    series.forEach(function (d) {
      keys.forEach(function (k) { var v = Number(d[k]) || 0; hi = Math.max(hi, v); lo = Math.min(lo, v); });
    });
    if (hi === lo) { hi = lo + 1; }
    var dataHi = hi, dataLo = lo;  /* the axis names the data's extremes, not the padding */
    var pad = (hi - lo) * 0.08;  /* room for the counts above and below the bars */
    hi += hi > 0 ? pad : 0; lo -= lo < 0 ? pad : 0;
    function y(v) { return T + (hi - v) / (hi - lo) * plotH; }
    /* y axis: its extremes, zero, and what the numbers are */
    el("line", { x1: L, x2: W - R, y1: y(0), y2: y(0), "class": "zero" }, svg);
    el("line", { x1: L, x2: L, y1: T, y2: T + plotH, "class": "zero" }, svg);
    [dataHi, dataLo].forEach(function (v) {
      if (Math.abs(y(v) - y(0)) > 14) {
        el("line", { x1: L - 3, x2: L, y1: y(v), y2: y(v), "class": "zero" }, svg);
        text(svg, L - 6, y(v) + 4, fmt(v), "axis", "end");
      }
    });
    text(svg, L - 6, y(0) + 4, "0", "axis", "end");
    var yTitle = text(svg, 12, T + plotH / 2, dyad ? "summed score" : "per day", "axis-title");
    yTitle.setAttribute("transform", "rotate(-90 12 " + (T + plotH / 2) + ")");
    /* x axis: at most one label per 70 units, so labels never collide */
    var withYear = xs.length && xs[0].slice(0, 4) !== xs[xs.length - 1].slice(0, 4);
    var step = Math.max(1, Math.ceil(n / Math.floor((W - L - R) / (withYear ? 95 : 70))));
    xs.forEach(function (date, i) {
      var d = byDate[date], x0 = L + i * band;
      if (i % step === 0) { text(svg, x0 + band / 2, H - B + 16, dayLabel(date, withYear), "axis xlabel"); }
      if (!d) { return; }
      if (dyad) {
        /* conflict and cooperation apart: a day with a strike and a ceasefire shows both */
        var w = Math.max(1, Math.min(40, band * 0.7));
        var x = x0 + (band - w) / 2;
        if (d.n_cooperation) {
          bar(svg, x, w, y, Number(d.cooperation) || 0, "bar pos", dayLabel(date, true) + ": " +
              d.n_cooperation + " cooperative event" + (d.n_cooperation === 1 ? "" : "s") +
              ", score +" + fmt(d.cooperation), d.n_cooperation);
        }
        if (d.n_conflict) {
          bar(svg, x, w, y, Number(d.conflict) || 0, "bar neg", dayLabel(date, true) + ": " +
              d.n_conflict + " conflict event" + (d.n_conflict === 1 ? "" : "s") +
              ", score " + fmt(d.conflict), d.n_conflict);
        }
        return;
      }
      keys.forEach(function (k, j) {
        var w = Math.max(1, Math.min(36, band * 0.8 / keys.length));
        var v = Number(d[k]) || 0, x = x0 + (band - w * keys.length) / 2 + j * w;
        if (v) { bar(svg, x, w, y, v, "bar " + k, dayLabel(date, true) + ": " + v + " " + k, null); }
      });
    });
    var legend = dyad ? [["bar pos", "cooperation (above)"], ["bar neg", "conflict (below)"]]
                      : [["bar events", "events"], ["bar articles", "articles"]];
    legend.forEach(function (item, i) {
      var x = L + i * 170;
      el("rect", { x: x, y: H - 14, width: 10, height: 10, "class": item[0] }, svg);
      text(svg, x + 14, H - 5, item[1], "axis", "start");
    });
    box.appendChild(svg);
  }

  function legendToggles() {
    var legend = document.querySelector("[data-legend]");
    var target = document.getElementById("text");
    if (!legend || !target) { return; }
    legend.addEventListener("change", function (ev) {
      var box = ev.target;
      if (!box || !box.getAttribute("data-kind")) { return; }
      target.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  }

  function setField(root, name, value) {
    var n = root.querySelector('[data-field="' + name + '"]');
    if (n) { n.textContent = value == null ? "" : String(value); }
    return n;
  }

  function showJob(root, job) {
    root.hidden = false;
    setField(root, "state", job.state);
    setField(root, "stage", job.stage);
    setField(root, "docs", job.docs);
    setField(root, "message", job.message || "");
    var bar = root.querySelector('[data-field="bar"]');
    if (bar && job.state === "done") { bar.max = 1; bar.value = 1; }
    var dl = root.querySelector('[data-field="summary"]');
    if (dl && job.summary) {
      while (dl.firstChild) { dl.removeChild(dl.firstChild); }
      ["read", "stored", "already_stored", "duplicates", "skipped", "seconds"].forEach(function (k) {
        var dt = document.createElement("dt"), dd = document.createElement("dd");
        dt.textContent = k.replace("_", " ");
        dd.textContent = String(job.summary[k]);
        dl.appendChild(dt); dl.appendChild(dd);
      });
    }
    var ul = root.querySelector('[data-field="errors"]');
    if (ul) {
      while (ul.firstChild) { ul.removeChild(ul.firstChild); }
      (job.errors || []).forEach(function (e) {
        var li = document.createElement("li");
        li.textContent = e.source + ": " + e.reason + " (" + e.message + ")";
        ul.appendChild(li);
      });
    }
  }

  function ingestForm() {
    var form = document.querySelector("form[data-ingest]");
    var root = document.getElementById("job");
    if (!form || !root) { return; }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var data = new FormData(form), headers = {};
      var tok = form.querySelector("[data-token]");
      if (tok) { data.delete("token"); headers.Authorization = "Bearer " + tok.value; }
      var button = form.querySelector("button");
      button.disabled = true;
      fetch("/api/ingest", { method: "POST", body: data, headers: headers, credentials: "same-origin" })
        .then(function (r) { return r.json().then(function (j) { return [r.status, j]; }); })
        .then(function (res) {
          if (res[0] !== 202) {
            root.hidden = false;
            setField(root, "state", "refused");
            setField(root, "message", res[1].error ? res[1].error.message : "refused");
            button.disabled = false;
            return;
          }
          poll(res[1].id, root, button);
        })
        .catch(function () { setField(root, "message", "the server did not answer"); button.disabled = false; });
    });
  }

  function poll(id, root, button) {
    fetch("/api/ingest/" + encodeURIComponent(id), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        showJob(root, job);
        if (job.state === "queued" || job.state === "running") {
          window.setTimeout(function () { poll(id, root, button); }, 700);
        } else {
          button.disabled = false;
        }
      })
      .catch(function () { window.setTimeout(function () { poll(id, root, button); }, 1500); });
  }

  var TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;

  /* What is new since this list page was last opened. The page carries the database
     clock (data-now); the last visit's is kept per list in localStorage; the API's
     `since` answers which records come from articles stored after it, and those of
     them on this page get a "new" badge. Ids are compared as strings (never put in a
     selector), and every text goes in through textContent. */
  function markNew() {
    var note = document.querySelector("[data-new-list]");
    if (!note) { return; }
    var list = note.getAttribute("data-new-list"), now = note.getAttribute("data-now");
    var key = "chronicler.seen." + list, last = null;
    try {
      last = window.localStorage.getItem(key);
      if (TIME.test(now || "")) { window.localStorage.setItem(key, now); }
    } catch (e) { return; }  /* storage blocked: no marks */
    if (!last || !TIME.test(last) || !/^[a-z]+$/.test(list || "")) { return; }  /* first visit */
    fetch("/api/" + list + "?limit=200&since=" + encodeURIComponent(last),
          { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { items: [] }; })
      .then(function (page) {
        var fresh = {};
        (page.items || []).forEach(function (it) {
          if (it && typeof it.id === "string") { fresh[it.id] = true; }
        });
        var n = 0;
        Array.prototype.forEach.call(document.querySelectorAll("[data-id]"), function (item) {
          var id = item.getAttribute("data-id");
          if (!id || !Object.prototype.hasOwnProperty.call(fresh, id)) { return; }
          item.classList.add("is-new");
          var badge = document.createElement("span");
          badge.className = "badge-new";
          badge.textContent = "new";
          (item.querySelector("[data-new-slot]") || item).appendChild(badge);
          n += 1;
        });
        if (n) {
          note.textContent = n + " new on this page since your last visit (" +
            last.slice(0, 16).replace("T", " ") + ", database time)";
          note.hidden = false;
        }
      })
      .catch(function () { /* a convenience: no answer, no marks */ });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), draw);
    legendToggles();
    ingestForm();
    markNew();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
