using System.Globalization;
using System.Text;
using Kb.Index.Analysis;
using Kb.Parser.Model;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Kb.Index.Indexing;

/// <summary>Maps one record to one Lucene document; see <see cref="KbFields"/> for the fields.</summary>
public static class ArticleDocumentBuilder
{
    /// <summary>Builds the document for <paramref name="record"/>, whose JSON and hash the caller has already made.</summary>
    public static Document Build(ArticleRecord record, byte[] json, string hash)
    {
        ArgumentNullException.ThrowIfNull(record);
        var doc = new Document
        {
            new StringField(KbFields.Id, record.Id, Field.Store.YES),
            new BinaryDocValuesField(KbFields.Hash, new BytesRef(hash)),
            new StoredField(KbFields.Record, json),
        };
        var text = AddRankedFields(doc, record, TextField.TYPE_NOT_STORED);

        if (record.TitlePrefix is { Length: > 0 } prefix)
        {
            var p = prefix.ToLowerInvariant();
            doc.Add(new StringField(KbFields.Prefix, p, Field.Store.NO));
            doc.Add(new SortedDocValuesField(KbFields.Prefix, new BytesRef(prefix)));
        }

        foreach (var tag in Kb.Index.Analysis.Abbreviations.LearningValues(record.Title, record.TitlePrefix))
        {
            doc.Add(new SortedSetDocValuesField(KbFields.Tag, new BytesRef(tag)));
        }

        foreach (var product in record.Products.Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(KbFields.ProductExact, product.ToLowerInvariant(), Field.Store.NO));
            doc.Add(new SortedSetDocValuesField(KbFields.ProductExact, new BytesRef(product)));
        }

        // Product families, lower-cased, alone and with each version ("windows nt", "windows nt 4.0"): --product matches them exactly.
        foreach (var family in record.ProductFamilies)
        {
            var name = family.Name.ToLowerInvariant();
            doc.Add(new StringField(KbFields.Family, name, Field.Store.NO));
            foreach (var version in family.Versions)
            {
                doc.Add(new StringField(KbFields.Family, name + " " + version.ToLowerInvariant(), Field.Store.NO));
            }
        }

        foreach (var v in record.Versions)
        {
            doc.Add(new StringField(KbFields.Version, v.Version.ToLowerInvariant(), Field.Store.NO));
            if (v.Platform is { Length: > 0 } platform)
            {
                doc.Add(new StringField(KbFields.Version, (platform + ":" + v.Version).ToLowerInvariant(), Field.Store.NO));
            }
        }

        foreach (var k in record.Keywords)
        {
            doc.Add(new StringField(KbFields.Keyword, k.ToLowerInvariant(), Field.Store.NO));
        }

        doc.Add(new StringField(KbFields.Kind, record.Kind, Field.Store.NO));
        doc.Add(new SortedDocValuesField(KbFields.Kind, new BytesRef(record.Kind)));
        if (TryDate(record.LastModified, out var date))
        {
            var ymd = (date.Year * 10000) + (date.Month * 100) + date.Day;
            doc.Add(new Int32Field(KbFields.Modified, ymd, Field.Store.NO));
            doc.Add(new NumericDocValuesField(KbFields.Modified, ymd));
            doc.Add(new Int32Field(KbFields.Year, date.Year, Field.Store.NO));
            doc.Add(new NumericDocValuesField(KbFields.Year, date.Year));
        }

        foreach (var (abbr, words) in Kb.Index.Analysis.Definitions.Find(record.Title + "\n" + text.Summary + "\n" + text.Body).Distinct())
        {
            doc.Add(new SortedSetDocValuesField(KbFields.Tag, new BytesRef("d:" + abbr + "=" + words.ToLowerInvariant())));
        }

        foreach (var (name, words) in Kb.Index.Analysis.Shorthand.Learn(record.AdditionalQueryWords, record.Title, record.Products))
        {
            doc.Add(new SortedSetDocValuesField(KbFields.Tag, new BytesRef("g:" + name + "=" + words)));
        }

        doc.Add(new Int32Field(KbFields.OptionCount, record.Options.Count, Field.Store.NO));
        doc.Add(new NumericDocValuesField(KbFields.OptionCount, record.Options.Count));
        foreach (var r in record.References.Select(r => r.Id.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            doc.Add(new StringField(KbFields.Reference, r, Field.Store.NO));
        }

        return doc;
    }

