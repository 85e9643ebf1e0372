namespace Kb.Site.Views;

/// <summary>The <c>article</c> variable of <c>article.liquid</c>.</summary>
public sealed class ArticleView
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Url { get; init; }
    public string Kind { get; init; } = "";
    public IReadOnlyList<ProductLink> Products { get; init; } = [];
    public IReadOnlyList<string> Versions { get; init; } = [];
    public IReadOnlyList<string> OperatingSystems { get; init; } = [];
    public IReadOnlyList<string> AppliesTo { get; init; } = [];
    public string LastModified { get; init; } = "";

    /// <summary>The sections as HTML, built by <c>BodyRenderer</c> with every text encoded.</summary>
    public required string BodyHtml { get; init; }
    public IReadOnlyList<ArticleLink> References { get; init; } = [];
    public IReadOnlyList<ArticleLink> ReferencedBy { get; init; } = [];

    /// <summary>schema.org TechArticle JSON, safe inside a script element.</summary>
    public string JsonLd { get; init; } = "";

    /// <summary>The upgrade guides that list this article.</summary>
    public IReadOnlyList<GuideLink> Guides { get; init; } = [];
    public IReadOnlyList<OptionView> Options { get; init; } = [];
    public IReadOnlyList<FactorView> Factors { get; init; } = [];

    /// <summary>"Is this your problem?": the triage checklist of a problem article (product, symptom and cause questions).</summary>
    public IReadOnlyList<FactorView> Triage { get; init; } = [];

    /// <summary>"Which option?": the questions the options' conditions ask (shown when there are two or more options).</summary>
    public IReadOnlyList<FactorView> Choice { get; init; } = [];

    /// <summary>The decision model (<c>{options, factors}</c>) as JSON safe inside a script element.</summary>
    public string DecisionJson { get; init; } = "";
}

/// <summary>An option of the decision aid.</summary>
public sealed class OptionView
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public string Text { get; init; } = "";
    public string Logic { get; init; } = "all";
    public IReadOnlyList<ConditionView> Conditions { get; init; } = [];
}

/// <summary>A condition of an option: the factor's question and the answer that selects the option.</summary>
public sealed class ConditionView
{
    public required string Factor { get; init; }
    public required string Text { get; init; }

    /// <summary>"yes" or "no".</summary>
    public required string Answer { get; init; }
    public string Question { get; init; } = "";
}

/// <summary>A yes/no question of the decision aid.</summary>
public sealed class FactorView
{
    public required string Id { get; init; }
    public required string Question { get; init; }
    public string Statement { get; init; } = "";
}
