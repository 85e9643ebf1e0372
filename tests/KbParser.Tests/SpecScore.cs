using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Tests;

/// <summary>
/// One labelled article of <c>Labels/Sample</c>: <c>{id, path, split, cue, form, options, note}</c>,
/// labelled by /work/shared/ANNOTATION.md (the labelling spec).
/// </summary>
internal sealed record SpecLabel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public string Id { get; init; } = "";
    public string Path { get; init; } = "";
    /// <summary>tune | test.</summary>
    public string Split { get; init; } = "";
    public string Cue { get; init; } = "";
    /// <summary>option-method | resolution-workaround | conditional | or-list | none (as the labeller saw it).</summary>
    public string Form { get; init; } = "";
    public IReadOnlyList<SpecLabelOption> Options { get; init; } = [];
    public string? Note { get; init; }

    /// <summary>Reads one label file; a file that does not parse is an error naming the file.</summary>
    public static SpecLabel Load(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<SpecLabel>(File.ReadAllText(file), Json)
                ?? throw new InvalidDataException("empty label file " + file);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"label file {file} is not valid: {ex.Message}", ex);
        }
    }
}

/// <summary>A labelled option; <see cref="AltTitles"/> are other verbatim strings that also name it.</summary>
internal sealed record SpecLabelOption
{
    public string Kind { get; init; } = "";
    public string Title { get; init; } = "";
    [JsonPropertyName("alt_titles")]
    public IReadOnlyList<string>? AltTitles { get; init; }
    public string Logic { get; init; } = "all";
    public IReadOnlyList<SpecLabelCondition> Conditions { get; init; } = [];
}

/// <summary>A labelled condition: the verbatim clause, its factor statement and question, and the answer that selects the option.</summary>
internal sealed record SpecLabelCondition
{
    public string Text { get; init; } = "";
    public string Factor { get; init; } = "";
    public string Question { get; init; } = "";
    public bool Expect { get; init; }
}

/// <summary>The token similarity of the spec's "Scoring" section.</summary>
internal static partial class SpecTokens
{
    /// <summary>The spec's stop words.</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "the", "a", "an", "to", "of", "and", "or", "in", "on", "for", "is", "are", "be", "this", "that", "you", "your",
    };

    /// <summary>
    /// Lower-case alphanumeric runs; a run ending in a digit followed by <c>.</c> and more alphanumerics stays one
    /// token (<c>5.5</c>, <c>3.x</c>, <c>4.0.1</c>, <c>v4.0</c>), while <c>2.0.</c> at a sentence end is <c>2.0</c>
    /// and <c>setup.exe</c> is two tokens.
    /// </summary>
    [GeneratedRegex(@"[\p{L}\p{Nd}]*\p{Nd}(?:\.[\p{L}\p{Nd}]+)+|[\p{L}\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    public static HashSet<string> Tokens(string? text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return set;
        }

        foreach (Match m in TokenPattern().Matches(text.ToLowerInvariant()))
        {
            if (!StopWords.Contains(m.Value))
            {
                set.Add(m.Value);
            }
        }

        return set;
    }

    /// <summary>|A ∩ B| / |A ∪ B| of the token sets; 0 when both are empty (no evidence either way).</summary>
    public static double Jaccard(string? a, string? b) => Jaccard(Tokens(a), Tokens(b));

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var inter = a.Count(b.Contains);
        var union = a.Count + b.Count - inter;
        return union == 0 ? 0 : inter / (double)union;
    }
}

/// <summary>A pair of one labelled and one extracted item and its similarity.</summary>
internal readonly record struct SpecPair(int Label, int Extracted, double Similarity);

/// <summary>A condition pair inside a matched option pair.</summary>
internal readonly record struct SpecConditionPair(int LabelOption, int LabelCondition, int ExtractedOption, int ExtractedCondition, double Similarity);

/// <summary>How one article's extraction compares with its label, with everything needed to explain the misses.</summary>
internal sealed class SpecArticleScore
{
    public required SpecLabel Label { get; init; }
    public required ArticleRecord Record { get; init; }
    public required IReadOnlyList<SpecPair> Options { get; init; }
    public required IReadOnlyList<SpecConditionPair> Conditions { get; init; }

