using System.Text.RegularExpressions;
using Kb.Parser.Model;

namespace Kb.Parser.Options;

/// <summary>
/// The conditions a problem article's CAUSE states ("This problem occurs if/when X", "only if X", "when the
/// following conditions are true:" and a list), or failing those the explicit if/when clauses of SYMPTOMS.
/// They say when the article's resolutions and workarounds apply, so each such option inherits them.
/// </summary>
internal static partial class ProblemConditions
{
    /// <summary>At most this many conditions come from one section: a long CAUSE is an explanation, not a checklist.</summary>
    private const int MaxConditions = 6;

    /// <summary>The CAUSE's and the SYMPTOMS' conditions of one article, each read once for both inheritance and triage.</summary>
    public sealed class ProblemClauses(ArticleRecord record)
    {
        private List<ParsedCondition>? _cause;
        private List<ParsedCondition>? _symptoms;

        private string _causeLogic = "all";
        private string _symptomsLogic = "all";

        public List<ParsedCondition> Cause => _cause ??= Find(record, "CAUSE") is { } s ? Read(s, out _causeLogic) : [];

        public List<ParsedCondition> Symptoms => _symptoms ??= Find(record, "SYMPTOM") is { } s ? Read(s, out _symptomsLogic) : [];

        /// <summary>What resolutions and workarounds inherit: the CAUSE's conditions, or failing those the SYMPTOMS'.</summary>
        public List<ParsedCondition> Inherited => Cause.Count > 0 ? Cause : Symptoms;

        /// <summary>"any" when the inherited conditions are alternatives ("for any of the following reasons:").</summary>
        public string InheritedLogic => Cause.Count > 0 ? _causeLogic : Symptoms.Count > 0 ? _symptomsLogic : "all";
    }

    /// <summary>
    /// Resolutions and workarounds apply when the CAUSE's (or failing that the SYMPTOMS') conditions hold: each
    /// inherits them before its own. Options the article labels Option/Method carry their own selectors and do not.
    /// </summary>
    public static void Inherit(ProblemClauses clauses, List<OptionCandidate> found)
    {
        List<ParsedCondition>? inherited = null;
        for (var i = 0; i < found.Count; i++)
        {
            var c = found[i];
            if (c.Kind is not (OptionKinds.Resolution or OptionKinds.Workaround))
            {
                continue;
            }

            inherited ??= clauses.Inherited;
            if (inherited.Count == 0)
            {
                return;
            }

            var own = c.Conditions.Where(x => !inherited.Any(y => string.Equals(x.Statement, y.Statement, StringComparison.OrdinalIgnoreCase)));
            found[i] = c with { Conditions = [.. inherited, .. own], Logic = c.Conditions.Count == 0 ? clauses.InheritedLogic : c.Logic };
        }
    }

    /// <summary>A short message the SYMPTOMS section quotes (an error box's text), when it has one of at most 12 words.</summary>
    public static string? QuotedMessage(ArticleRecord record)
    {
        if (Find(record, "SYMPTOM") is not { } symptoms)
        {
            return null;
        }

        foreach (var b in symptoms.Blocks)
        {
            if (b is PreformattedBlock pre)
            {
                var lines = pre.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var message = string.Join(' ', lines);
                var words = message.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                return words is >= 2 and <= 12 && message.Length <= 100 && !message.Contains('"', StringComparison.Ordinal)
                    && !message.Contains("...", StringComparison.Ordinal) ? TextUtil.TrimSentenceEnd(message) : null;
            }
        }

        return null;
    }

    private static Section? Find(ArticleRecord record, string heading) =>
        record.Sections.FirstOrDefault(s => s.Heading is { } h && h.StartsWith(heading, StringComparison.OrdinalIgnoreCase));

    private static List<ParsedCondition> Read(Section section, out string logic)
    {
        logic = "all";
        var result = new List<ParsedCondition>();
        var blocks = section.Blocks;
        for (var i = 0; i < blocks.Count && result.Count < MaxConditions; i++)
        {
            if (blocks[i] is not ParagraphBlock p)
            {
                continue;
            }

            // "... occurs when the following conditions are true:" followed by a list: each item is a condition.
            if (FollowingConditions().IsMatch(p.Text) && i + 1 < blocks.Count && blocks[i + 1] is ListBlock list)
            {
                logic = AnyOfFollowing().IsMatch(p.Text) && list.Items.Count > 1 ? "any" : logic;
                foreach (var item in list.Items)
                {
                    AddClause(result, TextUtil.TrimSentenceEnd(item.Text));
                }

                i++;
                continue;
            }

            // "This behavior can occur on a multiple processor FTP server because ...": the kind of computer is a condition.
            if (p.Text.Contains("occur", StringComparison.Ordinal) && OccursOn().Match(p.Text) is { Success: true } on)
            {
                var computer = on.Groups["x"].Value;
                result.Add(new ParsedCondition("The computer is " + computer, true, "on " + computer));
            }

            // Most paragraphs hold no "if" or "when" at all: skip them before splitting sentences.
            if (p.Text.AsSpan().IndexOfAny(IntroducerWords) < 0)
            {
                continue;
            }

            foreach (var sentence in TextUtil.Sentences(p.Text))
            {
                foreach (var clause in Clauses(sentence))
                {
                    AddClause(result, clause);
                }
            }
        }

        return result.Count > MaxConditions ? result[..MaxConditions] : result;
    }

