namespace Kb.Site.Decision;

/// <summary>
/// The client-side decision evaluator the article pages load (<c>window.KbDecision.recommend</c>).
/// KbParser owns the evaluator; until it ships one, this assembly's stand-in with the same contract is used.
/// </summary>
internal static class DecisionScriptSource
{
    private static readonly Lazy<string> Embedded = new(() =>
    {
        using var s = typeof(DecisionScriptSource).Assembly.GetManifestResourceStream("decision/evaluator.js")!;
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    });

    public static string Text => Embedded.Value;
}
