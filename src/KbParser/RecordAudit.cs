using System.Text;
using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser;

/// <summary>
/// Checks the "nothing lost" guarantee for one article: every non-blank body line is owned
/// by exactly one element of the record, and each element holds the words of its lines.
/// </summary>
public static class RecordAudit
{
    /// <summary>Checks a record against the article's bytes, decoded as the parser decodes them.</summary>
    public static IReadOnlyList<string> Check(ReadOnlySpan<byte> source, ArticleRecord record) =>
        Check(SourceDecoder.Decode(source, []), record);

    /// <summary>Returns the problems found (empty when the record accounts for every line).</summary>
    public static IReadOnlyList<string> Check(string text, ArticleRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var problems = new List<string>();
        var doc = DocumentSplitter.Split(text.Replace("\0", "", StringComparison.Ordinal), []);
        var byNumber = doc.Body.ToDictionary(l => l.Number);
        var owner = new Dictionary<int, string>();

        void Own(LineSpan span, string element, IEnumerable<string> content, bool ownsWholeSpan = true)
        {
            var source = new StringBuilder();
            for (var n = span.Start; n <= span.End; n++)
            {
                if (!byNumber.TryGetValue(n, out var line))
                {
                    problems.Add($"{element} claims line {n}, which is not in the body");
                    continue;
                }

                if (line.IsBlank)
                {
                    continue;
                }

                if (owner.TryGetValue(n, out var other))
                {
                    problems.Add($"line {n} is owned by both {other} and {element}");
                }

                owner[n] = element;
                source.Append(line.Text).Append(' ');
            }

            if (!ownsWholeSpan)
            {
                return;
            }

            var expected = Words(source.ToString());
            var actual = Words(string.Join(' ', content));
            if (!expected.SequenceEqual(actual, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{element} at lines {span.Start}-{span.End} does not hold the words of its lines");
            }
        }

        foreach (var h in record.Header)
        {
            Own(new LineSpan(h.Line, h.Line), "header field " + h.Name, [h.Name, h.Value]);
        }

        foreach (var a in record.AppliesTo)
        {
            Own(a.Lines, "applies-to entry", [a.Text], ownsWholeSpan: false);
        }

        foreach (var f in record.Frame)
        {
            Own(new LineSpan(f.Line, f.Line), "frame line", [f.Text]);
        }

        // Metadata and query-word lines may stand in several places; their words are compared as a whole.
        var metadataSource = new StringBuilder();
        foreach (var span in record.MetadataLines)
        {
            Own(span, "metadata", [], ownsWholeSpan: false);
            AppendLines(metadataSource, span);
        }

        // A key repeated in the block is stored once with its values joined, so compare distinct words here.
        CompareBag("metadata", metadataSource.ToString(), record.Metadata.SelectMany(kv => new[] { kv.Key, kv.Value }), distinct: true);
        var querySource = new StringBuilder();
        foreach (var span in record.QueryWordsLines)
        {
            Own(span, "query words", [], ownsWholeSpan: false);
            AppendLines(querySource, span);
        }

        CompareBag("query words", querySource.ToString(),
            record.QueryWordsLines.Select(_ => "Additional query words").Concat(record.AdditionalQueryWords));

        foreach (var s in record.Sections)
        {
            OwnSection(s);
        }

        foreach (var line in doc.Body)
        {
            if (!line.IsBlank && !owner.ContainsKey(line.Number))
            {
                problems.Add($"line {line.Number} is not accounted for: {Clip(line.Trimmed)}");
            }
        }

        return problems;

        void AppendLines(StringBuilder sb, LineSpan span)
        {
            for (var n = span.Start; n <= span.End; n++)
            {
                if (byNumber.TryGetValue(n, out var line))
                {
                    sb.Append(line.Text).Append(' ');
                }
            }
        }

        void CompareBag(string element, string source, IEnumerable<string> content, bool distinct = false)
        {
            var expected = Words(source).Select(w => w.ToUpperInvariant()).Order(StringComparer.Ordinal).ToList();
            var actual = Words(string.Join(' ', content)).Select(w => w.ToUpperInvariant()).Order(StringComparer.Ordinal).ToList();
            if (distinct)
            {
                expected = expected.Distinct(StringComparer.Ordinal).ToList();
                actual = actual.Distinct(StringComparer.Ordinal).ToList();
            }

            if (!expected.SequenceEqual(actual, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{element} does not hold the words of its lines");
            }
        }

        void OwnSection(Section s)
        {
            if (s.HeadingLines is { } hl)
            {
                Own(hl, "heading", [s.Heading ?? ""]);
            }

            foreach (var b in s.Blocks)
            {
                OwnBlock(b);
            }

            foreach (var sub in s.Subsections)
            {
                OwnSection(sub);
            }
        }

        void OwnBlock(Block b)
        {
            switch (b)
            {
                case ParagraphBlock p:
                    Own(p.Lines, "paragraph", [p.Text]);
                    break;
                case PreformattedBlock pre:
                    Own(pre.Lines, "preformatted", [pre.Text]);
                    break;
                case NoteBlock n:
                    Own(n.Lines, "note", [n.Label, n.Text]);
                    break;
                case ReferencesBlock r:
                    Own(r.Lines, "references", [r.Text]);
                    break;
                case ListBlock l:
                    foreach (var item in l.Items)
                    {
                        Own(item.Lines, "list item", [item.Marker, item.Text]);
                        foreach (var nested in item.Blocks)
                        {
                            OwnBlock(nested);
                        }
                    }

                    break;
            }
        }
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..60] + "...";

    /// <summary>The letter-and-digit runs of a text: what a reader would call its words.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return words;
    }
}
