// kb static site client: search as you type over the exported shards, and the decision aid.
// No framework. Pages work without it: the search box submits to the search page, the
// decision aid shows its static table. Failures are logged, never thrown.
(function () {
  "use strict";
  var base = document.documentElement.getAttribute("data-base") || "/";

  // ---- analysis: must match Kb.Site.Search.SearchAnalyzer exactly ----
  var STOP = Object.create(null);
  ("a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with")
    .split(" ").forEach(function (w) { STOP[w] = true; });
  var MAX = 40;
  function isDigit(c) { return c >= 48 && c <= 57; }
  function stem(t) {
    var n = t.length;
    if (n < 3 || t.charAt(n - 1) !== "s" || isDigit(t.charCodeAt(0))) { return t; }
    var p = t.charAt(n - 2);
    if (p === "u" || p === "s") { return t; }
    if (p === "e") {
      if (n > 3 && t.charAt(n - 3) === "i" && t.charAt(n - 4) !== "a" && t.charAt(n - 4) !== "e") { return t.slice(0, n - 3) + "y"; }
      var q = t.charAt(n - 3);
      if (q === "i" || q === "a" || q === "o" || q === "e") { return t; }
    }
    return t.slice(0, n - 1);
  }
  // Tokens with their positions in the text: [{term, start, end}].
  function tokens(text) {
    var out = [], buf = "", start = -1;
    for (var i = 0; i <= text.length; i++) {
      var c = i < text.length ? text.charCodeAt(i) : 32;
      if (c >= 65 && c <= 90) { c += 32; }
      var word = (c >= 97 && c <= 122) || isDigit(c);
      var dot = c === 46 && buf.length > 0 && isDigit(buf.charCodeAt(buf.length - 1)) && i + 1 < text.length && isDigit(text.charCodeAt(i + 1));
      if (word || dot) {
        if (start < 0) { start = i; }
        if (buf.length < MAX) { buf += String.fromCharCode(c); }
        continue;
      }
      if (buf.length > 0) {
        var term = stem(buf);
        if (!STOP[term]) { out.push({ term: term, start: start, end: i }); }
        buf = ""; start = -1;
      }
    }
    return out;
  }
  function analyze(text) { return tokens(text).map(function (t) { return t.term; }); }

  // ---- index files: one cached promise per file ----
  var cache = {};
  function getJson(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) { throw new Error(path + ": HTTP " + r.status); }
        return r.json();
      });
      cache[path].catch(function () { delete cache[path]; });
    }
    return cache[path];
  }
  function entry() { return getJson("search/entry.json"); }
  function meta() { return entry().then(function (e) { return getJson("search/" + e.meta).then(function (m) { return { e: e, m: m }; }); }); }
  function shardOf(m, term) {
    var s = m.s, lo = 0, hi = s.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (s[mid][0] <= term) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }
  function shard(m, i) { return getJson("search/s/" + m.s[i][2] + ".json"); }
  function decode(b64) {
    var s = atob(b64), out = [], doc = 0, i = 0;
    while (i < s.length) {
      var d = 0, shift = 0, c;
      do { c = s.charCodeAt(i++); d |= (c & 127) << shift; shift += 7; } while (c & 128);
      doc += d;
      out.push(doc, s.charCodeAt(i++));
    }
    return out;
  }
  // Postings of a query word: exact term, plus (for the word being typed) terms it begins.
  function wordPostings(mm, term, prefix) {
    var m = mm.m, i = shardOf(m, term), shards = [];
    if (i >= 0) { shards.push(i); }
    if (prefix && i + 1 < m.s.length && m.s[i + 1][0].lastIndexOf(term, 0) === 0) { shards.push(i + 1); }
    if (shards.length === 0) { return Promise.resolve({}); }
    return Promise.all(shards.map(function (k) { return shard(m, k); })).then(function (list) {
      var best = {}, taken = 0;
      list.forEach(function (sh) {
        Object.keys(sh.t).forEach(function (t) {
          var exact = t === term;
          if (!exact && !(prefix && taken < 40 && t.lastIndexOf(term, 0) === 0)) { return; }
          if (!exact) { taken++; }
          var p = decode(sh.t[t]);
          for (var j = 0; j < p.length; j += 2) {
            var v = exact ? p[j + 1] : p[j + 1] * 0.8;
            if (!(best[p[j]] >= v)) { best[p[j]] = v; }
          }
        });
      });
      return best;
    });
  }
  function docs(e, ids) {
    return Promise.all(ids.map(function (id) {
      var g = Math.floor(id / e.group);
      return getJson("search/" + e.docs + g + ".json").then(function (list) { return list[id - g * e.group]; });
    }));
  }
  // Runs a query: {total, hits: [{doc, score, data}]} best first.
  function search(q, product, limit) {
    var words = analyze(q);
    if (words.length === 0) { return Promise.resolve({ total: 0, hits: [], words: [] }); }
    var typing = !/\s$/.test(q);
    return meta().then(function (mm) {
      var lists = words.map(function (w, k) { return wordPostings(mm, w, typing && k === words.length - 1); });
      if (product !== "" && product != null) { lists.push(wordPostings(mm, "~p" + product, false)); }
      return Promise.all(lists).then(function (found) {
        var filter = product !== "" && product != null ? found.pop() : null;
        var score = {};
        found.forEach(function (f) { Object.keys(f).forEach(function (d) { score[d] = (score[d] || 0) + f[d]; }); });
        var ids = Object.keys(score).filter(function (d) { return !filter || filter[d] !== undefined; });
        ids.sort(function (a, b) { return score[b] - score[a] || a - b; });
        var top = ids.slice(0, limit).map(Number);
        return docs(mm.e, top).then(function (data) {
          var hits = [];
          top.forEach(function (d, k) { if (data[k]) { hits.push({ doc: d, score: score[d], data: data[k] }); } });
          // An article number names one article: that article goes first, before others that mention it.
          var numbers = {};
          words.forEach(function (w) { var m = /^(?:q|kb)?(\d{4,7})$/.exec(w); if (m) { numbers["q" + m[1]] = true; } });
          hits.sort(function (x, y) { return (numbers[y.data[0].toLowerCase()] ? 1 : 0) - (numbers[x.data[0].toLowerCase()] ? 1 : 0) || y.score - x.score || x.doc - y.doc; });
          return { total: ids.length, hits: hits, words: words, typing: typing };
        });
      });
    });
  }

  // ---- rendering (DOM only, text never parsed as HTML) ----
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text != null) { e.textContent = text; }
    return e;
  }
  function marked(text, words, typing) {
    var frag = document.createDocumentFragment(), last = 0, set = Object.create(null);
    words.forEach(function (w) { set[w] = true; });
    var lastWord = words[words.length - 1];
    tokens(text).forEach(function (t) {
      if (!set[t.term] && !(typing && t.term.lastIndexOf(lastWord, 0) === 0)) { return; }
      frag.appendChild(document.createTextNode(text.slice(last, t.start)));
      frag.appendChild(el("mark", null, text.slice(t.start, t.end)));
      last = t.end;
    });
    frag.appendChild(document.createTextNode(text.slice(last)));
    return frag;
  }
  function renderResults(box, r) {
    box.textContent = "";
    var n = r.total;
    box.appendChild(el("p", "kb-status", n === 0 ? "No articles match." : n + (n === 1 ? " article matches." : " articles match.") + (n > r.hits.length ? " Showing the best " + r.hits.length + "." : "")));
    if (r.hits.length === 0) { return; }
    var ol = el("ol", "kb-hits");
    r.hits.forEach(function (h) {
      var d = h.data, li = el("li", "kb-hit"), a = el("a");
      a.href = base + d[3];
      a.appendChild(marked(d[1], r.words, r.typing));
      li.appendChild(a);
      li.appendChild(el("span", "kb-meta", " " + d[0] + (d[2] ? " · " + d[2] : "")));
      if (d[4]) { var p = el("p"); p.appendChild(marked(d[4], r.words, r.typing)); li.appendChild(p); }
      ol.appendChild(li);
    });
    box.appendChild(ol);
  }

  function attach(input, box, getProduct, limit, onQuery) {
    var seq = 0, timer = 0;
    function run() {
      var q = input.value, my = ++seq;
      if (onQuery) { onQuery(q); }
      if (analyze(q).length === 0) { box.textContent = ""; if (box.id === "kb-results") { box.hidden = true; } return; }
      search(q, getProduct(), limit).then(function (r) {
        if (my !== seq) { return; }
        renderResults(box, r);
        box.hidden = false;
      }).catch(function (err) { console.warn("kb search:", err); });
    }
    // Leading and trailing edge: the first keystroke searches at once, a burst of typing
    // searches again 80 ms after it stops.
    var last = 0;
    input.addEventListener("input", function () {
      meta().catch(function () {});
      clearTimeout(timer);
      var now = Date.now();
      if (now - last > 250) { run(); } else { timer = setTimeout(run, 80); }
      last = now;
    });
    input.addEventListener("focus", function () { meta().catch(function (e) { console.warn("kb search:", e); }); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") {
        var first = box.querySelector("a");
        if (first) { ev.preventDefault(); first.focus(); }
      } else if (ev.key === "Escape" && box.id === "kb-results") { box.hidden = true; }
    });
    box.addEventListener("keydown", function (ev) {
      var links = Array.prototype.slice.call(box.querySelectorAll("a")), i = links.indexOf(document.activeElement);
      if (ev.key === "ArrowDown" && i >= 0 && i + 1 < links.length) { ev.preventDefault(); links[i + 1].focus(); }
      else if (ev.key === "ArrowUp" && i >= 0) { ev.preventDefault(); (i === 0 ? input : links[i - 1]).focus(); }
      else if (ev.key === "Escape") { if (box.id === "kb-results") { box.hidden = true; } input.focus(); }
    });
    return run;
  }

  function initSearch() {
    var q = document.getElementById("kb-q"), box = document.getElementById("kb-results");
    if (q && box) { attach(q, box, function () { return ""; }, 8); }
    var q2 = document.getElementById("kb-q2"), page = document.getElementById("kb-search-results"), product = document.getElementById("kb-product");
    if (!q2 || !page) { return; }
    var params = new URLSearchParams(location.search);
    q2.value = params.get("q") || "";
    if (product) { product.value = params.get("product") || ""; }
    var run = attach(q2, page, function () { return product ? product.value : ""; }, 20, function (text) {
      var p = new URLSearchParams();
      if (text) { p.set("q", text); }
      if (product && product.value) { p.set("product", product.value); }
      history.replaceState(null, "", location.pathname + (p.toString() ? "?" + p : ""));
    });
    if (product) { product.addEventListener("change", run); }
    var form = q2.form;
    if (form) { form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); }); }
    if (q2.value) { run(); }
  }

  // ---- decision aid ----
  var STATUS = { met: "fits", partial: "partly fits", open: "open", contradicted: "does not fit" };
  function initAid(aid) {
    var modelEl = aid.querySelector(".kb-aid-model"), form = aid.querySelector(".kb-aid-form"), out = aid.querySelector(".kb-aid-result");
    if (!modelEl || !form || !out) { return; }
    if (!window.KbDecision || typeof window.KbDecision.recommend !== "function") { console.warn("kb: decision evaluator not loaded"); return; }
    var model;
    try { model = JSON.parse(modelEl.textContent); } catch (e) { console.warn("kb: bad decision model", e); return; }
    var byId = {};
    model.options.forEach(function (o) { byId[o.id] = o; });
    function answers() {
      var a = {};
      model.factors.forEach(function (f) {
        var checked = null;
        form.querySelectorAll("input[type=radio]").forEach(function (r) { if (r.name === f.id && r.checked) { checked = r.value; } });
        a[f.id] = checked || "unknown";
      });
      return a;
    }
    function update() {
      var result, given = answers();
      try { result = window.KbDecision.recommend(model, given); } catch (e) { console.warn("kb: decision evaluator failed", e); return; }
      var ranked = Array.isArray(result) ? result : (result && result.options) || [];
      out.textContent = "";
      var best = ranked[0], anyAnswer = Object.keys(given).some(function (k) { return given[k] !== "unknown"; });
      var head = el("p", "kb-recommendation");
      if (result && result.applies === false) {
        head.textContent = "From your answers, this article may not apply to your situation. The options, for reference:";
      } else if (best && anyAnswer && (best.status === "met" || best.status === "partial")) {
        head.appendChild(el("strong", null, "Recommended: "));
        head.appendChild(document.createTextNode(byId[best.optionId] ? byId[best.optionId].title : best.optionId));
      } else {
        head.textContent = anyAnswer ? "No option fits every answer yet; the closest come first." : "Answer the questions to rank the options.";
      }
      out.appendChild(head);
      var ol = el("ol", "kb-ranking");
      ranked.forEach(function (r, i) {
        var o = byId[r.optionId] || { title: r.optionId };
        var li = el("li", i === 0 && anyAnswer && (r.status === "met" || r.status === "partial") ? "kb-best" : "");
        li.setAttribute("data-option", r.optionId);
        li.setAttribute("data-status", r.status);
        li.appendChild(el("span", "kb-option-title", o.title));
        li.appendChild(el("span", "kb-badge kb-status-" + r.status, STATUS[r.status] || r.status));
        if (r.reasons && r.reasons.length) {
          var ul = el("ul");
          r.reasons.forEach(function (s) { ul.appendChild(el("li", null, s)); });
          li.appendChild(ul);
        }
        ol.appendChild(li);
      });
      out.appendChild(ol);
    }
    form.hidden = false;
    out.hidden = false;
    form.addEventListener("change", update);
    update();
  }

  function init() {
    try { initSearch(); } catch (e) { console.warn("kb search:", e); }
    document.querySelectorAll("[data-kb-aid]").forEach(function (aid) {
      try { initAid(aid); } catch (e) { console.warn("kb decision aid:", e); }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
  window.KbSearch = { analyze: analyze, search: search };
})();
