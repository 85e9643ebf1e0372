using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kb.Parser.Model;
using Kb.Site.Catalog;

namespace Kb.Site.Rendering;

/// <summary>
/// The schema.org <c>TechArticle</c> of an article page, as JSON for a <c>&lt;script type="application/ld+json"&gt;</c>.
/// Written by <see cref="Utf8JsonWriter"/> with the default encoder, which escapes <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c>, so article text cannot close the script element.
/// </summary>
internal static class ArticleJsonLd
{
    public static string Build(ArticleRecord record, ArticleEntry entry)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteString("@type", "TechArticle");
            w.WriteString("headline", entry.Title.Length > 110 ? entry.Title[..110] : entry.Title);
            w.WriteString("identifier", record.Id);
            if (record.LastModified is { } date)
            {
                w.WriteString("dateModified", date);
            }

            if (entry.Excerpt.Length > 0)
            {
                w.WriteString("description", entry.Excerpt);
            }

            w.WriteString("inLanguage", "en");
            if (entry.Products.Count > 0)
            {
                w.WriteStartArray("about");
                foreach (var p in entry.Products)
                {
                    w.WriteStartObject();
                    w.WriteString("@type", "SoftwareApplication");
                    w.WriteString("name", p);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteStartObject("publisher");
            w.WriteString("@type", "Organization");
            w.WriteString("name", "Microsoft");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