    public int OptionsLabelled => Label.Options.Count;
    public int OptionsExtracted => Record.Options.Count;
    public int OptionsMatched => Options.Count;
    public int ConditionsLabelled => Label.Options.Sum(o => o.Conditions.Count);
    public int ConditionsExtracted => Record.Options.Sum(o => o.Conditions.Count);
    public int ConditionsMatched => Conditions.Count;

    /// <summary>Matched options whose label has two or more conditions (where logic is scored).</summary>
    public int LogicScored => Options.Count(p => Label.Options[p.Label].Conditions.Count >= 2);

    public int LogicCorrect => Options.Count(p => Label.Options[p.Label].Conditions.Count >= 2
        && string.Equals(Label.Options[p.Label].Logic, Record.Options[p.Extracted].Logic, StringComparison.OrdinalIgnoreCase));

    public bool IsNoOptionArticle => Label.Options.Count == 0;

    /// <summary>One line of counts.</summary>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{Label.Id} {Label.Split,-5} {Label.Form,-22} options {OptionsMatched}/{OptionsExtracted} extracted, {OptionsLabelled} labelled; conditions {ConditionsMatched}/{ConditionsExtracted} extracted, {ConditionsLabelled} labelled");

    /// <summary>The misses and false positives of this article, one per line, for reading.</summary>
    public IEnumerable<string> Misses()
    {
        var c = CultureInfo.InvariantCulture;
        var statements = SpecScorer.Statements(Record);
        var matchedLabel = Options.ToDictionary(p => p.Label);
        var matchedExtracted = Options.ToDictionary(p => p.Extracted);
        for (var g = 0; g < Label.Options.Count; g++)
        {
            var lo = Label.Options[g];
            if (!matchedLabel.TryGetValue(g, out var pair))
            {
                var best = Record.Options.Select((o, i) => (i, Sim: SpecScorer.TitleSimilarity(lo, o.Title)))
                    .OrderByDescending(x => x.Sim).FirstOrDefault();
                var near = Record.Options.Count == 0 ? "nothing extracted" : string.Create(c, $"best {best.Sim:F2} [{Record.Options[best.i].Form}] \"{Short(Record.Options[best.i].Title)}\"");
                yield return string.Create(c, $"  MISS option [{lo.Kind}] \"{Short(lo.Title)}\" ({lo.Conditions.Count} cond.; {near})");
                continue;
            }

            var eo = Record.Options[pair.Extracted];
            var matchedConditions = Conditions.Where(x => x.LabelOption == g).ToDictionary(x => x.LabelCondition);
            for (var k = 0; k < lo.Conditions.Count; k++)
            {
                if (matchedConditions.ContainsKey(k))
                {
                    continue;
                }

                var lc = lo.Conditions[k];
                var best = eo.Conditions.Select((ec, i) => (i, Sim: SpecScorer.ConditionSimilarity(lc, statements.GetValueOrDefault(ec.Factor, ""), ec.Text)))
                    .OrderByDescending(x => x.Sim).FirstOrDefault();
                var near = eo.Conditions.Count == 0 ? "option has no conditions" : string.Create(c,
                    $"best {best.Sim:F2} expect {eo.Conditions[best.i].Expect}: \"{Short(statements.GetValueOrDefault(eo.Conditions[best.i].Factor, ""))}\"");
                yield return string.Create(c, $"  MISS cond. of \"{Short(lo.Title, 50)}\": expect {lc.Expect} \"{Short(lc.Factor)}\" / \"{Short(lc.Text)}\" ({near})");
            }

            var extractedMatched = Conditions.Where(x => x.ExtractedOption == pair.Extracted).Select(x => x.ExtractedCondition).ToHashSet();
            for (var k = 0; k < eo.Conditions.Count; k++)
            {
                if (!extractedMatched.Contains(k))
                {
                    var ec = eo.Conditions[k];
                    yield return string.Create(c, $"  FP cond. of \"{Short(eo.Title, 50)}\": expect {ec.Expect} \"{Short(statements.GetValueOrDefault(ec.Factor, ""))}\" / \"{Short(ec.Text)}\"");
                }
            }
        }

        for (var p = 0; p < Record.Options.Count; p++)
        {
            if (!matchedExtracted.ContainsKey(p))
            {
                var eo = Record.Options[p];
                yield return string.Create(c, $"  FP option [{eo.Kind}/{eo.Form}] \"{Short(eo.Title)}\" ({eo.Conditions.Count} cond.)");
            }
        }

        foreach (var p in Options.Where(p => Label.Options[p.Label].Conditions.Count >= 2))
        {
            var lo = Label.Options[p.Label];
            var eo = Record.Options[p.Extracted];
            if (!string.Equals(lo.Logic, eo.Logic, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"  LOGIC of \"{Short(lo.Title, 50)}\": labelled {lo.Logic}, extracted {eo.Logic}";
            }
        }
    }

    private static string Short(string text, int max = 90)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : flat[..(max - 1)] + "…";
    }
}

