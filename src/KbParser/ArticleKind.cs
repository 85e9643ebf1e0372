using Kb.Parser.Model;

namespace Kb.Parser;

/// <summary>Decides an article's kind from its title tags, its "Issue type" and its sections.</summary>
internal static class ArticleKind
{
    public static string Classify(ArticleRecord r)
    {
        // Title tags are the most specific: "XADM: FIX: ...", "PRB: ...", "HOWTO: ...".
        var segments = r.Title.Split(": ", 4);
        for (var s = 0; s < segments.Length - 1; s++)
        {
            var kind = segments[s].Trim().ToUpperInvariant() switch
            {
                "FIX" => ArticleKinds.Fix,
                "BUG" => ArticleKinds.Bug,
                "PRB" => ArticleKinds.Problem,
                "HOWTO" or "HOW TO" => ArticleKinds.HowTo,
                "INFO" => ArticleKinds.Info,
                "SAMPLE" => ArticleKinds.Sample,
                _ => null,
            };
            if (kind is not null)
            {
                return kind;
            }
        }

        if (r.Metadata.TryGetValue("Issue type", out var issue))
        {
            var first = issue.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            var solution = r.Metadata.TryGetValue("Solution Type", out var st) ? st : "";
            var kind = first switch
            {
                "kbbug" when solution.StartsWith("kbfix", StringComparison.Ordinal) => ArticleKinds.Fix,
                "kbbug" => ArticleKinds.Bug,
                "kbprb" => ArticleKinds.Problem,
                "kbhowto" => ArticleKinds.HowTo,
                "kbinfo" => ArticleKinds.Info,
                _ => null,
            };
            if (kind is not null)
            {
                return kind;
            }
        }

        foreach (var k in r.Keywords)
        {
            if (k.StartsWith("fixlist", StringComparison.OrdinalIgnoreCase))
            {
                return ArticleKinds.Fix;
            }

            if (k.StartsWith("buglist", StringComparison.OrdinalIgnoreCase))
            {
                return ArticleKinds.Bug;
            }
        }

        if (r.Title.StartsWith("How to", StringComparison.OrdinalIgnoreCase))
        {
            return ArticleKinds.HowTo;
        }

        if (r.Sections.Any(s => s.Heading is "SYMPTOMS" or "SYMPTOM"))
        {
            return ArticleKinds.Problem;
        }

        return r.Sections.Count > 0 ? ArticleKinds.Info : ArticleKinds.Other;
    }
}
