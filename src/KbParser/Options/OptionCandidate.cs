namespace Kb.Parser.Options;

/// <summary>An option found in the text, before factors are assigned.</summary>
internal sealed record OptionCandidate(
    string Kind,
    string Title,
    string Text,
    string? Section,
    IReadOnlyList<ParsedCondition> Conditions,
    string Logic,
    string Form,
    int Line)
{
    /// <summary>"Method 2" when the article numbers its alternatives; lets "Use Method 2 if ..." overviews merge in.</summary>
    public string? Label { get; init; }

    /// <summary>True when the title is the article's own heading text ("Method 2: Reinstall WordMail").</summary>
    public bool TitleFromHeading { get; init; }
}
