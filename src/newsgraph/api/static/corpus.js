// The corpus page's two drawings, in plain SVG: a timeline of event counts on
// a time axis and a network of actors (edges coloured by PLOVER type, width by
// count, labels laid out so that none overlaps another).
// Labels are set with textContent; nothing from the data becomes markup.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var dataEl = document.getElementById("chart-data");
  if (!dataEl) { return; }
  var data = JSON.parse(dataEl.textContent);

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function text(parent, x, y, value, attrs) {
    var t = el("text", Object.assign({ x: x, y: y }, attrs || {}), parent);
    t.textContent = value;
    return t;
  }

  function empty(container, message) {
    var p = document.createElement("p");
    p.className = "none";
    p.textContent = message;
    container.appendChild(p);
  }

  function corpusLink(changes) {
    var params = new URLSearchParams(window.location.search);
    Object.keys(changes).forEach(function (k) {
      if (changes[k] === null || changes[k] === "") { params.delete(k); } else { params.set(k, changes[k]); }
    });
    params.delete("eoffset");
    return "/corpus?" + params.toString() + "#events";
  }

  // -- timeline -------------------------------------------------------------
  // A real time axis: a bar's place is its period's distance in time from the
  // first one, so gaps between periods show; empty periods are empty space.
  function periodIndex(period) {
    var p = period.split("-").map(Number);
    if (p.length === 1) { return p[0]; }
    if (p.length === 2) { return p[0] * 12 + (p[1] - 1); }
    return Math.round(Date.UTC(p[0], p[1] - 1, p[2]) / 86400000);
  }

  function periodName(index, parts) {
    if (parts === 1) { return String(index); }
    if (parts === 2) {
      var m = index % 12 + 1;
      return Math.floor(index / 12) + "-" + (m < 10 ? "0" : "") + m;
    }
    return new Date(index * 86400000).toISOString().slice(0, 10);
  }

  function drawTimeline(container, timeline) {
    var buckets = timeline.buckets || [];
    if (!buckets.length) { empty(container, "No dated events."); return; }
    var parts = buckets[0].period.split("-").length;
    var first = periodIndex(buckets[0].period);
    var last = periodIndex(buckets[buckets.length - 1].period);
    var span = last - first + 1;  // periods on the axis, with or without events
    var unit = Math.max(2, Math.min(42, Math.floor(640 / span)));
    var barW = Math.max(1, unit - 2);
    var left = 34, bottom = 46, top = 10, height = 180;
    var width = left + span * unit + 12;
    var max = Math.max.apply(null, buckets.map(function (b) { return b.count; }));
    var svg = el("svg", { width: width, height: height + bottom + top, viewBox: "0 0 " + width + " " + (height + bottom + top), role: "img" }, container);
    el("line", { x1: left, y1: top + height, x2: width - 5, y2: top + height, "class": "axis" }, svg);
    el("line", { x1: left, y1: top, x2: left, y2: top + height, "class": "axis" }, svg);
    text(svg, left - 4, top + 8, String(max), { "text-anchor": "end" });
    text(svg, left - 4, top + height, "0", { "text-anchor": "end" });
    // ticks at regular steps of time, at most about 12 labels
    var step = Math.max(1, Math.ceil(span / 12));
    if (parts === 2 && step > 1) { step = step <= 3 ? 3 : step <= 6 ? 6 : 12 * Math.ceil(step / 12); }
    for (var k = 0; k < span; k += step) {
      var tx = left + 2 + k * unit + barW / 2;
      el("line", { x1: tx, y1: top + height, x2: tx, y2: top + height + 4, "class": "axis tick" }, svg);
      text(svg, tx, top + height + 14, periodName(first + k, parts), { "class": "tick-label", "text-anchor": "end", transform: "rotate(-40 " + tx + " " + (top + height + 14) + ")" });
    }
    buckets.forEach(function (b) {
      var h = max ? Math.max(1, Math.round(height * b.count / max)) : 0;
      var x = left + 2 + (periodIndex(b.period) - first) * unit;
      var bar = el("rect", { x: x, y: top + height - h, width: barW, height: h, "class": "bar", "data-period": b.period, "data-count": b.count }, svg);
      var title = el("title", {}, bar);
      var types = Object.keys(b.by_type).map(function (t) { return t + " " + b.by_type[t]; }).join(", ");
      title.textContent = b.period + ": " + b.count + " events (" + types + ")";
    });
  }

  // -- network --------------------------------------------------------------
  var PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

  function drawNetwork(container, legend, network) {
    var nodes = network.nodes || [];
    var edges = network.edges || [];
    if (!nodes.length) { empty(container, "No events with both a source and a target."); return; }
    nodes = nodes.slice(0, 40);
    var keep = {};
    nodes.forEach(function (n) { keep[n.id] = true; });
    edges = edges.filter(function (e) { return keep[e.source] && keep[e.target]; });
    function labelOf(id) { return id.length > 28 ? id.slice(0, 27) + "\u2026" : id; }
    var longest = Math.max.apply(null, nodes.map(function (n) { return labelOf(n.id).length; }));
    // room for the labels on both sides (about 7 px a character), the circle between them
    var r = 170, margin = 24 + 7 * longest;
    var width = 2 * (margin + r), height = 2 * r + 60, cx = width / 2, cy = height / 2;
    var svg = el("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img" }, container);
    var pos = {};
    nodes.forEach(function (n, i) {
      var a = 2 * Math.PI * i / nodes.length - Math.PI / 2;
      pos[n.id] = { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a), a: a };
    });
    var types = [];
    edges.forEach(function (e) { if (types.indexOf(e.type) === -1) { types.push(e.type); } });
    var colour = {};
    types.forEach(function (t, i) { colour[t] = PALETTE[i % PALETTE.length]; });
    var maxN = Math.max.apply(null, edges.map(function (e) { return e.n; }).concat([1]));
    var defs = el("defs", {}, svg);
    types.forEach(function (t, i) {
      // Arrowheads in user units, so that a thick edge does not get a huge head.
      var m = el("marker", { id: "arrow-" + i, viewBox: "0 0 10 10", refX: 22, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
      el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: colour[t] }, m);
    });
    var seenPair = {};
    edges.forEach(function (e) {
      var s = pos[e.source], t = pos[e.target];
      // Edges of the same dyad (one per event type) get more and more bent, so none hides another.
      var pair = e.source + "\u0000" + e.target;
      var k = seenPair[pair] = (seenPair[pair] === undefined ? 0 : seenPair[pair] + 1);
      var bend = 0.12 + 0.14 * k;
      var w = 1 + 5 * Math.sqrt(e.n / maxN);
      var g = el("g", { "class": "edge-group" }, svg);
      var d;
      if (e.source === e.target) {
        d = "M " + s.x + " " + s.y + " c " + (30 + 12 * k) + " -" + (40 + 12 * k) + " " + (60 + 12 * k) + " 0 0 8";
      } else {
        // Curve each edge a little, so that A->B and B->A stay apart.
        var mx = (s.x + t.x) / 2, my = (s.y + t.y) / 2;
        var dx = t.x - s.x, dy = t.y - s.y;
        d = "M " + s.x + " " + s.y + " Q " + (mx - dy * bend) + " " + (my + dx * bend) + " " + t.x + " " + t.y;
      }
      el("path", { d: d, "class": "edge", stroke: colour[e.type], "stroke-width": w.toFixed(2), "marker-end": "url(#arrow-" + types.indexOf(e.type) + ")", "data-type": e.type, "data-n": e.n }, g)
        .appendChild(el("title", {})).textContent = e.source + " → " + e.type + " → " + e.target + ": " + e.n + " events in " + e.articles + " articles";
    });
    // Labels: horizontal, in two columns outside the circle (nodes of the right
    // half to the right, of the left half to the left), each column spread
    // vertically so that no two labels share a line; a leader line joins each
    // label to its node. No label then covers another label, a node or an edge.
    var LINE = 15;
    var columns = { right: [], left: [] };
    nodes.forEach(function (n) {
      var p = pos[n.id];
      columns[Math.cos(p.a) >= -1e-9 ? "right" : "left"].push({ n: n, p: p, y: p.y + 4 });
    });
    Object.keys(columns).forEach(function (side) {
      var col = columns[side].sort(function (u, v) { return u.y - v.y; });
      for (var i = 1; i < col.length; i++) { col[i].y = Math.max(col[i].y, col[i - 1].y + LINE); }
      var bottomY = height - 6;
      if (col.length && col[col.length - 1].y > bottomY) {  // pushed past the bottom: pack upwards
        col[col.length - 1].y = bottomY;
        for (var j = col.length - 2; j >= 0; j--) { col[j].y = Math.min(col[j].y, col[j + 1].y - LINE); }
      }
    });
    ["right", "left"].forEach(function (side) {
      columns[side].forEach(function (item) {
        var n = item.n, p = item.p, right = side === "right";
        var href = corpusLink({ actor: n.id }), tip = n.id + ": " + n.events + " event ends";
        var lx = cx + (right ? r + 18 : -(r + 18));
        el("line", { x1: p.x + (right ? 6 : -6), y1: p.y, x2: lx + (right ? -3 : 3), y2: item.y - 4, "class": "leader" }, svg);
        // the dot and the label are each a link (one element spanning both would be mostly empty space)
        var dot = el("a", { href: href, "class": "node-dot" }, svg);
        el("circle", { cx: p.x, cy: p.y, r: 4 + Math.min(8, Math.sqrt(n.events)) }, dot);
        el("title", {}, dot).textContent = tip;
        var a = el("a", { href: href, "class": "node" }, svg);
        text(a, lx, item.y, labelOf(n.id), { "text-anchor": right ? "start" : "end", "class": "node-label" });
        el("title", {}, a).textContent = tip;
      });
    });
    types.forEach(function (t) {
      var item = document.createElement("span");
      var sw = document.createElement("i");
      sw.style.background = colour[t];
      item.appendChild(sw);
      item.appendChild(document.createTextNode(t));
      legend.appendChild(item);
    });
  }

  drawTimeline(document.getElementById("timeline"), data.timeline);
  drawNetwork(document.getElementById("network"), document.getElementById("network-legend"), data.network);
})();