/// <summary>
/// The scorer of the spec's "Scoring" section. Options are matched one to one within an article,
/// greedily by the best token Jaccard between titles (the label's title or any of its alt_titles,
/// whichever is highest), pairs at or above 0.6. Within matched option pairs, conditions are matched
/// one to one, greedily, by max(Jaccard of factor statements, Jaccard of texts) at or above 0.5,
/// and only between conditions with the same expect. The extracted condition's factor statement is
/// the record's <see cref="Factor.Statement"/> for its factor id; its text is <see cref="Condition.Text"/>.
/// </summary>
internal static class SpecScorer
{
    public const double OptionThreshold = 0.6;
    public const double ConditionThreshold = 0.5;

    public static double TitleSimilarity(SpecLabelOption label, string extractedTitle)
    {
        ArgumentNullException.ThrowIfNull(label);
        var extracted = SpecTokens.Tokens(extractedTitle);
        var best = SpecTokens.Jaccard(SpecTokens.Tokens(label.Title), extracted);
        foreach (var alt in label.AltTitles ?? [])
        {
            best = Math.Max(best, SpecTokens.Jaccard(SpecTokens.Tokens(alt), extracted));
        }

        return best;
    }

    /// <summary>max(Jaccard of factor statements, Jaccard of texts); expect is checked separately.</summary>
    public static double ConditionSimilarity(SpecLabelCondition label, string extractedStatement, string extractedText)
    {
        ArgumentNullException.ThrowIfNull(label);
        return Math.Max(SpecTokens.Jaccard(label.Factor, extractedStatement), SpecTokens.Jaccard(label.Text, extractedText));
    }

    /// <summary>Factor id to statement; a condition whose id names no factor has an empty statement.</summary>
    public static Dictionary<string, string> Statements(ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in record.Factors)
        {
            map.TryAdd(f.Id, f.Statement);
        }

        return map;
    }

    public static SpecArticleScore Score(SpecLabel label, ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(record);
        var statements = Statements(record);
        var optionPairs = Greedy(label.Options.Count, record.Options.Count,
            (g, p) => TitleSimilarity(label.Options[g], record.Options[p].Title), OptionThreshold);

        var conditionPairs = new List<SpecConditionPair>();
        foreach (var pair in optionPairs)
        {
            var lo = label.Options[pair.Label];
            var eo = record.Options[pair.Extracted];
            var matched = Greedy(lo.Conditions.Count, eo.Conditions.Count, (g, p) =>
            {
                var lc = lo.Conditions[g];
                var ec = eo.Conditions[p];
                return lc.Expect != ec.Expect ? double.NegativeInfinity
                    : ConditionSimilarity(lc, statements.GetValueOrDefault(ec.Factor, ""), ec.Text);
            }, ConditionThreshold);
            conditionPairs.AddRange(matched.Select(m => new SpecConditionPair(pair.Label, m.Label, pair.Extracted, m.Extracted, m.Similarity)));
        }

        return new SpecArticleScore { Label = label, Record = record, Options = optionPairs, Conditions = conditionPairs };
    }

    /// <summary>
    /// One-to-one greedy matching: all pairs at or above the threshold, most similar first (ties in
    /// label order, then extracted order), each side used once.
    /// </summary>
    public static List<SpecPair> Greedy(int labelled, int extracted, Func<int, int, double> similarity, double threshold)
    {
        ArgumentNullException.ThrowIfNull(similarity);
        var candidates = new List<SpecPair>();
        for (var g = 0; g < labelled; g++)
        {
            for (var p = 0; p < extracted; p++)
            {
                var sim = similarity(g, p);
                if (sim >= threshold)
                {
                    candidates.Add(new SpecPair(g, p, sim));
                }
            }
        }

        var usedLabel = new HashSet<int>();
        var usedExtracted = new HashSet<int>();
        var result = new List<SpecPair>();
        foreach (var c in candidates.OrderByDescending(c => c.Similarity).ThenBy(c => c.Label).ThenBy(c => c.Extracted))
        {
            if (!usedLabel.Contains(c.Label) && !usedExtracted.Contains(c.Extracted))
            {
                usedLabel.Add(c.Label);
                usedExtracted.Add(c.Extracted);
                result.Add(c);
            }
        }

        return result.OrderBy(c => c.Label).ToList();
    }
}

