namespace Kb.Parser.Model;

/// <summary>Option kinds.</summary>
public static class OptionKinds
{
    public const string Option = "option";
    public const string Method = "method";
    public const string Resolution = "resolution";
    public const string Workaround = "workaround";
}

/// <summary>One alternative course of action an article offers, with when to choose it.</summary>
public sealed record ArticleOption
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public string Text { get; init; } = "";
    public string? Section { get; init; }
    public IReadOnlyList<Condition> Conditions { get; init; } = [];
    /// <summary>all | any: how the conditions combine.</summary>
    public string Logic { get; init; } = "all";
    /// <summary>How the option was found (select-option, method, one-of-following, or-separated, resolution, workaround, conditional-if).</summary>
    public string Form { get; init; } = "";
}

/// <summary>A condition: a factor and the answer that selects the option.</summary>
public sealed record Condition(string Factor, bool Expect, string Text);

/// <summary>A yes/no question shared by every option that mentions it.</summary>
public sealed record Factor
{
    public required string Id { get; init; }
    public required string Question { get; init; }
    public required string Statement { get; init; }
    /// <summary>applicability | symptom | cause | status | condition.</summary>
    public string Role { get; init; } = "condition";
}
