// The article page: hover or click a quote, entity or event to see its details.
// Everything shown is set with textContent, never innerHTML: article text and
// names come from the analysed page and must stay text.
(function () {
  "use strict";
  var dataEl = document.getElementById("analysis-data");
  if (!dataEl) { return; }
  var data = JSON.parse(dataEl.textContent);
  var textEl = document.getElementById("article-text");
  var tip = document.getElementById("tip");
  var details = document.getElementById("selected-details");
  var pinned = null;

  function byId(list) {
    var out = {};
    list.forEach(function (x) { out[x.id] = x; });
    return out;
  }
  var quotes = byId(data.quotes);
  var entities = byId(data.entities);
  var events = byId(data.events);

  function has(el, attr, id) {
    var v = el.getAttribute(attr);
    return v !== null && v.split(" ").indexOf(id) !== -1;
  }

  function segmentsWith(attr, id) {
    return Array.prototype.filter.call(textEl.querySelectorAll("[" + attr + "]"), function (el) {
      return has(el, attr, id);
    });
  }

  function clearMarks() {
    Array.prototype.forEach.call(textEl.querySelectorAll(".hl, .hl-cue, .hl-spk, .ev-on"), function (el) {
      el.classList.remove("hl", "hl-cue", "hl-spk", "ev-on");
    });
  }

  function quoteRows(q) {
    var ent = q.entity ? entities[q.entity] : null;
    return [
      ["Quote", q.id + " (" + q.kind + ")"],
      ["Speaker", q.speaker],
      ["Entity", ent ? ent.name + (ent.code ? " [" + ent.code + "]" : "") + " · " + ent.kind : "not resolved"],
      ["Cue", q.cue || "none"],
      ["Date", q.date || "unknown"],
      ["Text", q.text]
    ];
  }

  function entityRows(e) {
    return [
      ["Entity", e.name + " (" + e.id + ")"],
      ["Kind", e.kind],
      ["Code", e.code || "none"],
      ["Country", e.country || "unknown"],
      ["Mentions", String(e.mentions)]
    ];
  }

  function names(list) {
    return list.length ? list.map(function (a) { return a.name + (a.code ? " [" + a.code + "]" : ""); }).join(", ") : "?";
  }

  function eventRows(v) {
    return [
      ["Event", v.id + ": " + v.type + (v.mode ? " (" + v.mode + ")" : "")],
      ["Source", names(v.source)],
      ["Target", names(v.target)],
      ["Trigger", v.trigger],
      ["Status", v.polarity + ", " + v.modality],
      ["Date", v.date || "unknown"],
      ["Evidence", v.evidence]
    ];
  }

  function fill(el, rows) {
    while (el.firstChild) { el.removeChild(el.firstChild); }
    rows.forEach(function (row) {
      var dt = document.createElement("dt");
      dt.textContent = row[0];
      var dd = document.createElement("dd");
      dd.textContent = row[1];
      el.appendChild(dt);
      el.appendChild(dd);
    });
  }

  function showTip(target, rows) {
    if (!tip) { return; }
    var lines = rows.slice(0, 5).map(function (r) { return r[0] + ": " + r[1]; });
    tip.textContent = lines.join("\n");
    var rect = target.getBoundingClientRect();
    tip.style.left = Math.max(4, rect.left + window.scrollX) + "px";
    tip.style.top = (rect.bottom + window.scrollY + 6) + "px";
    tip.hidden = false;
  }

  function hideTip() { if (tip) { tip.hidden = true; } }

  function markQuote(id) {
    segmentsWith("data-q", id).forEach(function (el) { el.classList.add("hl"); });
    segmentsWith("data-cue", id).forEach(function (el) { el.classList.add("hl-cue"); });
    segmentsWith("data-spk", id).forEach(function (el) { el.classList.add("hl-spk"); });
  }

  function markEntity(id) {
    segmentsWith("data-e", id).forEach(function (el) { el.classList.add("hl"); });
  }

  function markEvent(id) {
    segmentsWith("data-ev", id).forEach(function (el) { el.classList.add("ev-on"); });
    segmentsWith("data-v", id).forEach(function (el) { el.classList.add("hl"); });
  }

  // What a piece of text stands for, most specific first: a quote, then an
  // entity mention, then an event trigger.
  function describe(el) {
    var q = el.getAttribute("data-q") || el.getAttribute("data-cue") || el.getAttribute("data-spk");
    if (q) { var qid = q.split(" ")[0]; return { kind: "quote", id: qid, rows: quoteRows(quotes[qid]) }; }
    var e = el.getAttribute("data-e");
    if (e) { var eid = e.split(" ")[0]; return { kind: "entity", id: eid, rows: entityRows(entities[eid]) }; }
    var v = el.getAttribute("data-v");
    if (v) { var vid = v.split(" ")[0]; return { kind: "event", id: vid, rows: eventRows(events[vid]) }; }
    return null;
  }

  function select(item, target, pin) {
    clearMarks();
    if (!item) { hideTip(); return; }
    if (item.kind === "quote") { markQuote(item.id); }
    if (item.kind === "entity") { markEntity(item.id); }
    if (item.kind === "event") { markEvent(item.id); }
    fill(details, item.rows);
    if (target) { showTip(target, item.rows); }
    if (pin) { pinned = item; }
  }

  textEl.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest("span[data-q], span[data-cue], span[data-spk], span[data-e], span[data-v]");
    if (!el) { return; }
    select(describe(el), el, false);
  });
  textEl.addEventListener("mouseleave", function () {
    hideTip();
    if (pinned) { select(pinned, null, false); } else { clearMarks(); }
  });
  textEl.addEventListener("click", function (ev) {
    var el = ev.target.closest("span[data-q], span[data-cue], span[data-spk], span[data-e], span[data-v]");
    if (!el) { pinned = null; clearMarks(); return; }
    select(describe(el), el, true);
  });

  function first(list) { return list.length ? list[0] : null; }

  document.addEventListener("click", function (ev) {
    var quoteItem = ev.target.closest("[data-select-quote]");
    if (quoteItem) {
      var qid = quoteItem.getAttribute("data-select-quote");
      var seg = first(segmentsWith("data-q", qid));
      select({ kind: "quote", id: qid, rows: quoteRows(quotes[qid]) }, null, true);
      hideTip();
      if (seg) { seg.scrollIntoView({ block: "center" }); }
      return;
    }
    var evLink = ev.target.closest("[data-event]");
    if (evLink) {
      ev.preventDefault();
      var vid = evLink.getAttribute("data-event");
      var evSeg = first(segmentsWith("data-ev", vid));
      select({ kind: "event", id: vid, rows: eventRows(events[vid]) }, null, true);
      hideTip();
      if (evSeg) { evSeg.scrollIntoView({ block: "center" }); }
      return;
    }
    var entItem = ev.target.closest("[data-select-entity]");
    if (entItem) {
      ev.preventDefault();
      var eid = entItem.getAttribute("data-select-entity");
      var entSeg = first(segmentsWith("data-e", eid));
      select({ kind: "entity", id: eid, rows: entityRows(entities[eid]) }, null, true);
      hideTip();
      if (entSeg) { entSeg.scrollIntoView({ block: "center" }); }
    }
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { pinned = null; clearMarks(); hideTip(); }
    if (ev.key === "Enter" && ev.target.matches && ev.target.matches("[data-select-quote]")) { ev.target.click(); }
  });
})();
