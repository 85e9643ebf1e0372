namespace Kb.Index;

/// <summary>Names of the index fields; see docs/search-index.md for what each holds and how it is analysed.</summary>
public static class KbFields
{
    /// <summary>Article number as written (<c>Q199250</c>): the unique key, stored, with sorted doc values.</summary>
    public const string Id = "id";

    /// <summary>Every common form of the number, lower-cased: <c>q199250</c>, <c>199250</c>, <c>kb199250</c>.</summary>
    public const string IdForm = "idform";

    /// <summary>The key of a record in the site build's record store, exact (its source path) (<see cref="Indexing.RecordStore"/>).</summary>
    public const string SourcePath = "sourcepath";

    /// <summary>Content hash of the record (binary doc values); drives incremental builds.</summary>
    public const string Hash = "hash";

    /// <summary>The title, analysed as text.</summary>
    public const string Title = "title";

    /// <summary>Title prefix lower-cased as one token (<c>sms</c>, <c>xadm</c>, <c>mac wkst</c>); sorted doc values too.</summary>
    public const string Prefix = "prefix";

    /// <summary>Title tags and words (<see cref="Analysis.Abbreviations.LearningValues"/>): sorted-set doc values that abbreviations are learned from.</summary>
    public const string Tag = "tag";

    /// <summary>Product names, analysed as text (so <c>product:"Systems Management Server"</c> matches).</summary>
    public const string Product = "product";

    /// <summary>Product names exactly as written, for filters and facet counts.</summary>
    public const string ProductExact = "productexact";

    /// <summary>Product families lower-cased, alone and with each version (<c>windows nt</c>, <c>windows nt 4.0</c>), for <c>--product</c>.</summary>
    public const string Family = "family";

    /// <summary>Versions, lower-cased, both <c>2.0</c> and <c>winnt:2.0</c>.</summary>
    public const string Version = "version";

    /// <summary>Header keywords, lower-cased, one token each.</summary>
    public const string Keyword = "keyword";

    /// <summary>info | problem | howto | bug | fix | sample | other; sorted doc values for facets.</summary>
    public const string Kind = "kind";

    /// <summary>Last modified date as the number yyyymmdd (numeric field and doc values).</summary>
    public const string Modified = "modified";

    /// <summary>Year of last modification (numeric field and doc values, for facets and --since/--until).</summary>
    public const string Year = "year";

    /// <summary>First section (SUMMARY, SYMPTOMS...) text: weighted above the body.</summary>
    public const string Summary = "summary";

    /// <summary>Section and subsection headings other than the stock ones (SUMMARY, MORE INFORMATION...).</summary>
    public const string Heading = "heading";

    /// <summary>The rest of the body text.</summary>
    public const string Body = "body";

    /// <summary>The article's "Additional query words" (informal synonyms such as <c>nt4 win95 prodsms</c>).</summary>
    public const string QueryWords = "queryword";

    /// <summary>Option titles and texts.</summary>
    public const string Option = "option";

    /// <summary>Option condition and factor texts.</summary>
    public const string Condition = "condition";

    /// <summary>Number of options (numeric field and doc values): <c>--has-options</c>.</summary>
    public const string OptionCount = "optioncount";

    /// <summary>Referenced article numbers, lower-cased.</summary>
    public const string Reference = "ref";

    /// <summary>The whole record as UTF-8 JSON (stored only).</summary>
    public const string Record = "record";

    /// <summary>Commit user-data keys.</summary>
    internal const string CommitVersion = "kb.version";
    internal const string CommitAbbreviations = "kb.abbreviations";
    internal const string CommitDefinitions = "kb.definitions";
    internal const string CommitLearned = "kb.learned";

    /// <summary>Names users write before a colon, mapped to index fields.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = Title,
        ["product"] = Product,
        ["products"] = Product,
        ["keyword"] = Keyword,
        ["keywords"] = Keyword,
        ["kind"] = Kind,
        ["id"] = IdForm,
        ["prefix"] = Prefix,
        ["version"] = Version,
        ["heading"] = Heading,
        ["summary"] = Summary,
        ["body"] = Body,
        ["option"] = Option,
        ["condition"] = Condition,
        ["ref"] = Reference,
        ["year"] = Year,
    };
}