/// <summary>Sums of article scores: precision, recall and F1 of options and conditions, logic accuracy, empty output on no-option articles.</summary>
internal sealed class SpecTally
{
    public int Articles { get; private set; }
    public int OptionsLabelled { get; private set; }
    public int OptionsExtracted { get; private set; }
    public int OptionsMatched { get; private set; }
    public int ConditionsLabelled { get; private set; }
    public int ConditionsExtracted { get; private set; }
    public int ConditionsMatched { get; private set; }
    public int LogicScored { get; private set; }
    public int LogicCorrect { get; private set; }
    public int NoOptionArticles { get; private set; }
    public int NoOptionEmpty { get; private set; }

    public void Add(SpecArticleScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        Articles++;
        OptionsLabelled += score.OptionsLabelled;
        OptionsExtracted += score.OptionsExtracted;
        OptionsMatched += score.OptionsMatched;
        ConditionsLabelled += score.ConditionsLabelled;
        ConditionsExtracted += score.ConditionsExtracted;
        ConditionsMatched += score.ConditionsMatched;
        LogicScored += score.LogicScored;
        LogicCorrect += score.LogicCorrect;
        if (score.IsNoOptionArticle)
        {
            NoOptionArticles++;
            NoOptionEmpty += score.OptionsExtracted == 0 ? 1 : 0;
        }
    }

    public static SpecTally Of(IEnumerable<SpecArticleScore> scores)
    {
        var tally = new SpecTally();
        foreach (var s in scores)
        {
            tally.Add(s);
        }

        return tally;
    }

    /// <summary>Null when nothing was extracted (precision is undefined).</summary>
    public double? OptionPrecision => Ratio(OptionsMatched, OptionsExtracted);
    /// <summary>Null when nothing was labelled (recall is undefined).</summary>
    public double? OptionRecall => Ratio(OptionsMatched, OptionsLabelled);
    /// <summary>2·matched / (extracted + labelled), i.e. 2PR / (P + R); null only when both are zero.</summary>
    public double? OptionF1 => F1(OptionsMatched, OptionsExtracted, OptionsLabelled);
    public double? ConditionPrecision => Ratio(ConditionsMatched, ConditionsExtracted);
    public double? ConditionRecall => Ratio(ConditionsMatched, ConditionsLabelled);
    public double? ConditionF1 => F1(ConditionsMatched, ConditionsExtracted, ConditionsLabelled);
    public double? LogicAccuracy => Ratio(LogicCorrect, LogicScored);
    public double? NoOptionEmptyShare => Ratio(NoOptionEmpty, NoOptionArticles);

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{Articles} articles; options P {F(OptionPrecision)} R {F(OptionRecall)} F1 {F(OptionF1)} ({OptionsMatched} matched / {OptionsExtracted} extracted / {OptionsLabelled} labelled); " +
        $"conditions P {F(ConditionPrecision)} R {F(ConditionRecall)} F1 {F(ConditionF1)} ({ConditionsMatched} / {ConditionsExtracted} / {ConditionsLabelled}); " +
        $"logic {F(LogicAccuracy)} ({LogicCorrect}/{LogicScored}); no-option articles empty {F(NoOptionEmptyShare)} ({NoOptionEmpty}/{NoOptionArticles})");

    /// <summary>A figure with three decimals, or an en dash when undefined.</summary>
    public static string F(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";

    private static double? Ratio(int n, int d) => d == 0 ? null : n / (double)d;

    private static double? F1(int matched, int extracted, int labelled) => Ratio(2 * matched, extracted + labelled);
}

