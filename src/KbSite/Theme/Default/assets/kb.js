// kb static site client: search as you type over the exported shards, and the decision aid.
// No framework. Pages work without it: the search box submits to the search page, the
// decision aid shows its static table. Failures are logged, never thrown.
(function (root) {
  "use strict";

  // ---- analysis: the same as KbIndex's KbAnalyzer on a query (docs/search-index.md) ----
  // Words: letters and decimal digits, a "." or "_" between two of them stays inside the word.
  var WORD = /[\p{L}\p{Nd}]+(?:[._][\p{L}\p{Nd}]+)*/gu;
  var MAX_WORD = 255;
  var STOP = Object.create(null);
  ("a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with " +
    "i me my we our you your do does did how what why when where which who can could should would from s t")
    .split(" ").forEach(function (w) { STOP[w] = true; });
  var PLAIN = /^[a-z]+$/;
  // Product names KbIndex leaves unstemmed (StemGuardFilter.Unstemmed): "windows" is not "window", "dos" not "do".
  var UNSTEMMED = { windows: true, dos: true };

  // Lower case one character at a time, as Lucene's LowerCaseFilter does: no context rules, and a
  // character whose lower case is longer (the dotted capital I) stays as it is.
  function lowerChar(c) { var l = c.toLowerCase(); return l.length === c.length ? l : c; }
  function lower(w) { return /^[\x00-\x7f]*$/.test(w) ? w.toLowerCase() : Array.from(w, lowerChar).join(""); }

  // ---- Porter's suffix-stripping algorithm (1980), for words of the letters a-z ----
  // Written from the paper's description. As in Lucene's PorterStemmer: words of one or two letters are
  // left alone, and step 2 also turns -bli into -ble and -logi into -log.
  function vowelAt(w, i) {
    var c = w.charAt(i);
    if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") { return true; }
    // "y" is a vowel after a consonant, a consonant at the start or after a vowel.
    return c === "y" && i > 0 && !vowelAt(w, i - 1);
  }
  // m, the number of vowel-consonant runs in the first n letters: [C](VC)^m[V].
  function measure(w, n) {
    var m = 0, i = 0;
    while (i < n && !vowelAt(w, i)) { i++; }
    while (i < n) {
      while (i < n && vowelAt(w, i)) { i++; }
      if (i === n) { break; }
      while (i < n && !vowelAt(w, i)) { i++; }
      m++;
    }
    return m;
  }
  function hasVowel(w, n) {
    for (var i = 0; i < n; i++) { if (vowelAt(w, i)) { return true; } }
    return false;
  }
  // *d: the first n letters end with a double consonant.
  function doubleConsonant(w, n) { return n >= 2 && w.charAt(n - 1) === w.charAt(n - 2) && !vowelAt(w, n - 1); }
  // *o: the first n letters end consonant-vowel-consonant, the last not w, x or y.
  function cvc(w, n) {
    if (n < 3 || vowelAt(w, n - 1) || !vowelAt(w, n - 2) || vowelAt(w, n - 3)) { return false; }
    var c = w.charAt(n - 1);
    return c !== "w" && c !== "x" && c !== "y";
  }
  function endsWith(w, suffix) { return w.length >= suffix.length && w.slice(w.length - suffix.length) === suffix; }
  // Steps 2 to 4: the longest listed suffix the word ends with is replaced when the rest has measure > min
  // (and, for "ion", ends in s or t). Where one suffix ends another, the longer is listed first.
  var STEP2 = [["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["izer", "ize"], ["bli", "ble"],
    ["alli", "al"], ["entli", "ent"], ["eli", "e"], ["ousli", "ous"], ["ization", "ize"], ["ation", "ate"], ["ator", "ate"],
    ["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"], ["aliti", "al"], ["iviti", "ive"],
    ["biliti", "ble"], ["logi", "log"]];
  var STEP3 = [["icate", "ic"], ["ative", ""], ["alize", "al"], ["iciti", "ic"], ["ical", "ic"], ["ful", ""], ["ness", ""]];
  var STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate",
    "iti", "ous", "ive", "ize"].map(function (s) { return [s, ""]; });
  function replaceSuffix(w, rules, min) {
    for (var r = 0; r < rules.length; r++) {
      var suffix = rules[r][0];
      if (!endsWith(w, suffix)) { continue; }
      var n = w.length - suffix.length;
      var ok = measure(w, n) > min && (suffix !== "ion" || /[st]$/.test(w.slice(0, n)));
      return ok ? w.slice(0, n) + rules[r][1] : w;
    }
    return w;
  }
  function porter(w) {
    if (w.length <= 2) { return w; }
    // Step 1a: plurals.
    if (endsWith(w, "sses") || endsWith(w, "ies")) { w = w.slice(0, -2); }
    else if (endsWith(w, "s") && !endsWith(w, "ss")) { w = w.slice(0, -1); }
    // Step 1b: -eed, -ed, -ing.
    if (endsWith(w, "eed")) {
      if (measure(w, w.length - 3) > 0) { w = w.slice(0, -1); }
    } else {
      var cut = endsWith(w, "ed") ? 2 : endsWith(w, "ing") ? 3 : 0;
      if (cut > 0 && hasVowel(w, w.length - cut)) {
        w = w.slice(0, -cut);
        if (endsWith(w, "at") || endsWith(w, "bl") || endsWith(w, "iz")) { w += "e"; }
        else if (doubleConsonant(w, w.length) && !/[lsz]$/.test(w)) { w = w.slice(0, -1); }
        else if (measure(w, w.length) === 1 && cvc(w, w.length)) { w += "e"; }
      }
    }
    // Step 1c: y to i after a vowel somewhere before it.
    if (endsWith(w, "y") && hasVowel(w, w.length - 1)) { w = w.slice(0, -1) + "i"; }
    w = replaceSuffix(w, STEP2, 0);
    w = replaceSuffix(w, STEP3, 0);
    w = replaceSuffix(w, STEP4, 1);
    // Step 5a: a final e goes when m > 1, or m = 1 and the rest does not end consonant-vowel-consonant.
    if (endsWith(w, "e")) {
      var m = measure(w, w.length - 1);
      if (m > 1 || (m === 1 && !cvc(w, w.length - 1))) { w = w.slice(0, -1); }
    }
    // Step 5b: -ll to -l when m > 1.
    if (endsWith(w, "ll") && measure(w, w.length) > 1) { w = w.slice(0, -1); }
    return w;
  }

  // Query terms with where they are in the text: [{term, start, end}].
  function tokens(text) {
    var out = [], m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) {
      var word = m[0];
      if (word.length > MAX_WORD) { continue; }
      var t = lower(word);
      if (STOP[t]) { continue; }
      out.push({ term: PLAIN.test(t) && !UNSTEMMED[t] ? porter(t) : t, start: m.index, end: m.index + word.length });
    }
    return out;
  }
  function analyze(text) { return tokens(text).map(function (t) { return t.term; }); }

  // ---- search over the exported files; getJson(path) loads one (relative to the site root) ----
  function createSearch(getJson) {
    var cache = {};
    function get(path) {
      if (!cache[path]) {
        cache[path] = getJson(path);
        cache[path].catch(function () { delete cache[path]; });
      }
      return cache[path];
    }
    function meta() { return get("search/entry.json").then(function (e) { return get("search/" + e.meta).then(function (m) { return { e: e, m: m }; }); }); }
    function shardOf(m, term) {
      var s = m.s, lo = 0, hi = s.length - 1, found = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (s[mid][0] <= term) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
      }
      return found;
    }
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
    // Postings of one query word: {doc: impact} for its exact terms, or, for the word being typed, the
    // terms it begins if they score higher at 0.8 of their impact times the share of the term typed.
    function wordPostings(mm, exact, prefix) {
      var m = mm.m, wanted = Object.create(null), shards = [];
      exact.forEach(function (t) { wanted[t] = true; var i = shardOf(m, t); if (i >= 0 && shards.indexOf(i) < 0) { shards.push(i); } });
      if (prefix) {
        var i = shardOf(m, prefix);
        if (i >= 0 && shards.indexOf(i) < 0) { shards.push(i); }
        if (i + 1 < m.s.length && m.s[i + 1][0].lastIndexOf(prefix, 0) === 0 && shards.indexOf(i + 1) < 0) { shards.push(i + 1); }
      }
      if (shards.length === 0) { return Promise.resolve({}); }
      return Promise.all(shards.map(function (k) { return get("search/s/" + m.s[k][2] + ".json"); })).then(function (list) {
        var exactScore = {}, best = {}, taken = 0;
        list.forEach(function (sh) {
          Object.keys(sh.t).forEach(function (t) {
            if (wanted[t]) {
              // A lone digit's version form (4 and 4.0) adds up, as kb search's alternatives do.
              var p = decode(sh.t[t]);
              for (var j = 0; j < p.length; j += 2) { exactScore[p[j]] = (exactScore[p[j]] || 0) + p[j + 1]; }
            } else if (prefix && taken < 40 && t.lastIndexOf(prefix, 0) === 0) {
              // A longer word is less likely to be the one being typed (and rare long words, such as
              // "ftp.ietf.org" for "ftp", have high impacts): the share typed so far scales it down.
              taken++;
              var q = decode(sh.t[t]), share = 0.8 * prefix.length / t.length;
              for (var k = 0; k < q.length; k += 2) { var v = q[k + 1] * share; if (!(best[q[k]] >= v)) { best[q[k]] = v; } }
            }
          });
        });
        Object.keys(exactScore).forEach(function (d) { if (!(best[d] >= exactScore[d])) { best[d] = exactScore[d]; } });
        return best;
      });
    }
    // Result data in groups; a group rewritten by an incremental build since the last full export has
    // its own file, named in the meta file's "g" (group number to hash).
    function docs(mm, ids) {
      var e = mm.e, changed = mm.m.g || {};
      return Promise.all(ids.map(function (id) {
        var g = Math.floor(id / e.group);
        return get("search/" + e.docs + g + (changed[g] ? "." + changed[g] : "") + ".json").then(function (list) { return list[id - g * e.group]; });
      }));
    }
    // The longest start the word and its stem share: what the word being typed may still become.
    function typedPrefix(word, term) {
      var n = 0;
      while (n < word.length && n < term.length && word.charAt(n) === term.charAt(n)) { n++; }
      return term.slice(0, n);
    }
    // Runs a query: {total, hits: [{doc, score, data}] best first, words (its terms), marks (terms to
    // mark in results), prefix (what the word being typed matches the start of, or "")}.
    function search(q, product, limit) {
      var toks = tokens(q);
      if (toks.length === 0) { return Promise.resolve({ total: 0, hits: [], words: [], marks: [], prefix: "" }); }
      var words = toks.map(function (t) { return t.term; });
      // The last word is still being typed when nothing follows it (a dropped stop word counts as something).
      var last = toks[toks.length - 1];
      var prefix = last.end === q.length ? typedPrefix(lower(q.slice(last.start, last.end)), last.term) : "";
      var marks = [];
      return meta().then(function (mm) {
        var lists = toks.map(function (t, k) {
          var exact = /^\d$/.test(t.term) ? [t.term, t.term + ".0"] : [t.term];
          marks = marks.concat(exact);
          return wordPostings(mm, exact, k === toks.length - 1 ? prefix : "");
        });
        var filtered = product !== "" && product != null;
        if (filtered) { lists.push(wordPostings(mm, ["~p" + product], "")); }
        return Promise.all(lists).then(function (found) {
          var filter = filtered ? found.pop() : null;
          var score = {};
          found.forEach(function (f) { Object.keys(f).forEach(function (d) { score[d] = (score[d] || 0) + f[d]; }); });
          var ids = Object.keys(score).filter(function (d) { return !filter || filter[d] !== undefined; });
          ids.sort(function (a, b) { return score[b] - score[a] || a - b; });
          var top = ids.slice(0, limit).map(Number);
          return docs(mm, top).then(function (data) {
            var hits = [];
            top.forEach(function (d, k) { if (data[k]) { hits.push({ doc: d, score: score[d], data: data[k] }); } });
            // An article number names one article: that article goes first, before others that mention it.
            var numbers = {};
            words.forEach(function (w) { var m = /^(?:q|kb)?(\d{4,7})$/.exec(w); if (m) { numbers["q" + m[1]] = true; } });
            hits.sort(function (x, y) { return (numbers[y.data[0].toLowerCase()] ? 1 : 0) - (numbers[x.data[0].toLowerCase()] ? 1 : 0) || y.score - x.score || x.doc - y.doc; });
            return { total: ids.length, hits: hits, words: words, marks: marks, prefix: prefix };
          });
        });
      });
    }
    return { search: search, meta: meta };
  }

  // ---- upgrade guides: the guide whose family and both versions (or both products) the query names ----
  function guideFor(guides, query) {
    var terms = analyze(query), have = Object.create(null);
    terms.forEach(function (t) { have[t] = true; });
    function names(list) { return list.some(function (n) { var w = analyze(n); return w.length > 0 && w.every(function (t) { return have[t]; }); }); }
    // "iis 4" names 4.0, as the search does.
    function version(v) { var l = v.toLowerCase(); return l === "" || have[l] === true || (/\.0$/.test(l) && have[l.slice(0, -2)] === true); }
    var best = null;
    (guides || []).forEach(function (g) {
      var sameFamily = g.f.join() === g.t.join();
      if (!names(g.f) || !version(g.a) || !version(g.b) || (!sameFamily && !names(g.t))) { return; }
      if (sameFamily && (g.a === "" || g.b === "")) { return; }
      if (!best || g.n > best.n) { best = g; }
    });
    return best;
  }

  var api = { analyze: analyze, tokens: tokens, stem: porter, createSearch: createSearch, guideFor: guideFor };
  if (typeof module !== "undefined" && module.exports) {
    // Node (tests): the analysis and the search, no page.
    module.exports = api;
    return;
  }

  // ---- the page ----
  var base = document.documentElement.getAttribute("data-base") || "/";
  var engine = createSearch(function (path) {
    return fetch(base + path).then(function (r) {
      if (!r.ok) { throw new Error(path + ": HTTP " + r.status); }
      return r.json();
    });
  });
  var search = engine.search, meta = engine.meta, guidesPromise = null;
  function guides() {
    if (!guidesPromise) {
      guidesPromise = fetch(base + "search/guides.json").then(function (r) { return r.ok ? r.json() : []; }).catch(function (e) { console.warn("kb: no upgrade guides", e); return []; });
    }
    return guidesPromise;
  }

  // ---- rendering (DOM only, text never parsed as HTML) ----
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text != null) { e.textContent = text; }
    return e;
  }
  // The text with the words that match the query in <mark>.
  function marked(text, r) {
    var frag = document.createDocumentFragment(), last = 0, set = Object.create(null);
    r.marks.forEach(function (w) { set[w] = true; });
    tokens(text).forEach(function (t) {
      if (!set[t.term] && !(r.prefix && t.term.lastIndexOf(r.prefix, 0) === 0)) { return; }
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
    var status = el("p", "kb-status", n === 0 ? "No articles match." : n + (n === 1 ? " article matches." : " articles match.") + (n > r.hits.length ? " Showing the best " + r.hits.length + "." : ""));
    box.appendChild(status);
    if (r.query) {
      guides().then(function (list) {
        var g = guideFor(list, r.query);
        if (!g || !box.contains(status)) { return; }
        var p = el("p", "kb-guide-hit"), a = el("a", null, g.title);
        a.href = base + g.url;
        p.appendChild(el("strong", null, "Upgrade guide: "));
        p.appendChild(a);
        p.appendChild(el("span", "kb-meta", " " + g.n + (g.n === 1 ? " article" : " articles")));
        box.insertBefore(p, status);
      });
    }
    if (r.hits.length === 0) { return; }
    var ol = el("ol", "kb-hits");
    r.hits.forEach(function (h) {
      var d = h.data, li = el("li", "kb-hit"), a = el("a");
      a.href = base + d[3];
      a.appendChild(marked(d[1], r));
      li.appendChild(a);
      li.appendChild(el("span", "kb-meta", " " + d[0] + (d[2] ? " · " + d[2] : "")));
      if (d[4]) { var p = el("p"); p.appendChild(marked(d[4], r)); li.appendChild(p); }
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
        r.query = q;
        if (my !== seq) { return; }
        // A result arriving after the reader moved into the list (arrow keys) keeps their place:
        // the same article's link, or the first link, gets the focus back.
        var held = box.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
        renderResults(box, r);
        box.hidden = false;
        if (held !== null) {
          var links = Array.prototype.slice.call(box.querySelectorAll("a"));
          var again = links.filter(function (a) { return a.getAttribute("href") === held; })[0] || links[0];
          if (again) { again.focus(); } else { input.focus(); }
        }
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
    var verdict = aid.querySelector(".kb-verdict");
    if (!modelEl || !form || (!out && !verdict)) { return; }
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
      if (verdict && result && result.verdict) {
        verdict.textContent = result.verdict.text;
        verdict.setAttribute("data-level", result.verdict.level);
      }
      if (!out) { return; }
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
    if (out) { out.hidden = false; }
    form.addEventListener("change", update);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); update(); });
    update();
  }

  function init() {
    try { initSearch(); } catch (e) { console.warn("kb search:", e); }
    document.querySelectorAll("[data-kb-aid]").forEach(function (aid) {
      try { initAid(aid); } catch (e) { console.warn("kb decision aid:", e); }
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
  root.KbSearch = { analyze: analyze, search: search };
})(typeof window !== "undefined" ? window : this);
