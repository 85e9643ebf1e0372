using System.Net;
using System.Text;
using Kb.Parser.Body;
using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser;

/// <summary>
/// Parses one KnowledgeBase article (Markdown with front matter, an H2 title and the
/// tab-indented fixed-width text) into an <see cref="ArticleRecord"/>. Stateless and
/// thread-safe; oddities become diagnostics, never exceptions.
/// </summary>
public static partial class KbArticleParser
{
    /// <summary>Lines longer than this are kept but reported.</summary>
    public const int LongLineLimit = 64 * 1024;

    /// <summary>Parses article text; <paramref name="sourcePath"/> is recorded and used to infer the id when the text has none.</summary>
    public static ArticleRecord Parse(string text, string? sourcePath = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.NulBytes, 0, "NUL characters removed"));
            text = text.Replace("\0", "", StringComparison.Ordinal);
        }

        return ParseText(text, sourcePath, diagnostics);
    }

    /// <summary>Parses article bytes: UTF-8, with Windows-1252 and NUL repairs reported as diagnostics.</summary>
    public static ArticleRecord Parse(ReadOnlySpan<byte> bytes, string? sourcePath = null)
    {
        var diagnostics = new List<Diagnostic>();
        var text = SourceDecoder.Decode(bytes, diagnostics);
        return ParseText(text, sourcePath, diagnostics);
    }

    /// <summary>
    /// Parses article bytes of any form into every article they hold: one record, except for a 1993-style
    /// file of several articles, which gives one per article (source paths <c>path#1</c>, <c>path#2</c> ...).
    /// </summary>
    public static IReadOnlyList<ArticleRecord> ParseAll(ReadOnlySpan<byte> bytes, string? sourcePath = null)
    {
        var diagnostics = new List<Diagnostic>();
        var text = SourceDecoder.Decode(bytes, diagnostics);
        if (Forms.FormReader.Detect(text) is var form && form != Forms.SourceForms.Markdown)
        {
            return Forms.FormReader.Read(text, form, sourcePath, diagnostics);
        }

        return [ParseText(text, sourcePath, diagnostics)];
    }

    private static ArticleRecord ParseText(string text, string? sourcePath, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.EmptyFile, 0, "the file is empty"));
        }

        if (Forms.FormReader.Detect(text) is var form && form != Forms.SourceForms.Markdown)
        {
            return Forms.FormReader.Read(text, form, sourcePath, diagnostics)[0];
        }

        var doc = DocumentSplitter.Split(text, diagnostics);
        return Build(doc, sourcePath, diagnostics, text.Length > 0);
    }

    /// <summary>
    /// Builds the record from an article's parts: the title (front matter or heading) and the body
    /// lines, which open with the header block. Every form's reader ends here.
    /// </summary>
    internal static ArticleRecord Build(ArticleDocument doc, string? sourcePath, List<Diagnostic> diagnostics, bool hasText)
    {
        ReportLongLines(doc, diagnostics);
        var body = BodyParser.Parse(doc.Body, diagnostics);
        if (body.Sections.Count == 0 && hasText)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.NoBody, 0, "the article has no body text"));
        }

        // A repeated header field keeps its first value (the raw list in Header keeps every line).
        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in body.Header)
        {
            header.TryAdd(h.Name, h.Value);
        }

        doc.FrontMatter.TryGetValue("title", out var fmTitle);
        var rawTitle = WebUtility.HtmlDecode(fmTitle ?? doc.Heading ?? "");
        var (titleId, title) = SplitTitle(rawTitle);
        if (title.Length == 0 && doc.Heading is not null)
        {
            (_, title) = SplitTitle(WebUtility.HtmlDecode(doc.Heading));
        }

        var id = ResolveId(header, titleId, doc, sourcePath, diagnostics);

        var osColumns = header.TryGetValue("Operating System(s)", out var os) ? HeaderValues.OsColumns(os) : [];
        var versions = header.TryGetValue("Version(s)", out var v) ? HeaderValues.ParseVersions(v, osColumns) : [];
        string? lastModified = null;
        if (header.TryGetValue("Last Modified", out var lm))
        {
            lastModified = HeaderValues.ParseDate(lm);
            if (lastModified is null)
            {
                var line = body.Header.First(h => h.Name.Equals("Last Modified", StringComparison.OrdinalIgnoreCase)).Line;
                diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.UnreadableDate, line, $"cannot read date '{lm}'"));
            }
        }

        var products = Products(header, body.AppliesTo);
        var record = new ArticleRecord
        {
            Id = id,
            Title = title,
            TitlePrefix = TitlePrefix(title),
            Permalink = doc.FrontMatter.TryGetValue("permalink", out var p) ? p : null,
            SourcePath = sourcePath,
            Products = products,
            Versions = versions,
            OperatingSystems = osColumns.Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            Keywords = header.TryGetValue("Keyword(s)", out var kw) ? HeaderValues.SplitList(kw, ' ', '\t', '|') : [],
            LastModified = lastModified,
            AppliesTo = body.AppliesTo,
            Header = body.Header,
            Sections = body.Sections,
            References = References.Collect(id, body.Sections),
            Metadata = body.Metadata,
            MetadataLines = body.MetadataLines,
            AdditionalQueryWords = body.QueryWords,
            QueryWordsLines = body.QueryWordsLines,
            Frame = body.Frame,
            Diagnostics = diagnostics,
        };
        record = record with { Kind = ArticleKind.Classify(record) };
        record = record with { ProductFamilies = Kb.Parser.Products.ProductFamilies.From(record) };
        var (extracted, factors) = Options.OptionExtractor.Extract(record);
        return record with { Options = extracted, Factors = factors };
    }

    private static IReadOnlyList<string> Products(Dictionary<string, string> header, List<AppliesToEntry> appliesTo)
    {
        if (header.TryGetValue("Product(s)", out var value) && value.Length > 0
            && !value.Equals("See article", StringComparison.OrdinalIgnoreCase))
        {
            return HeaderValues.SplitList(value, '|', ';');
        }

        // "See article": the applies-to list names the products.
        return appliesTo.Select(a => a.Product).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static string ResolveId(Dictionary<string, string> header, string? titleId, ArticleDocument doc,
        string? sourcePath, List<Diagnostic> diagnostics)
    {
        string? headerId = header.TryGetValue("Article", out var a) && ArticleIds.TryNormalize(a, out var ha) ? ha : null;
        string? pathId = null;
        if (sourcePath is not null)
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(sourcePath) ?? "");
            var file = Path.GetFileNameWithoutExtension(sourcePath);
            pathId = ArticleIds.TryNormalize(folder, out var f) ? f : ArticleIds.TryNormalize(file, out var g) ? g : null;
        }

        string? permalinkId = doc.FrontMatter.TryGetValue("permalink", out var pl) ? ArticleIds.FirstIn(pl) : null;
        var id = headerId ?? titleId ?? permalinkId ?? pathId;
        if (id is null)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.NoId, 0, "no article number in header, title, permalink or path"));
            return "";
        }

        foreach (var other in new[] { titleId, permalinkId })
        {
            if (other is not null && other != id)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.IdMismatch, 0, $"article number {other} differs from {id}"));
                break;
            }
        }

        return id;
    }

    /// <summary>Splits "Q199250: SMS: Title" into the number and the title.</summary>
    private static (string? Id, string Title) SplitTitle(string raw)
    {
        var t = raw.Trim();
        var colon = t.IndexOf(':', StringComparison.Ordinal);
        if (colon > 1 && colon <= 9 && ArticleIds.TryNormalize(t[..colon], out var id))
        {
            return (id, t[(colon + 1)..].Trim());
        }

        return (null, t);
    }

    /// <summary>The short product tag before the first colon ("SMS", "XADM", "Mac Wkst", "Err Msg").</summary>
    internal static string? TitlePrefix(string title)
    {
        var colon = title.IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || colon > 24)
        {
            return null;
        }

        var prefix = title[..colon].Trim();
        var words = prefix.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 4 || words.Any(w => !char.IsUpper(w[0]) && !char.IsDigit(w[0])))
        {
            return null;
        }

        return prefix;
    }

    private static void ReportLongLines(ArticleDocument doc, List<Diagnostic> diagnostics)
    {
        foreach (var line in doc.Body)
        {
            if (line.Length > LongLineLimit)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.LongLine, line.Number,
                    $"line of {line.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} characters"));
            }
        }
    }
}
