namespace Kb.Site.Decision;

/// <summary>
/// The client-side decision evaluator the article pages load (<c>window.KbDecision.recommend</c>):
/// KbParser's own script, the same logic as its C# decision model.
/// </summary>
internal static class DecisionScriptSource
{
    public static string Text => Kb.Parser.Decision.DecisionScript.Source;
}
