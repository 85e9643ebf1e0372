namespace Kb.Parser.Decision;

/// <summary>The browser's copy of the decision logic (<c>decision.js</c>), embedded in this assembly.</summary>
public static class DecisionScript
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = typeof(DecisionScript).Assembly.GetManifestResourceStream("Kb.Parser.Decision.decision.js")
            ?? throw new InvalidOperationException("decision.js is not embedded in KbParser");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>
    /// Defines <c>window.KbDecision.recommend(model, answers)</c> (or <c>module.exports</c> under Node):
    /// model = {options, factors} as in the record JSON, answers = {factorId: "yes"|"no"|"unknown"};
    /// returns {applies, options: [{optionId, title, status, score, reasons}]} best first.
    /// </summary>
    public static string Source => Text.Value;
}
