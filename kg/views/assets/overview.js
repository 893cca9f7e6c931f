/* kamerkg overview: filters, search, top N, details panel.
   Every string from the data is placed with textContent, never as HTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var STYLE = DATA.style;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function tip(lines) {
    var d = el("div", null, "kg-tip");
    lines.forEach(function (l) { if (l) { d.appendChild(el("div", l)); } });
    return d;
  }
  var byId = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {};
  DATA.edges.forEach(function (e) { edgeById[e.id] = e; });

  var nodes = new vis.DataSet(DATA.nodes.map(function (n) {
    var s = STYLE[n.type] || {colour: "#999999", shape: "dot", name: n.type};
    return {id: n.id, label: n.label, x: n.x, y: n.y, value: n.value, shape: s.shape,
            color: s.colour, title: tip([n.label, s.name + (n.info.kind ? " · " + n.info.kind : "")])};
  }));
  var edges = new vis.DataSet(DATA.edges.map(function (e) {
    return {id: e.id, from: e.from, to: e.to, label: e.label, arrows: "to",
            width: 1 + Math.log(1 + e.count), color: {color: DATA.edgeColours[e.kind] || "#999999"},
            title: tip([e.label + (e.cls ? " (" + e.cls + ")" : ""), e.count + "×"])};
  }));

  var visibleNode = {}, visibleEdge = {}, forced = null;

  function selected(id) { return document.getElementById(id).value; }
  function computeVisible() {
    var types = {};
    Array.prototype.forEach.call(document.querySelectorAll(".kg-type"), function (box) {
      types[box.value] = box.checked;
    });
    var doc = selected("kg-doc"), year = selected("kg-year"), action = selected("kg-action");
    var docIndex = -1;
    if (doc) { DATA.docs.forEach(function (d, i) { if (d.id === doc) { docIndex = i; } }); }
    var topN = parseInt(selected("kg-topn"), 10) || DATA.nodes.length;
    var allowed = {}, count = 0;
    for (var i = 0; i < DATA.nodes.length && count < topN; i++) {  // most central first
      var n = DATA.nodes[i];
      if (!types[n.type]) { continue; }
      if (docIndex >= 0 && n.docs.indexOf(docIndex) < 0) { continue; }
      if (year && n.years.indexOf(year) < 0) { continue; }
      allowed[n.id] = true; count++;
    }
    if (forced !== null) { allowed[forced] = true; }
    var shownEdge = {}, touched = {};
    DATA.edges.forEach(function (e) {
      if (!allowed[e.from] || !allowed[e.to]) { return; }
      if (action && e.label !== action) { return; }
      if (docIndex >= 0 && e.docs.length && e.docs.indexOf(docIndex) < 0) { return; }
      if (year && e.years.length && e.years.indexOf(year) < 0) { return; }
      shownEdge[e.id] = true; touched[e.from] = true; touched[e.to] = true;
    });
    if (action) {
      Object.keys(allowed).forEach(function (id) { if (!touched[id] && Number(id) !== forced) { delete allowed[id]; } });
    }
    visibleNode = allowed; visibleEdge = shownEdge;
  }
  function applyFilters() {
    var wasNode = visibleNode, wasEdge = visibleEdge;
    computeVisible();
    var nodeChanges = [], edgeChanges = [];  // only what changed: cheap on large graphs
    DATA.nodes.forEach(function (n) {
      if (!!wasNode[n.id] !== !!visibleNode[n.id]) { nodeChanges.push({id: n.id, hidden: !visibleNode[n.id]}); }
    });
    DATA.edges.forEach(function (e) {
      if (!!wasEdge[e.id] !== !!visibleEdge[e.id]) { edgeChanges.push({id: e.id, hidden: !visibleEdge[e.id]}); }
    });
    nodes.update(nodeChanges); edges.update(edgeChanges);
    var shown = Object.keys(visibleNode).length;
    document.getElementById("kg-count").textContent =
      shown + " van " + DATA.total + " knopen, " + Object.keys(visibleEdge).length + " verbindingen";
  }
  computeVisible();
  nodes.update(DATA.nodes.filter(function (n) { return !visibleNode[n.id]; }).map(function (n) { return {id: n.id, hidden: true}; }));
  edges.update(DATA.edges.filter(function (e) { return !visibleEdge[e.id]; }).map(function (e) { return {id: e.id, hidden: true}; }));

  var network = new vis.Network(document.getElementById("kg-network"), {nodes: nodes, edges: edges}, {
    physics: {enabled: false},
    layout: {improvedLayout: false, randomSeed: 1},
    interaction: {hover: true, tooltipDelay: 150, hideEdgesOnDrag: DATA.edges.length > 1000,
                  hideEdgesOnZoom: DATA.edges.length > 1000},
    nodes: {scaling: {min: 6, max: 40, label: {enabled: true, min: 11, max: 26, drawThreshold: 7}},
            font: {face: "system-ui, sans-serif"}},
    edges: {smooth: false, font: {size: 9, align: "middle", color: "#555555"},
            selectionWidth: 2, arrows: {to: {scaleFactor: 0.5}}}
  });
  window.kgNetwork = network;
  network.once("afterDrawing", function () { window.__kgFirstDraw = performance.now(); });

  var panel = document.getElementById("kg-details");
  function clear() { while (panel.firstChild) { panel.removeChild(panel.firstChild); } }
  function field(label, value) {
    if (!value || (Array.isArray(value) && !value.length)) { return; }
    var p = el("p"); p.appendChild(el("strong", label + ": "));
    p.appendChild(document.createTextNode(Array.isArray(value) ? value.join("; ") : value));
    panel.appendChild(p);
  }
  function sentence(ev) {
    var p = el("p", null, "kg-evidence");
    var doc = el("span", ev.doc + ": ", "kg-evdoc");
    p.appendChild(doc);
    var at = ev.quote ? ev.sentence.indexOf(ev.quote) : -1;
    if (at < 0) { p.appendChild(document.createTextNode(ev.sentence)); return p; }
    p.appendChild(document.createTextNode(ev.sentence.slice(0, at)));
    p.appendChild(el("mark", ev.quote));
    p.appendChild(document.createTextNode(ev.sentence.slice(at + ev.quote.length)));
    return p;
  }
  function docLinks(indices) {
    if (!indices.length) { return; }
    panel.appendChild(el("h3", "Documenten"));
    var ul = el("ul");
    indices.forEach(function (i) {
      var d = DATA.docs[i], li = el("li"), a = el("a", d.id);
      a.href = d.url; a.target = "_blank"; a.rel = "noopener";
      li.appendChild(a);
      if (d.title) { li.appendChild(document.createTextNode(" — " + d.title)); }
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }
  function evidence(list) {
    if (!list.length) { return; }
    panel.appendChild(el("h3", "Bewijszinnen"));
    list.forEach(function (ev) { panel.appendChild(sentence(ev)); });
  }
  function showNode(id) {
    var n = byId[id]; if (!n) { return; }
    clear();
    panel.appendChild(el("h2", n.label));
    field("Soort", (STYLE[n.type] || {}).name + (n.info.kind ? " (" + n.info.kind + ")" : ""));
    field("Rollen", n.info.roles); field("Partij", n.info.party); field("Ook genoemd", n.info.aliases);
    var a = el("a", "pagina met alle verbindingen"); a.href = n.info.page;
    var p = el("p"); p.appendChild(a); panel.appendChild(p);
    docLinks(n.docs); evidence(n.info.ev);
    panel.setAttribute("data-node", String(id));
  }
  function showEdge(id) {
    var e = edgeById[id]; if (!e) { return; }
    clear();
    panel.appendChild(el("h2", byId[e.from].label + " → " + e.label + " → " + byId[e.to].label));
    field("Handeling", e.label + (e.cls ? " (" + e.cls + ")" : "")); field("Aantal keer", String(e.count));
    docLinks(e.docs); evidence(e.ev);
    panel.setAttribute("data-edge", String(id));
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });
  window.kgShowNode = showNode; window.kgShowEdge = showEdge;

  function search(query) {
    var q = String(query || "").trim().toLowerCase(), found = null, rank = 9;
    if (!q) { return null; }
    function score(n) {  // exact name, label prefix, label word, label part, alias part
      var label = n.label.toLowerCase(), aliases = n.info.aliases.map(function (s) { return s.toLowerCase(); });
      if (label === q || aliases.indexOf(q) >= 0) { return 0; }
      if (label.indexOf(q) === 0) { return 1; }
      if ((" " + label).indexOf(" " + q) >= 0) { return 2; }
      if (label.indexOf(q) >= 0) { return 3; }
      return aliases.some(function (s) { return s.indexOf(q) >= 0; }) ? 4 : 9;
    }
    DATA.nodes.forEach(function (n) {  // most central first, so ties go to the central node
      var r = score(n);
      if (r < rank) { rank = r; found = n.id; }
    });
    var status = document.getElementById("kg-search-result");
    if (found === null) { status.textContent = "niet gevonden"; return null; }
    if (!visibleNode[found]) { forced = found; applyFilters(); }
    network.selectNodes([found]);
    network.focus(found, {scale: 1.3, animation: false});
    showNode(found);
    status.textContent = "gevonden: " + byId[found].label;
    return found;
  }
  window.kgSearch = search;
  var names = document.getElementById("kg-names");
  DATA.nodes.slice(0, 2000).forEach(function (n) { var o = el("option"); o.value = n.label; names.appendChild(o); });
  document.getElementById("kg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault(); search(document.getElementById("kg-search").value);
  });
  ["kg-doc", "kg-year", "kg-action", "kg-topn"].forEach(function (id) {
    document.getElementById(id).addEventListener("change", function () { forced = null; applyFilters(); });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".kg-type"), function (box) {
    box.addEventListener("change", function () { forced = null; applyFilters(); });
  });
  document.getElementById("kg-reset").addEventListener("click", function () {
    ["kg-doc", "kg-year", "kg-action"].forEach(function (id) { document.getElementById(id).value = ""; });
    document.getElementById("kg-topn").value = DATA.nodes.length;
    Array.prototype.forEach.call(document.querySelectorAll(".kg-type"), function (box) { box.checked = true; });
    forced = null; applyFilters(); network.fit();
  });
  window.kgApplyFilters = applyFilters;
}());
