// kb decision aid: ranks an article's options from yes/no/unknown answers.
// The same logic as Kb.Parser.Decision.DecisionModel.Recommend (C#); a test runs both on
// the same models and answers and requires identical results.
(function (root) {
  "use strict";
  var RANK = { met: 3, partial: 2, open: 1, contradicted: 0 };

  function evaluate(option, answers, questions) {
    var met = 0, contra = 0, unknown = 0, reasons = [];
    var conditions = option.conditions || [];
    for (var i = 0; i < conditions.length; i++) {
      var c = conditions[i];
      var a = answers[c.factor] || "unknown";
      var q = Object.prototype.hasOwnProperty.call(questions, c.factor) ? questions[c.factor] : c.text;
      if (a === "unknown") {
        unknown++;
        reasons.push("Open: \"" + q + "\"");
      } else if ((a === "yes") === c.expect) {
        met++;
        reasons.push("Fits: you answered " + a + " to \"" + q + "\"");
      } else {
        contra++;
        reasons.push("Does not fit: you answered " + a + " to \"" + q + "\"");
      }
    }
    var n = conditions.length;
    if (n === 0) reasons.push("No conditions stated: this option applies generally");
    var any = option.logic === "any";
    var status;
    if (n === 0) status = "open";
    else if (any ? met > 0 : met === n) status = "met";
    else if (any ? contra === n : contra > 0) status = "contradicted";
    else status = met > 0 ? "partial" : "open";
    return { optionId: option.id, title: option.title, status: status, score: RANK[status] * 1000 + met * 10 - unknown, reasons: reasons };
  }

  function applies(factors, answers) {
    var result = null;
    for (var i = 0; i < factors.length; i++) {
      var f = factors[i], a = answers[f.id];
      if ((f.role !== "applicability" && f.role !== "symptom" && f.role !== "cause") || !a || a === "unknown") continue;
      if ((f.role === "symptom" || f.role === "cause") && a === "no") return false;
      result = result === true || a === "yes";
    }
    return result;
  }

  function isTriage(f) { return f.role === "applicability" || f.role === "symptom" || f.role === "cause"; }

  function judge(factors, answers) {
    var yes = 0, no = 0, open = 0, total = 0, firstProduct = null;
    for (var i = 0; i < factors.length; i++) {
      var f = factors[i];
      if (!isTriage(f)) continue;
      total++;
      var a = answers[f.id] || "unknown";
      if (a === "no" && f.role !== "applicability") {
        return { level: "unlikely", text: "Probably not your problem: this article needs a yes to \"" + f.question + "\"" };
      }
      if (a === "yes") yes++;
      else if (a === "no") { no++; if (!firstProduct) firstProduct = f; }
      else open++;
    }
    if (total === 0) return { level: "none", text: "" };
    if (yes > 0 && open === 0) return { level: "likely", text: "This article very likely applies to you." };
    if (yes > 0) return { level: "maybe", text: "This article may apply to you; " + open + " of its " + total + " questions are still open." };
    if (no > 0 && open === 0) return { level: "unlikely", text: "Probably not your problem: this article is for readers who answer yes to \"" + firstProduct.question + "\"" };
    return { level: "unanswered", text: "Answer the questions to see whether this article applies to you." };
  }

  function recommend(model, answers) {
    answers = answers || {};
    var factors = model.factors || [], options = model.options || [], questions = {};
    for (var i = 0; i < factors.length; i++) questions[factors[i].id] = factors[i].question;
    var ranked = options.map(function (o, index) { return { rec: evaluate(o, answers, questions), index: index }; });
    ranked.sort(function (x, y) { return x.rec.score !== y.rec.score ? y.rec.score - x.rec.score : x.index - y.index; });
    return { applies: applies(factors, answers), options: ranked.map(function (r) { return r.rec; }), verdict: judge(factors, answers) };
  }

  var api = { recommend: recommend, isTriage: isTriage };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.KbDecision = api;
})(typeof window !== "undefined" ? window : this);
