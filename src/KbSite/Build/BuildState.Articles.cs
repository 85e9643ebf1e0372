using System.Text.Json;
using Kb.Site.Catalog;

namespace Kb.Site.Build;

/// <summary>The articles' part of the build state: one compact object per entry.</summary>
internal sealed partial class BuildState
{
    private void WriteArticles(Utf8JsonWriter w)
    {
        w.WriteString("code", WrittenBy);
        w.WriteString("settings", Settings);
        w.WriteStartObject("sources");
        foreach (var (source, stamp) in Sources.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.WriteString(source, stamp);
        }

        w.WriteEndObject();
        w.WriteStartArray("articles");
        foreach (var a in Articles)
        {
            w.WriteStartObject();
            w.WriteString("k", a.Key);
            w.WriteString("s", a.Stamp);
            w.WriteString("h", a.SourceHash);
            w.WriteString("id", a.Id);
            w.WriteString("t", a.Title);
            w.WriteString("p", a.SourcePath);
            w.WriteString("u", a.Url);
            w.WriteString("f", a.File);
            Strings(w, "pr", a.Products);
            if (a.LastModified is not null)
            {
                w.WriteString("m", a.LastModified);
            }

            w.WriteString("kd", a.Kind);
            if (a.Families.Count > 0)
            {
                // The families and the upgrade summary feed listings and guides without reading the record.
                w.WritePropertyName("fa");
                JsonSerializer.Serialize(w, a.Families);
            }

            if (a.Upgrade is { } upgrade)
            {
                w.WritePropertyName("up");
                JsonSerializer.Serialize(w, upgrade);
            }

            Strings(w, "r", a.References);
            w.WriteString("x", a.Excerpt);
            w.WriteBoolean("ok", a.Renderable);
            w.WriteBoolean("on", a.Rendered);
            if (a.Problem is { } problem)
            {
                w.WriteString("dc", problem.Code);
                w.WriteString("dm", problem.Message);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void ReadArticles(JsonElement root, BuildState state)
    {
        if (!root.TryGetProperty("code", out var code))
        {
            return;
        }

        state.WrittenBy = code.GetString() ?? "";
        state.Settings = root.GetProperty("settings").GetString() ?? "";
        foreach (var p in root.GetProperty("sources").EnumerateObject())
        {
            state.Sources[p.Name] = p.Value.GetString() ?? "";
        }

        foreach (var a in root.GetProperty("articles").EnumerateArray())
        {
            var path = Text(a, "p");
            state.Articles.Add(new ArticleEntry
            {
                Index = state.Articles.Count,
                Key = Text(a, "k"),
                Stamp = Text(a, "s"),
                SourceHash = Text(a, "h"),
                Id = Text(a, "id"),
                Title = Text(a, "t"),
                SourcePath = path,
                Url = Text(a, "u"),
                File = Text(a, "f"),
                Products = List(a, "pr"),
                LastModified = a.TryGetProperty("m", out var m) ? m.GetString() : null,
                Kind = Text(a, "kd"),
                Families = a.TryGetProperty("fa", out var fa) ? fa.Deserialize<List<Kb.Parser.Model.ProductFamily>>() ?? [] : [],
                Upgrade = a.TryGetProperty("up", out var up) ? up.Deserialize<Kb.Parser.Upgrades.UpgradeArticle>() : null,
                References = List(a, "r"),
                Excerpt = Text(a, "x"),
                Renderable = a.GetProperty("ok").GetBoolean(),
                Rendered = a.GetProperty("on").GetBoolean(),
                Problem = a.TryGetProperty("dc", out var dc) ? new SiteDiagnostic(dc.GetString() ?? "", path, Text(a, "dm")) : null,
            });
        }
    }

    private static string Text(JsonElement e, string name) => e.GetProperty(name).GetString() ?? "";

    private static List<string> List(JsonElement e, string name) => e.GetProperty(name).EnumerateArray().Select(v => v.GetString() ?? "").ToList();
}
