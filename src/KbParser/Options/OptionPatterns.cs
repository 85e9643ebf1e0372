using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>The cues that several option recognisers share: labels, "select this option when", "one of the following", "-or-".</summary>
internal static partial class OptionPatterns
{
    /// <summary>True for a "-or-" separator line.</summary>
    public static bool IsOr(Block b) => b switch
    {
        ParagraphBlock p => OrLine().IsMatch(p.Text),
        // "- or -" on a line of its own reads as a one-item bullet list whose text is "or -".
        ListBlock { Items: [{ Marker: "-", Blocks.Count: 0 } item] } => OrLine().IsMatch(item.Text),
        _ => false,
    };

    /// <summary>"Method 1", "Option Two", "Workaround 3": the label that numbers an alternative; group <c>w</c> is its word.</summary>
    [GeneratedRegex(@"^(?<w>Method|METHOD|Option|OPTION|Solution|Workaround|WORKAROUND|Resolution|Procedure|Scenario)\s+(?:\d{1,2}|[A-H]|One|Two|Three|Four|Five|Six)\b")]
    public static partial Regex LeadWord();

    /// <summary>"Select/Use this option when X"; group <c>c</c> is X.</summary>
    [GeneratedRegex(@"\b(?:Select|Choose|Use|Pick|Try|Apply|Run|Perform)\s+(?:this|these)\s+(?:option|method|procedure|approach|workaround|solution|resolution|setting|steps?)\s+(?:only\s+)?(?:when|if|whenever|where)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    public static partial Regex SelectThis();

    /// <summary>"This option should be chosen when X", "you might want to use this method if X"; group <c>c</c> is X.</summary>
    [GeneratedRegex(@"\b(?:should|must|can|may)\s+be\s+(?:chosen|selected|used|applied)\s+(?:only\s+)?(?:when|if)\s+(?<c>.+)|\b(?:should|would|must|may|can|might)\s+(?:want\s+to\s+)?(?:choose|select|use|pick)\s+this\s+(?:option|method|setting|procedure)\s+(?:only\s+)?(?:when|if)\s+(?<c>.+)", RegexOptions.IgnoreCase)]
    public static partial Regex ChosenWhen();

    /// <summary>"Use this method to X" names the method's purpose; group <c>p</c> is X.</summary>
    [GeneratedRegex(@"^(?:Use|Choose|Select|Try|Apply)\s+(?:this|the\s+following)\s+(?:method|option|procedure|approach|workaround|solution)\s+to\s+(?<p>[^:;]{6,200})", RegexOptions.IgnoreCase)]
    public static partial Regex UseThisTo();

    /// <summary>An intro to a set of alternatives ("use one of the following methods", "there are two ways"); group <c>w</c> is the noun.</summary>
    [GeneratedRegex(@"\b(?:(?:do|use|try|perform|follow|apply|choose|select|take|implement)\s+(?:\w+\s+)?(?:one|either|any)\s+of\s+(?:the\s+)?(?:(?:two|three|four|2|3|4)\s+)?following(?:\s+(?<w>methods?|ways?|options?|workarounds?|procedures?|solutions?|approaches|resolutions?|alternatives?|steps))?|(?:one|either|any)\s+of\s+(?:the\s+)?following\s+(?<w>methods?|ways?|options?|workarounds?|procedures?|solutions?|approaches|resolutions?|alternatives?|steps)|the\s+following\s+(?:(?:two|three|four|five|2|3|4|5)\s+)?(?<w>methods|workarounds|options|solutions|alternatives|ways)\b|(?:the\s+)?appropriate\s+(?<w>methods?|workarounds?|options?|solutions?)\b|(?:two|three|four|several|various|a\s+few|multiple)\s+(?<w>methods|ways|workarounds|options|solutions)\b)", RegexOptions.IgnoreCase)]
    public static partial Regex OneOfFollowing();

    /// <summary>Notes, warnings and the registry editor's standard caution: never an option's title.</summary>
    [GeneratedRegex(@"^(?:NOTE|Note|WARNING|Warning|CAUTION|Caution|IMPORTANT|Important)\b|^(?:Using|Use) Registry Editor incorrectly|^Microsoft cannot guarantee|^Use Registry Editor at your own risk|^For (?:more|additional) information")]
    public static partial Regex Boilerplate();

    /// <summary>"If the problem persists, ...": a fallback that continues the previous alternative, not a new one.</summary>
    [GeneratedRegex(@"^(?:\w+,\s+)?if\s+(?:the\s+|this\s+|that\s+)?(?:problem|symptoms?|error|issue|behavior|method|step|procedure|workaround)s?\s+(?:still\s+)?(?:persists?|continues?|occurs?|recurs?|remains?|does\s+not\s+(?:work|help|resolve|fix))|^(?:\w+,\s+)?if\s+(?:this|that|these|it)\s+(?:does\s+not|doesn't|do\s+not|did\s+not|fails?)", RegexOptions.IgnoreCase)]
    public static partial Regex Fallback();

    [GeneratedRegex(@"^\s*-*\s*(?:or|OR|Or)\s*-*\s*$")]
    private static partial Regex OrLine();
}
