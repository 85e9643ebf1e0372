using System.Text.RegularExpressions;
using Kb.Index.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kb.Index.Search;

/// <summary>Query expansions: learned abbreviations, glued product-version words, upgrade paths.</summary>
internal sealed partial class KbQueryBuilder
{
    private const float UpgradeWordBoost = 0.3f;
    private const float DefinitionBoost = 0.5f;

    private void AddAbbreviations(BooleanQuery query, string free)
    {
        foreach (Match m in Word().Matches(free))
        {
            var word = m.Value.ToLowerInvariant();
            foreach (var e in _abbreviations.Expand(word))
            {
                query.Add(new TermQuery(new Term(KbFields.ProductExact, e.Product.ToLowerInvariant())) { Boost = (float)(1.5 * e.Share) }, Occur.SHOULD);
            }

            AddDefinition(query, word);

            // "nt4", "sql65", "vb5": a product word glued to its version, as people type them.
            var glued = Glued().Match(word);
            if (glued.Success)
            {
                AddGlued(query, glued.Groups["name"].Value, glued.Groups["version"].Value);
            }
        }
    }

    /// <summary>"upgrade" also finds "migration" (and back), weakly: the user's own word should win.</summary>
    private static void AddUpgradeWords(BooleanQuery query, List<string> terms)
    {
        if (!terms.Any(t => QueryVariantsFilter.UpgradeWords.Contains(t)))
        {
            return;
        }

        foreach (var w in QueryVariantsFilter.UpgradeWords.Where(w => !terms.Contains(w)))
        {
            query.Add(new TermQuery(new Term(KbFields.Title, w)) { Boost = UpgradeWordBoost * KbFields.TextWeights[KbFields.Title] }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(KbFields.Summary, w)) { Boost = UpgradeWordBoost * KbFields.TextWeights[KbFields.Summary] }, Occur.SHOULD);
        }
    }

    /// <summary>"vfp" also finds the words articles spell it out with, "Visual FoxPro".</summary>
    private void AddDefinition(BooleanQuery query, string word)
    {
        if (!_abbreviations.Definitions.TryGetValue(word, out var words))
        {
            return;
        }

        var terms = KbAnalyzers.Terms(_analyzer, KbFields.Title, words);
        if (terms.Count == 0)
        {
            return;
        }

        query.Add(Phrase(KbFields.Title, terms, slop: 1, boost: DefinitionBoost * KbFields.TextWeights[KbFields.Title]), Occur.SHOULD);
        query.Add(Phrase(KbFields.Summary, terms, slop: 1, boost: DefinitionBoost * KbFields.TextWeights[KbFields.Summary]), Occur.SHOULD);
        query.Add(Phrase(KbFields.Body, terms, slop: 1, boost: DefinitionBoost), Occur.SHOULD);
    }

    private void AddGlued(BooleanQuery query, string name, string version)
    {
        var both = new BooleanQuery { Boost = 2f };
        var nameQuery = new BooleanQuery();
        foreach (var field in new[] { KbFields.Title, KbFields.Summary, KbFields.Body })
        {
            nameQuery.Add(new TermQuery(new Term(field, name)), Occur.SHOULD);
        }

        foreach (var e in _abbreviations.Expand(name))
        {
            nameQuery.Add(new TermQuery(new Term(KbFields.ProductExact, e.Product.ToLowerInvariant())), Occur.SHOULD);
        }

        var versionQuery = new BooleanQuery();
        foreach (var v in VersionForms(version))
        {
            versionQuery.Add(new TermQuery(new Term(KbFields.Title, v)), Occur.SHOULD);
            versionQuery.Add(new TermQuery(new Term(KbFields.Body, v)), Occur.SHOULD);
            versionQuery.Add(new TermQuery(new Term(KbFields.Version, v)), Occur.SHOULD);
        }

        both.Add(nameQuery, Occur.MUST);
        both.Add(versionQuery, Occur.MUST);
        query.Add(both, Occur.SHOULD);
    }

    /// <summary><c>4</c> is written <c>4.0</c> in articles; <c>95</c> and <c>97</c> stay as they are.</summary>
    private static IEnumerable<string> VersionForms(string version)
    {
        yield return version;
        if (version.Length == 1)
        {
            yield return version + ".0";
        }
        else if (version.Length == 2 && version[0] != '9')
        {
            yield return version[0] + "." + version[1];
        }
    }

    /// <summary>
    /// "upgrade from SMS 1.2 to 2.0", "migrate Exchange 5.5 to 2000": articles about that path name
    /// both ends, usually close together in the title ("Version 1.2 to 2.0 ... Upgrade").
    /// </summary>
    private void AddUpgradePath(BooleanQuery query, BooleanQuery highlight, string free)
    {
        var m = UpgradePath().Match(free);
        if (!m.Success)
        {
            return;
        }

        var from = KbAnalyzers.Terms(_analyzer, KbFields.Title, m.Groups["from"].Value);
        var to = KbAnalyzers.Terms(_analyzer, KbFields.Title, m.Groups["to"].Value);
        if (from.Count == 0 || to.Count == 0)
        {
            return;
        }

        // Each end's version is its most specific word ("sms 1.2 clients" -> 1.2), else its last word.
        var path = new[] { Specific(from), Specific(to) };
        var titlePath = Phrase(KbFields.Title, path, slop: 3, boost: 4f);
        query.Add(titlePath, Occur.SHOULD);
        query.Add(Phrase(KbFields.Summary, path, slop: 4, boost: 2f), Occur.SHOULD);
        query.Add(Phrase(KbFields.Body, path, slop: 4, boost: 1f), Occur.SHOULD);
        highlight.Add(titlePath, Occur.SHOULD);
        foreach (var v in to.Where(t => char.IsAsciiDigit(t[0])))
        {
            query.Add(new TermQuery(new Term(KbFields.Version, v)) { Boost = 0.5f }, Occur.SHOULD);
        }
    }

    private static string Specific(List<string> words) => words.LastOrDefault(w => char.IsAsciiDigit(w[0])) ?? words[^1];

    [GeneratedRegex(@"[\p{L}\p{Nd}]+(?:[._][\p{L}\p{Nd}]+)*")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?<name>[a-z]{2,})(?<version>\d{1,2})$")]
    private static partial Regex Glued();

    [GeneratedRegex(@"\bfrom\s+(?<from>.+?)\s+to\s+(?<to>.+?)\s*(?:$|[,;?!]|\s(?:using|with|on|in|without|for)\s)|\b(?:upgrad\w*|migrat\w*|convert\w*|mov\w*)\s+(?<from>(?!from\b).+?)\s+to\s+(?<to>.+?)\s*(?:$|[,;?!]|\s(?:using|with|on|in|without|for)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex UpgradePath();
}