    /// <summary>
    /// A document of the site build's record store (<see cref="RecordStore"/>): its key (the source
    /// path), the record's JSON stored (Lucene compresses stored fields) so the next build reads records
    /// back instead of parsing articles, and only what ranking needs (<see cref="Export.SearchExport"/>):
    /// the id as sorted doc values, its forms, and the weighted text fields with the same text and
    /// analysis as <see cref="Build"/>, indexed with frequencies only (no positions, no norms). The
    /// export's weights come out the same as from a full document: they use term frequencies and field
    /// lengths only.
    /// </summary>
    public static Document BuildStored(string key, ArticleRecord record, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(record);
        var doc = new Document
        {
            new StringField(KbFields.SourcePath, key, Field.Store.NO),
            new StoredField(KbFields.Record, json),
        };
        AddRankedFields(doc, record, RankedTextType);
        return doc;
    }

    /// <summary>Text fields of a ranking-only document: term frequencies, nothing else.</summary>
    private static readonly FieldType RankedTextType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS, OmitNorms = true });

    /// <summary>
    /// The id forms as one field split at spaces by the index analyzer (<see cref="KbAnalyzers.Create"/>):
    /// the same terms as one <see cref="StringField"/> per form, without a new token stream per form
    /// (Lucene makes one per <see cref="StringField"/>, under a process-wide lock).
    /// </summary>
    private static readonly FieldType IdFormType = Frozen(new FieldType(StringField.TYPE_NOT_STORED) { IsTokenized = true });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>The fields <see cref="Export.SearchExport"/> reads: id doc values, id forms and the weighted text fields.</summary>
    private static ArticleText AddRankedFields(Document doc, ArticleRecord record, FieldType type)
    {
        doc.Add(new SortedDocValuesField(KbFields.Id, new BytesRef(record.Id)));
        doc.Add(new Field(KbFields.IdForm, string.Join(' ', IdForms(record.Id)), IdFormType));

        AddText(doc, KbFields.Title, record.Title, type);
        foreach (var product in record.Products.Distinct(StringComparer.Ordinal))
        {
            AddText(doc, KbFields.Product, product, type);
        }

        var text = ArticleText.From(record);
        AddText(doc, KbFields.Summary, text.Summary, type);
        AddText(doc, KbFields.Heading, text.Headings, type);
        AddText(doc, KbFields.Body, text.Body, type);
        AddText(doc, KbFields.QueryWords, string.Join(' ', record.AdditionalQueryWords), type);
        AddOptions(doc, record, type);
        return text;
    }

    /// <summary>The lower-cased forms an article number is found by: <c>q199250</c>, <c>199250</c>, <c>kb199250</c>.</summary>
    public static IEnumerable<string> IdForms(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var lower = id.ToLowerInvariant();
        var digits = lower.TrimStart('q', 'k', 'b');
        var forms = new HashSet<string>(StringComparer.Ordinal) { lower };
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            var trimmed = digits.TrimStart('0');
            foreach (var d in trimmed.Length > 0 ? new[] { digits, trimmed } : [digits])
            {
                forms.Add(d);
                forms.Add("q" + d);
                forms.Add("kb" + d);
            }
        }

        return forms;
    }

    internal static bool TryDate(string? iso, out DateTime date) =>
        DateTime.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static void AddOptions(Document doc, ArticleRecord record, FieldType type)
    {
        var options = new StringBuilder();
        var conditions = new StringBuilder();
        foreach (var o in record.Options)
        {
            options.Append(o.Title).Append('\n').Append(o.Text).Append("\n\n");
            foreach (var c in o.Conditions)
            {
                conditions.Append(c.Text).Append("\n\n");
            }
        }

        foreach (var f in record.Factors)
        {
            conditions.Append(f.Statement).Append("\n\n");
        }

        AddText(doc, KbFields.Option, options.ToString(), type);
        AddText(doc, KbFields.Condition, conditions.ToString(), type);
    }

    private static void AddText(Document doc, string field, string text, FieldType type)
    {
        if (text.Length > 0)
        {
            doc.Add(new Field(field, text, type));
        }
    }
}
