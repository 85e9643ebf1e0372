// Stand-in decision evaluator with the contract of Kb.Parser.Decision.DecisionScript:
// window.KbDecision.recommend(model, answers) -> [{optionId, status, score, reasons}] best first.
// Used until KbParser ships the shared evaluator.
(function () {
  "use strict";
  function recommend(model, answers) {
    var factors = {};
    (model.factors || []).forEach(function (f) { factors[f.id] = f; });
    var ranked = (model.options || []).map(function (o, order) {
      var met = 0, contra = 0, open = 0, reasons = [];
      (o.conditions || []).forEach(function (c) {
        var a = answers[c.factor] || "unknown";
        var q = factors[c.factor] ? factors[c.factor].question : c.text;
        if (a === "unknown") { open++; reasons.push("Not answered yet: " + q); }
        else if ((a === "yes") === c.expect) { met++; reasons.push("Fits because " + c.text + "."); }
        else { contra++; reasons.push("Does not fit: it is for when " + c.text + "."); }
      });
      var n = (o.conditions || []).length, status;
      if (o.logic === "any") {
        status = met > 0 ? "met" : (contra === n && n > 0 ? "contradicted" : "open");
      } else {
        status = contra > 0 ? "contradicted" : (n > 0 && met === n ? "met" : (met > 0 ? "partial" : "open"));
      }
      var base = { met: 3, partial: 2, open: 1, contradicted: 0 }[status];
      var score = base + (n ? (met - contra) / (2 * n) : 0);
      return { optionId: o.id, status: status, score: score, reasons: reasons, order: order };
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return ranked.map(function (r) { return { optionId: r.optionId, status: r.status, score: r.score, reasons: r.reasons }; });
  }
  window.KbDecision = window.KbDecision || { recommend: recommend };
})();
