// kg viewer: draws KG_NODES / KG_EDGES with vis-network, legend with counts and kind checkboxes, search,
// side panel. All document text is data: it only ever reaches the page through textContent / text nodes.
(function () {
  "use strict";
  var meta = KG_META;
  var kinds = meta.kinds;            // [{kind, name, color, shape, glyph, count}]
  var kindInfo = {};
  kinds.forEach(function (k) { kindInfo[k.kind] = k; });
  var relInfo = {};
  meta.relations.forEach(function (r) { relInfo[r.relation] = r; });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function words(name) { return String(name).replace(/_/g, " "); }  // responds_to -> responds to
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  // ---------------------------------------------------------------- data and network
  var nodes = new vis.DataSet(KG_NODES);
  var edges = new vis.DataSet(KG_EDGES);
  var MORE = meta.more_nodes || [];       // the rest of the graph: searchable, drawn when picked
  var MORE_EDGES = meta.more_edges || [];
  var ALL = KG_NODES.concat(MORE);
  var byId = {};
  ALL.forEach(function (n) { byId[n.id] = n; n._fold = fold(n.full + " " + (n.alt || "")); });
  var adj = {};
  KG_EDGES.concat(MORE_EDGES).forEach(function (e) {
    (adj[e.from] = adj[e.from] || []).push(e);
    (adj[e.to] = adj[e.to] || []).push(e);
  });
  var edgeById = {};
  KG_EDGES.concat(MORE_EDGES).forEach(function (e) { edgeById[e.id] = e; });

  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, meta.options);
  window.kgNetwork = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;
  window.kgStabilized = false;

  var status = document.getElementById("kg-status");
  function settled() {
    if (window.kgStabilized) return;
    network.stopSimulation();
    network.setOptions({physics: {enabled: false}});
    window.kgStabilized = true;
    status.textContent = "layout settled (physics off: drag nodes freely)";
    var hasFocus = meta.focus !== null && meta.focus !== undefined;
    if (hasFocus) {
      network.selectNodes([meta.focus]);
      openPanel(meta.focus);
      network.setSize("100%", "100%");  // the panel took room: resize now, not on the next resize check
    }
    if (meta.layout === "hierarchy" && KG_NODES.length) {
      // open readable: the whole view when its labels can be read, else the focus at a reading scale
      network.fit({animation: false});
      var minScale = 0.55;
      if (network.getScale() < minScale) {
        var at = hasFocus ? network.getPositions([meta.focus])[meta.focus] : network.getViewPosition();
        network.moveTo({position: at, scale: minScale, animation: false});
      }
    }
  }
  network.on("stabilizationProgress", function (p) {
    status.textContent = "laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", settled);
  network.once("stabilized", settled);
  if (!KG_NODES.length) setTimeout(settled, 0);
  else if (!meta.options.physics || meta.options.physics.enabled === false) network.once("afterDrawing", function () {
    setTimeout(settled, 0);  // after vis's own first fit
  });
  setTimeout(settled, 30000);  // never leave the simulation running, whatever happens

  // ---------------------------------------------------------------- header, legend, notes
  document.getElementById("kg-title").textContent = meta.title;
  document.getElementById("kg-summary").textContent =
    meta.shown_nodes + " nodes, " + meta.shown_edges + " edges shown" +
    (meta.total_nodes > meta.shown_nodes ? " (of " + meta.total_nodes + " nodes)" : "");
  if (meta.omitted_text) document.getElementById("kg-omitted").textContent = meta.omitted_text +
    (MORE.length ? " Search finds them all and draws the one you pick." : "");

  var legend = document.querySelector("#kg-legend tbody");
  kinds.forEach(function (k) {
    if (!k.count) return;
    var tr = el("tr");
    var td0 = el("td");
    var cb = el("input");
    cb.type = "checkbox";
    cb.checked = true;
    cb.id = "kind-" + k.kind;
    cb.className = "kg-kind";
    cb.setAttribute("data-kind", k.kind);
    cb.addEventListener("change", function () { setKindVisible(k.kind, cb.checked); });
    td0.appendChild(cb);
    var glyph = el("td", "glyph", k.glyph);
    glyph.style.color = k.color;
    var td2 = el("td");
    var lab = el("label", null, k.name);
    lab.htmlFor = cb.id;
    td2.appendChild(lab);
    var td3 = el("td", "count", k.count);
    td3.setAttribute("data-kind", k.kind);
    tr.appendChild(td0); tr.appendChild(glyph); tr.appendChild(td2); tr.appendChild(td3);
    legend.appendChild(tr);
  });
  var elist = document.getElementById("kg-edge-legend");
  meta.relations.forEach(function (r) {
    if (!r.count) return;
    var li = el("li");
    var line = el("span", "line");
    line.style.borderTopColor = r.color;
    if (r.dashes) line.style.borderTopStyle = "dashed";
    li.appendChild(line);
    li.appendChild(document.createTextNode(words(r.relation) + " (" + r.count + ")"));
    if (r.relation === "mentions") {
      var cb = el("input");
      cb.type = "checkbox";
      cb.id = "kg-show-mentions";
      cb.checked = !!meta.mentions_shown;
      cb.title = "draw the edges from a document to everything it names";
      cb.addEventListener("change", function () { setMentionsVisible(cb.checked); });
      li.insertBefore(cb, li.firstChild);
    }
    elist.appendChild(li);
  });

  // progress of targets and results against the plan (border colour), when any is stated
  var withStatus = KG_NODES.filter(function (n) { return n.status; }).length;
  if (withStatus) {
    (meta.progress || []).forEach(function (p) {
      var li = el("li", "progress");
      var box = el("span", "ring");
      box.style.borderColor = p.color;
      li.appendChild(box);
      li.appendChild(document.createTextNode(p.status));
      elist.appendChild(li);
    });
  }

  function setMentionsVisible(visible) {
    edges.update(edges.get({filter: function (e) { return e.rel === "mentions"; }})
      .map(function (e) { return {id: e.id, hidden: !visible}; }));
  }
  window.kgSetMentionsVisible = setMentionsVisible;

  // ---------------------------------------------------------------- year filter
  var yearSel = document.getElementById("kg-year");
  (meta.years || []).forEach(function (y) {
    var o = el("option", null, String(y));
    o.value = String(y);
    yearSel.appendChild(o);
  });
  if (!(meta.years || []).length) document.getElementById("kg-year-box").hidden = true;
  function kindShown(kind) {
    var cb = document.getElementById("kind-" + kind);
    return !cb || cb.checked;
  }
  function applyFilters() {
    var y = yearSel.value ? Number(yearSel.value) : null;
    nodes.update(nodes.get().map(function (n) {
      var hidden = !kindShown(n.kind) || (y !== null && n.year !== undefined && n.year !== y);
      return {id: n.id, hidden: hidden};
    }));
  }
  yearSel.addEventListener("change", applyFilters);
  window.kgApplyFilters = applyFilters;

  function setKindVisible(kind, visible) {
    var cb = document.getElementById("kind-" + kind);
    if (cb) cb.checked = visible;
    applyFilters();
  }
  window.kgSetKindVisible = setKindVisible;

  // ---------------------------------------------------------------- search
  var search = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var matches = [];
  function runSearch() {
    clear(results);
    var q = fold(search.value.trim());
    matches = [];
    if (!q) return;
    var words = q.split(/\s+/);
    ALL.forEach(function (n) {
      var f = n._fold, score;
      if (fold(n.full) === q) score = 0;
      else if (f.indexOf(q) >= 0) score = 1;
      else if (words.every(function (w) { return f.indexOf(w) >= 0; })) score = 2;
      else return;
      matches.push([score, -(n.value || 0), n]);
    });
    matches.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    matches.slice(0, 30).forEach(function (m, i) {
      var li = el("li", i === 0 ? "active" : "");
      var g = el("span", null, kindInfo[m[2].kind].glyph + " ");
      g.style.color = kindInfo[m[2].kind].color;
      li.appendChild(g);
      li.appendChild(document.createTextNode(m[2].full));
      if (!nodes.get(m[2].id)) li.appendChild(el("span", "notdrawn", " (not drawn yet)"));
      li.addEventListener("click", function () { focusNode(m[2].id); });
      results.appendChild(li);
    });
  }
  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length) { ev.preventDefault(); focusNode(matches[0][2].id); }
    if (ev.key === "Escape") { search.value = ""; clear(results); }
  });

  function draw(id) {
    // a node that was left out: add it beside a drawn neighbour, with its edges to what is drawn
    var n = byId[id];
    var near = null, add = [];
    (adj[id] || []).forEach(function (e) {
      var other = e.from === id ? e.to : e.from;
      if (nodes.get(other)) {
        if (near === null) near = other;
        if (!edges.get(e.id)) add.push(e);
      }
    });
    var node = Object.assign({}, n);
    if (meta.layout === "hierarchy") {
      node.level = near !== null && nodes.get(near).level !== undefined ? nodes.get(near).level + 1 : 0;
    } else {
      var p = near !== null ? network.getPositions([near])[near] : network.getViewPosition();
      node.x = p.x + 60; node.y = p.y + 60;
    }
    nodes.add(node);
    edges.add(add);
  }
  window.kgDraw = draw;

  function focusNode(id) {
    var n = byId[id];
    if (!n) return;
    if (!nodes.get(id)) draw(id);
    if (nodes.get(id).hidden) {
      var cb = document.getElementById("kind-" + n.kind);
      if (cb) cb.checked = true;
      yearSel.value = "";
      applyFilters();
    }
    network.selectNodes([id]);
    network.focus(id, {scale: 1.3, animation: false});
    openPanel(id);
  }
  window.kgFocusNode = focusNode;

  // ---------------------------------------------------------------- side panel
  var panel = document.getElementById("kg-panel");
  document.getElementById("kg-panel-close").addEventListener("click", function () {
    panel.hidden = true;
    network.unselectAll();
  });
  network.on("click", function (p) {
    if (p.nodes.length) openPanel(p.nodes[0]);
  });

  function nodeLink(id) {
    var n = byId[id];
    var a = el("span", "link", n ? n.full : String(id));
    a.setAttribute("role", "link");
    a.addEventListener("click", function () { focusNode(id); });
    return a;
  }
  function where(s) {
    // s = [document, start, end, sentence]
    var t = s[0] || "?";
    if (s[1] !== null && s[1] !== undefined) t += " · chars " + s[1] + "–" + s[2];
    return el("span", "where", t);
  }

  function openPanel(id) {
    var n = byId[id];
    if (!n) return;
    panel.hidden = false;
    var kind = kindInfo[n.kind];
    var kb = document.getElementById("kg-panel-kind");
    kb.textContent = kind.glyph + " " + kind.name;
    kb.style.background = kind.color;
    document.getElementById("kg-panel-title").textContent = n.full;
    document.getElementById("kg-panel-iri").textContent = n.iri;

    var props = document.querySelector("#kg-panel-props tbody");
    clear(props);
    (n.props || []).forEach(function (kv) {
      var tr = el("tr");
      tr.appendChild(el("td", "key", kv[0]));
      tr.appendChild(el("td", null, kv[1]));
      props.appendChild(tr);
    });

    var lin = document.getElementById("kg-panel-lineage");
    var links = document.getElementById("kg-panel-links");
    clear(lin); clear(links);
    var nLin = 0, nOther = 0;
    (adj[id] || []).forEach(function (e) {
      var out = e.from === id;
      var other = out ? e.to : e.from;
      var li = el("li");
      var r = relInfo[e.rel] || {};
      li.appendChild(el("span", "rel", out ? words(e.rel) + " → " : words(r.inverse || e.rel) + " ← "));
      li.appendChild(nodeLink(other));
      (e.ev || []).slice(0, 2).forEach(function (s) {
        li.appendChild(el("span", "ev", "“" + (s[3] || "") + "”"));
        li.appendChild(where(s));
      });
      if (r.lineage) { lin.appendChild(li); nLin++; }
      else if (nOther < 60) { links.appendChild(li); nOther++; }
    });
    if (!nLin) lin.appendChild(el("li", "empty", "none stated"));
    if (!nOther) links.appendChild(el("li", "empty", "none"));

    var src = document.getElementById("kg-panel-sources");
    clear(src);
    (n.src || []).forEach(function (s) {
      var li = el("li");
      li.appendChild(where(s));
      li.appendChild(el("span", "sentence", s[3] ? "“" + s[3] + "”" : "(no sentence)"));
      src.appendChild(li);
    });
    if (n.more) src.appendChild(el("li", "empty", "… and " + n.more + " more"));
    if (!(n.src || []).length) src.appendChild(el("li", "empty", "no mention recorded"));
  }
  window.kgOpenPanel = openPanel;
})();