/// <summary>The Markdown report of a scored set: both halves, and per label form within each half.</summary>
internal static class SpecReport
{
    public const string Marker = "<!-- figures: written by SpecScoreTests with KB_UPDATE_DOCS=1 -->";
    public const string EndMarker = "<!-- end figures -->";

    public static string Render(IReadOnlyList<SpecArticleScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(Marker);
        sb.AppendLine("| set | articles | options P | options R | **options F1** | options matched / extracted / labelled | conditions P | conditions R | **conditions F1** | conditions matched / extracted / labelled | logic (≥ 2 cond.) | no-option articles left empty |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, tally) in Splits(scores))
        {
            Row(sb, name, tally);
        }

        sb.AppendLine();
        sb.AppendLine("Per label form (– where a figure is undefined: precision with nothing extracted, recall with nothing labelled; for the form `none` the figure is the last column):");
        sb.AppendLine();
        sb.AppendLine("| form / set | articles | options P | options R | **options F1** | options matched / extracted / labelled | conditions P | conditions R | **conditions F1** | conditions matched / extracted / labelled | logic (≥ 2 cond.) | no-option articles left empty |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var form in scores.Select(s => s.Label.Form).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            foreach (var (name, tally) in Splits(scores.Where(s => s.Label.Form == form).ToList()))
            {
                Row(sb, string.Create(c, $"{form} / {name}"), tally);
            }
        }

        sb.AppendLine(EndMarker);
        return sb.ToString();
    }

    /// <summary>Test half first (the figure that counts), then tune, then both.</summary>
    private static IEnumerable<(string Name, SpecTally Tally)> Splits(IReadOnlyList<SpecArticleScore> scores)
    {
        foreach (var split in new[] { "test", "tune" })
        {
            var part = scores.Where(s => s.Label.Split == split).ToList();
            if (part.Count > 0)
            {
                yield return (split, SpecTally.Of(part));
            }
        }

        var other = scores.Where(s => s.Label.Split is not ("test" or "tune")).ToList();
        if (other.Count > 0)
        {
            yield return ("(no split)", SpecTally.Of(other));
        }

        yield return ("all", SpecTally.Of(scores));
    }

    private static void Row(StringBuilder sb, string name, SpecTally t)
    {
        static string Share(double? v, int n, int d) => d == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{SpecTally.F(v)} ({n}/{d})");
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {t.Articles} | {SpecTally.F(t.OptionPrecision)} | {SpecTally.F(t.OptionRecall)} | **{SpecTally.F(t.OptionF1)}** | {t.OptionsMatched} / {t.OptionsExtracted} / {t.OptionsLabelled} " +
            $"| {SpecTally.F(t.ConditionPrecision)} | {SpecTally.F(t.ConditionRecall)} | **{SpecTally.F(t.ConditionF1)}** | {t.ConditionsMatched} / {t.ConditionsExtracted} / {t.ConditionsLabelled} " +
            $"| {Share(t.LogicAccuracy, t.LogicCorrect, t.LogicScored)} | {Share(t.NoOptionEmptyShare, t.NoOptionEmpty, t.NoOptionArticles)} |");
    }

    /// <summary>Replaces the figures between the markers of <paramref name="path"/>, keeping the prose around them (or writes a new file).</summary>
    public static void Write(string path, string figures)
    {
        const string Intro = "# Extraction quality on the sample labels\n\n" +
            "Options and conditions scored by the labelling spec (`/work/shared/ANNOTATION.md`, \"Scoring\") on\n" +
            "`tests/KbParser.Tests/Labels/Sample` by `SpecScoreTests` (`KB_CORPUS=../shared/corpus/kbarchive.tar.gz\n" +
            "KB_UPDATE_DOCS=1 dotnet test tests/KbParser.Tests -c Release --filter FullyQualifiedName~SpecScore`).\n\n";
        var text = File.Exists(path) ? File.ReadAllText(path) : Intro + Marker + "\n" + EndMarker + "\n";
        var start = text.IndexOf(Marker, StringComparison.Ordinal);
        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        var updated = start < 0 || end < start
            ? text.TrimEnd('\n') + "\n\n" + figures
            : text[..start] + figures.TrimEnd('\n') + text[(end + EndMarker.Length)..];
        File.WriteAllText(path, updated);
    }
}
