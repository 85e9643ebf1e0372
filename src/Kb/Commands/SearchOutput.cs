using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Kb.Index.Search;
using Kb.Parser.Model;

namespace Kb.Cli.Commands;

/// <summary>Renders search results for people (text) or programs (JSON).</summary>
internal static class SearchOutput
{
    private const int FacetValuesShown = 8;

    public static string Text(SearchResults results, bool ansi)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var rank = 0;
        foreach (var hit in results.Hits)
        {
            rank++;
            sb.AppendLine(c, $"{rank,2}. {hit.Id}  {hit.Title}  ({hit.Score:F2})");
            sb.AppendLine(c, $"    {string.Join("; ", hit.Products)} | {hit.Kind} | {hit.LastModified ?? "no date"}{(hit.Record.Options.Count switch { 0 => "", 1 => " | 1 option", var n => $" | {n} options" })}");
            foreach (var s in hit.Snippets)
            {
                sb.AppendLine(c, $"    {Plain(s, ansi)}");
            }
        }

        sb.AppendLine(c, $"{results.TotalHits} matching articles{(results.TotalHits > results.Hits.Count ? $", {results.Hits.Count} shown" : "")}");
        Facet(sb, "products", results.Facets.Products);
        Facet(sb, "kinds", results.Facets.Kinds);
        Facet(sb, "years", results.Facets.Years);
        return sb.ToString();
    }

    public static string Json(string query, SearchResults results)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("query", query);
            w.WriteNumber("total", results.TotalHits);
            w.WriteStartArray("hits");
            foreach (var hit in results.Hits)
            {
                w.WriteStartObject();
                w.WriteString("id", hit.Id);
                w.WriteString("title", hit.Title);
                w.WriteNumber("score", Math.Round(hit.Score, 4));
                Strings(w, "products", hit.Products);
                w.WriteString("lastModified", hit.LastModified);
                w.WriteString("kind", hit.Kind);
                w.WriteString("permalink", hit.Permalink);
                Strings(w, "snippets", hit.Snippets);
                w.WritePropertyName("options");
                JsonSerializer.Serialize(w, hit.Record.Options, KbJson.Options);
                w.WritePropertyName("factors");
                JsonSerializer.Serialize(w, hit.Record.Factors, KbJson.Options);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("facets");
            Facets(w, "products", results.Facets.Products);
            Facets(w, "kinds", results.Facets.Kinds);
            Facets(w, "years", results.Facets.Years);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>A snippet for the terminal: entities decoded, matches bold (or «marked» when not a terminal).</summary>
    private static string Plain(string snippet, bool ansi)
    {
        var open = ansi ? "\u001b[1;33m" : "«";
        var close = ansi ? "\u001b[0m" : "»";
        return WebUtility.HtmlDecode(snippet.Replace("<mark>", open, StringComparison.Ordinal).Replace("</mark>", close, StringComparison.Ordinal));
    }

    private static void Facet(StringBuilder sb, string name, IReadOnlyList<FacetValue> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var shown = values.Take(FacetValuesShown).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Value} ({v.Count})"));
        sb.Append("  ").Append(name).Append(": ").Append(string.Join(", ", shown)).AppendLine(values.Count > FacetValuesShown ? ", ..." : "");
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Facets(Utf8JsonWriter w, string name, IReadOnlyList<FacetValue> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStartObject();
            w.WriteString("value", v.Value);
            w.WriteNumber("count", v.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
