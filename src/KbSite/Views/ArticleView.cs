namespace Kb.Site.Views;

/// <summary>The <c>article</c> variable of <c>article.liquid</c>.</summary>
public sealed class ArticleView
{
    /// <summary>The article number.</summary>
    public required string Id { get; init; }
    /// <summary>The article's title.</summary>
    public required string Title { get; init; }
    /// <summary>Site path of the article without the base URL.</summary>
    public required string Url { get; init; }
    /// <summary>The article's kind.</summary>
    public string Kind { get; init; } = "";
    /// <summary>The article's products, linked to their listings.</summary>
    public IReadOnlyList<ProductLink> Products { get; init; } = [];
    /// <summary>The product versions, as text.</summary>
    public IReadOnlyList<string> Versions { get; init; } = [];
    /// <summary>The operating systems.</summary>
    public IReadOnlyList<string> OperatingSystems { get; init; } = [];
    /// <summary>The "applies to" lines.</summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [];
    /// <summary>ISO date of last modification, or empty.</summary>
    public string LastModified { get; init; } = "";

    /// <summary>The sections as HTML, built by <c>BodyRenderer</c> with every text encoded.</summary>
    public required string BodyHtml { get; init; }
    /// <summary>Articles this one refers to.</summary>
    public IReadOnlyList<ArticleLink> References { get; init; } = [];
    /// <summary>Articles that refer to this one.</summary>
    public IReadOnlyList<ArticleLink> ReferencedBy { get; init; } = [];

    /// <summary>schema.org TechArticle JSON, safe inside a script element.</summary>
    public string JsonLd { get; init; } = "";

    /// <summary>The upgrade guides that list this article.</summary>
    public IReadOnlyList<GuideLink> Guides { get; init; } = [];
    /// <summary>The options of the decision aid.</summary>
    public IReadOnlyList<OptionView> Options { get; init; } = [];
    /// <summary>Every yes/no question of the decision aid.</summary>
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
    /// <summary>The option's id.</summary>
    public required string Id { get; init; }
    /// <summary>option | method | resolution | workaround.</summary>
    public required string Kind { get; init; }
    /// <summary>The option's title.</summary>
    public required string Title { get; init; }
    /// <summary>The option's text.</summary>
    public string Text { get; init; } = "";
    /// <summary>all | any: how its conditions combine.</summary>
    public string Logic { get; init; } = "all";
    /// <summary>When to choose the option.</summary>
    public IReadOnlyList<ConditionView> Conditions { get; init; } = [];
}

/// <summary>A condition of an option: the factor's question and the answer that selects the option.</summary>
public sealed class ConditionView
{
    /// <summary>The id of the factor asked about.</summary>
    public required string Factor { get; init; }
    /// <summary>The condition as the article words it.</summary>
    public required string Text { get; init; }

    /// <summary>"yes" or "no".</summary>
    public required string Answer { get; init; }
    /// <summary>The factor's question.</summary>
    public string Question { get; init; } = "";
}

/// <summary>A yes/no question of the decision aid.</summary>
public sealed class FactorView
{
    /// <summary>The factor's id.</summary>
    public required string Id { get; init; }
    /// <summary>The yes/no question.</summary>
    public required string Question { get; init; }
    /// <summary>The question as a statement, for the checklist.</summary>
    public string Statement { get; init; } = "";
}
