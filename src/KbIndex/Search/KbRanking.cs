namespace Kb.Index.Search;

/// <summary>
/// A field of the BM25F text score, its weight and its length normalisation (b). A field with
/// <paramref name="SharedLength"/> is normalised by the summed length of all such fields of the
/// article (its text as a whole) rather than by its own.
/// </summary>
public sealed record RankedField(string Name, float Weight, float B = KbRanking.DefaultB, bool SharedLength = false);

/// <summary>
/// The ranking's parameters: <c>kb search</c> and the static site's export use <see cref="Default"/>;
/// other values are for measuring alternatives (bench/quality). See docs/search-index.md.
/// </summary>
public sealed record KbRanking
{
    /// <summary>The default BM25 term-frequency saturation.</summary>
    public const float DefaultK1 = 1.5f;
    /// <summary>The default BM25 length normalisation.</summary>
    public const float DefaultB = 0.75f;

    /// <summary>The ranking <c>kb search</c> and the site use.</summary>
    public static KbRanking Default { get; } = new();

    /// <summary>BM25's term-frequency saturation; 1.5 (Lucene's default is 1.2) measured best on the tune half with the fields scored together (docs/search-quality.md).</summary>
    public float K1 { get; init; } = DefaultK1;

    /// <summary>
    /// The text fields scored together as one BM25F term score (<see cref="Bm25fQuery"/>), and the article
    /// number's forms (no length normalisation: every article has a few). Headings, summary and body are
    /// normalised by the article's text length as a whole; title, products and query words by their own.
    /// Options and conditions repeat body text, and their small weights give the resolution's words a little more.
    /// </summary>
    public IReadOnlyList<RankedField> Fields { get; init; } =
    [
        new(KbFields.Title, 1f),
        new(KbFields.Heading, 1f, SharedLength: true),
        new(KbFields.Summary, 1f, SharedLength: true),
        new(KbFields.Product, 1f),
        new(KbFields.Body, 1f, SharedLength: true),
        new(KbFields.Option, 0.25f),
        new(KbFields.QueryWords, 3f),
        new(KbFields.Condition, 0.5f),
        new(KbFields.IdForm, 10f, B: 0f),
    ];

    /// <summary>Code fields matched by the whole word as typed (lower-cased), each scored on its own beside the text (none by default: the title prefix and keywords scored apart cost 0.014 nDCG@10).</summary>
    public IReadOnlyDictionary<string, float> CodeFields { get; init; } = new Dictionary<string, float>(StringComparer.Ordinal);

    /// <summary>Each pair of neighbouring query words as a sloppy phrase (0: off), in the fields of <see cref="ProximityFields"/> at their relative weights.</summary>
    public float ProximityBoost { get; init; } = 0.1f;
    /// <summary>How far apart neighbouring query words may stand for the proximity boost.</summary>
    public int ProximitySlop { get; init; } = 4;
    /// <summary>The fields the proximity boost looks in, with their weights.</summary>
    public IReadOnlyList<RankedField> ProximityFields { get; init; } = [new(KbFields.Summary, 1f)];

    /// <summary>
    /// The parts of a pasted message (between punctuation: "Error 1075: The dependency service does not
    /// exist.") as phrases in the title, summary and body, negations kept; 0: off.
    /// </summary>
    public float MessagePhraseBoost { get; init; } = 1f;
    /// <summary>Slop of the message-part phrases.</summary>
    public int MessagePhraseSlop { get; init; } = 1;
    /// <summary>Fewest words a message part needs to count as a phrase.</summary>
    public int MessagePhraseMinTerms { get; init; } = 2;

    /// <summary>A phrase's idf is the sum of its terms'; its boost is divided by the number of terms to this power (1: the average idf).</summary>
    public float MessagePhraseNormalization { get; init; } = 1f;

    /// <summary>The upgrade words standing in for one another: their occurrences count at this weight.</summary>
    public float UpgradeWordBoost { get; init; } = 0.1f;

    /// <summary>Learned definitions ("vfp" → "visual foxpro"): the phrase's occurrences count at this weight.</summary>
    public float DefinitionBoost { get; init; } = 1f;

    /// <summary>A definition is used only when its articles are at least this share of the articles using the word.</summary>
    public float MinDefinitionShare { get; init; } = 0.01f;

    /// <summary>Learned product abbreviations: boost times the share of the tag's articles naming the product.</summary>
    public float AbbreviationBoost { get; init; } = 1.5f;

    /// <summary>Glued product and version ("nt4" → "nt 4.0"): the phrase's occurrences count at this weight.</summary>
    public float GluedBoost { get; init; } = 1f;

    /// <summary>"upgrade from X to Y": the two ends as a sloppy phrase in the title (summary and body at half and a quarter).</summary>
    public float UpgradePathBoost { get; init; } = 0.5f;

    /// <summary>Article numbers in any form typed in the query.</summary>
    public float IdBoost { get; init; } = 1000f;

    /// <summary>The weight of a text field, 0 when it is not one.</summary>
    public float WeightOf(string field) => Fields.FirstOrDefault(f => f.Name == field)?.Weight ?? 0f;
}
