namespace Kb.Parser.Model;

/// <summary>Option kinds.</summary>
public static class OptionKinds
{
    /// <summary>One of several choices the article lists.</summary>
    public const string Option = "option";
    /// <summary>A numbered method.</summary>
    public const string Method = "method";
    /// <summary>The article's resolution of its problem.</summary>
    public const string Resolution = "resolution";
    /// <summary>A workaround for the problem.</summary>
    public const string Workaround = "workaround";
}

/// <summary>One alternative course of action an article offers, with when to choose it.</summary>
public sealed record ArticleOption
{
    /// <summary>The option's id within its article (<c>o1</c>, <c>o2</c>...).</summary>
    public required string Id { get; init; }
    /// <summary>option | method | resolution | workaround (<see cref="OptionKinds"/>; typed: <c>TypedKind</c>).</summary>
    public required string Kind { get; init; }
    /// <summary>The option's title: its heading or lead sentence.</summary>
    public required string Title { get; init; }
    /// <summary>The option's text (its steps and explanation).</summary>
    public string Text { get; init; } = "";
    /// <summary>The heading of the section the option stands in, or null.</summary>
    public string? Section { get; init; }
    /// <summary>When to choose the option; each names a factor of the record (<c>record.ConditionsOf(option)</c> resolves them).</summary>
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
    /// <summary>The factor's id, named by conditions.</summary>
    public required string Id { get; init; }
    /// <summary>The yes/no question (<c>Is the impact on inter-site bandwidth a concern?</c>).</summary>
    public required string Question { get; init; }
    /// <summary>The same as a statement, for the checklist.</summary>
    public required string Statement { get; init; }
    /// <summary>applicability | symptom | cause | status | condition.</summary>
    public string Role { get; init; } = "condition";
}
