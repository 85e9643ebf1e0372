using System.Text.RegularExpressions;
using Kb.Index.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Kb.Index.Search;

/// <summary>Query expansions: learned product abbreviations and upgrade paths (definitions, shorthand and upgrade words are alternatives inside a word's BM25F term).</summary>
internal sealed partial class KbQueryBuilder
{
    /// <summary>
    /// The products a word abbreviates (<c>sms</c> → Microsoft Systems Management Server), by the share of the
    /// tag's articles that name them; a glued word with no expansion of its own (<c>sms2</c>, <c>ppt95</c>)
    /// takes its name part's.
    /// </summary>
    private void AddAbbreviations(BooleanQuery query, string free)
    {
        if (_ranking.AbbreviationBoost <= 0)
        {
            return;
        }

        foreach (Match m in WordPattern().Matches(free))
        {
            var word = m.Value.ToLowerInvariant();
            if (KbStopWords.Words.Contains(word))
            {
                continue;
            }

            // A glued name and version ("sms2", "ppt95") names the product its name abbreviates.
            var expansions = _abbreviations.Expand(word);
            if (expansions.Count == 0 && Shorthand.TrySplit(word, out var name, out _) && !KbStopWords.Words.Contains(name))
            {
                expansions = _abbreviations.Expand(name);
            }

            foreach (var e in expansions)
            {
                query.Add(new TermQuery(new Term(KbFields.ProductExact, e.Product.ToLowerInvariant())) { Boost = (float)(_ranking.AbbreviationBoost * e.Share) }, Occur.SHOULD);
            }
        }
    }

    /// <summary>
    /// "upgrade from SMS 1.2 to 2.0", "migrate Exchange 5.5 to 2000": articles about that path name
    /// both ends, usually close together in the title ("Version 1.2 to 2.0 ... Upgrade").
    /// </summary>
    private void AddUpgradePath(BooleanQuery query, BooleanQuery highlight, string free)
    {
        var m = UpgradePath().Match(free);
        if (_ranking.UpgradePathBoost <= 0 || !m.Success)
        {
            return;
        }

        // Each end is the few words next to "to": "upgrading sms 1.2 parent to 2.0 server" -> "sms 1.2 parent", "2.0 server".
        var fromWords = WordPattern().Matches(m.Groups["from"].Value).Select(w => w.Value.ToLowerInvariant()).TakeLast(MaxEndWords).ToList();
        var toWords = WordPattern().Matches(m.Groups["to"].Value).Select(w => w.Value.ToLowerInvariant()).Take(MaxEndWords).ToList();
        var from = End(fromWords);
        var to = End(toWords);
        if (from is null || to is null || from == to)
        {
            return;
        }

        var path = new[] { from, to };
        var titlePath = Phrase(KbFields.Title, path, slop: 3, boost: _ranking.UpgradePathBoost);
        query.Add(titlePath, Occur.SHOULD);
        query.Add(Phrase(KbFields.Summary, path, slop: 4, boost: _ranking.UpgradePathBoost / 2), Occur.SHOULD);
        query.Add(Phrase(KbFields.Body, path, slop: 4, boost: _ranking.UpgradePathBoost / 4), Occur.SHOULD);
        highlight.Add(titlePath, Occur.SHOULD);
        if (char.IsAsciiDigit(to[0]))
        {
            query.Add(new TermQuery(new Term(KbFields.Version, to)) { Boost = _ranking.UpgradePathBoost / 8 }, Occur.SHOULD);
        }
    }

    private const int MaxEndWords = 3;

    /// <summary>
    /// The word that names an end of an upgrade path: its version ("sms 1.2 clients" → 1.2, "nt4" → 4.0),
    /// else a product the index knows by a short name (a learned abbreviation such as <c>sms</c>, or a
    /// shorthand name); null when the end is neither ("from 2.0 to windows" is no path).
    /// </summary>
    private string? End(List<string> words)
    {
        string? product = null;
        for (var i = words.Count - 1; i >= 0; i--)
        {
            var w = words[i];
            if (KbStopWords.Words.Contains(w))
            {
                continue;
            }

            if (char.IsAsciiDigit(w[0]))
            {
                return w;
            }

            if (Shorthand.TrySplit(w, out var name, out var version) && (_abbreviations.Shorthands.ContainsKey(name) || _abbreviations.Expand(name).Count > 0))
            {
                return Shorthand.VersionForms(version)[0];
            }

            if (product is null && (_abbreviations.Expand(w).Count > 0 || _abbreviations.Shorthands.ContainsKey(w)))
            {
                product = KbAnalyzers.Terms(_analyzer, KbFields.Title, w).FirstOrDefault();
            }
        }

        return product;
    }

    /// <summary>A word as the tokenizer reads it.</summary>
    [GeneratedRegex(@"[\p{L}\p{Nd}]+(?:[._][\p{L}\p{Nd}]+)*")]
    internal static partial Regex WordPattern();

    [GeneratedRegex(@"\bfrom\s+(?<from>.+?)\s+to\s+(?<to>.+?)\s*(?:$|[,;?!]|\s(?:using|with|on|in|without|for)\s)|\b(?:upgrad\w*|migrat\w*|convert\w*|mov\w*)\s+(?<from>(?!from\b).+?)\s+to\s+(?<to>.+?)\s*(?:$|[,;?!]|\s(?:using|with|on|in|without|for)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex UpgradePath();
}
