// The corpus page's two drawings, in plain SVG: a timeline of event counts
// and a network of actors (edges coloured by PLOVER type, width by count).
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
  function drawTimeline(container, timeline) {
    var buckets = timeline.buckets || [];
    if (!buckets.length) { empty(container, "No dated events."); return; }
    var barW = Math.max(6, Math.min(40, Math.floor(640 / buckets.length) - 2));
    var left = 34, bottom = 46, top = 10, height = 180;
    var width = left + buckets.length * (barW + 2) + 10;
    var max = Math.max.apply(null, buckets.map(function (b) { return b.count; }));
    var svg = el("svg", { width: width, height: height + bottom + top, viewBox: "0 0 " + width + " " + (height + bottom + top), role: "img" }, container);
    el("line", { x1: left, y1: top + height, x2: width - 5, y2: top + height, "class": "axis" }, svg);
    el("line", { x1: left, y1: top, x2: left, y2: top + height, "class": "axis" }, svg);
    text(svg, left - 4, top + 8, String(max), { "text-anchor": "end" });
    text(svg, left - 4, top + height, "0", { "text-anchor": "end" });
    var every = Math.ceil(buckets.length / 12);
    buckets.forEach(function (b, i) {
      var h = max ? Math.max(1, Math.round(height * b.count / max)) : 0;
      var x = left + 2 + i * (barW + 2);
      var bar = el("rect", { x: x, y: top + height - h, width: barW, height: h, "class": "bar", "data-period": b.period, "data-count": b.count }, svg);
      var title = el("title", {}, bar);
      var types = Object.keys(b.by_type).map(function (t) { return t + " " + b.by_type[t]; }).join(", ");
      title.textContent = b.period + ": " + b.count + " events (" + types + ")";
      if (i % every === 0) {
        text(svg, x + barW / 2, top + height + 14, b.period, { "text-anchor": "end", transform: "rotate(-40 " + (x + barW / 2) + " " + (top + height + 14) + ")" });
      }
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
    var size = 520, cx = size / 2, cy = size / 2, r = size / 2 - 90;
    var svg = el("svg", { width: size, height: size, viewBox: "0 0 " + size + " " + size, role: "img" }, container);
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
    nodes.forEach(function (n) {
      var p = pos[n.id];
      var a = el("a", { href: corpusLink({ actor: n.id }), "class": "node" }, svg);
      el("circle", { cx: p.x, cy: p.y, r: 4 + Math.min(8, Math.sqrt(n.events)) }, a);
      var right = Math.cos(p.a) >= 0;
      text(a, p.x + (right ? 12 : -12), p.y + 4, n.id, { "text-anchor": right ? "start" : "end" });
      el("title", {}, a).textContent = n.id + ": " + n.events + " event ends";
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