    /// <summary>Every introducer <see cref="Introducer"/> matches contains one of these (case-insensitively).</summary>
    private static readonly System.Buffers.SearchValues<string> IntroducerWords =
        System.Buffers.SearchValues.Create(["if ", "if\n", "when"], StringComparison.OrdinalIgnoreCase);

    private static void AddClause(List<ParsedCondition> into, string clause)
    {
        foreach (var c in ConditionParser.Parse(clause, out _))
        {
            if (c.Statement.Length >= 8 && !into.Any(x => string.Equals(x.Statement, c.Statement, StringComparison.OrdinalIgnoreCase)))
            {
                into.Add(c);
            }
        }
    }

    /// <summary>The conditional clauses of one sentence, without their introducers.</summary>
    internal static IEnumerable<string> Clauses(string sentence)
    {
        foreach (Match m in Introducer().Matches(sentence))
        {
            var start = m.Index + m.Length;
            var rest = sentence[start..];
            // "When X, Y": a clause that opens the sentence ends at its comma; one inside the sentence runs to its end.
            var atStart = m.Index == 0 || sentence[..m.Index].Trim().Length == 0;
            var end = atStart ? OpeningClauseEnd(rest) : ClosingClauseEnd(rest);
            var clause = TextUtil.TrimSentenceEnd(rest[..end]);
            if (clause.Length >= 6 && clause.Length <= 240 && !NotAClause().IsMatch(clause) && !UiStep().IsMatch(clause))
            {
                yield return clause;
            }
        }
    }

    private static int OpeningClauseEnd(string rest)
    {
        var comma = rest.IndexOf(", ", StringComparison.Ordinal);
        return comma > 0 ? comma : rest.Length;
    }

    private static int ClosingClauseEnd(string rest)
    {
        var m = ClauseBreak().Match(rest);
        return m.Success ? m.Index : rest.Length;
    }

    [GeneratedRegex(@"(?<![Ee]ven |[Aa]s |[Oo]nly even )\b(?:[Oo]nly (?:if|when)|[Ii]f|[Ww]hen(?:ever)?)\s+(?!(?:any|necessary|possible|needed|so|not|applicable|required|this|that)\b)")]
    private static partial Regex Introducer();

    [GeneratedRegex(@",\s+(?:which|because|so|but|and then|for example|such as)\b|;|\s+\((?:for example|e\.g\.)")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"^(?:the|a|an|it|this|that|they|these)\s+(?:is|are|was|were)\s+(?:not\s+)?(?:the case|true|so)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotAClause();

    /// <summary>"you click OK", "you press ENTER": a step of the reproduction, not the reader's situation.</summary>
    [GeneratedRegex(@"^you\s+(?:click|press|type|choose|select|double-click|right-click|tap)\s+(?:\S+\s*){1,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex UiStep();

    [GeneratedRegex(@"\bfollowing\s+(?:conditions|circumstances|are true|situations|reasons|causes)|\bone of the following (?:is|are) true|\ball of the following", RegexOptions.IgnoreCase)]
    private static partial Regex FollowingConditions();

    [GeneratedRegex(@"\b(?:problem|behavior|behaviour|issue|error)\s+(?:(?:can|may|might|will|only)\s+)*occurs?\s+(?:only\s+)?on\s+(?<x>an?\s+(?:[\w-]+\s+){0,6}?(?:computer|server|workstation|machine|controller|cluster|node))(?=\s+(?:because|when|if|after|while|that|running)\b|[,.;]|$)")]
    private static partial Regex OccursOn();

    [GeneratedRegex(@"\b(?:any|one|either)\s+of\s+the\s+following\s+(?:reasons|causes|conditions|circumstances|situations)|\bone of the following (?:is|are) true", RegexOptions.IgnoreCase)]
    private static partial Regex AnyOfFollowing();
}
