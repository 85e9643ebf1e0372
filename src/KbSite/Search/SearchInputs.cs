using Kb.Site.Build;
using Kb.Site.Catalog;
using Kb.Site.Output;

namespace Kb.Site.Search;

/// <summary>
/// Whether the previous build's search files can stand: they are made from the articles alone (their
/// sources, catalog positions, ids, titles, URLs, products and excerpts) and the code that indexes and
/// exports them, so a build whose fingerprint of those matches the previous one links the files.
/// </summary>
internal static class SearchInputs
{
    /// <summary>The fingerprint of everything the search files are made from.</summary>
    public static string Fingerprint(SiteCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return BuildState.Fingerprint(Parts(catalog));
    }

    private static IEnumerable<string?> Parts(SiteCatalog catalog)
    {
        yield return "search " + SearchExporter.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Any change to the parser, the index or the site code (a new build of kb) makes a new export.
        yield return typeof(Kb.Parser.KbArticleParser).Assembly.ManifestModule.ModuleVersionId.ToString();
        yield return typeof(Kb.Index.Export.SearchExport).Assembly.ManifestModule.ModuleVersionId.ToString();
        yield return typeof(SearchInputs).Assembly.ManifestModule.ModuleVersionId.ToString();
        foreach (var a in catalog.Articles)
        {
            yield return a.Rendered ? a.Id : "-";
            yield return a.SourceHash;
            yield return a.Url;
            yield return a.Title;
            yield return a.Excerpt;
            yield return string.Join('\u0002', a.Products);
        }
    }

    /// <summary>
    /// The fingerprint of what numbers the search files: each position's file, id and whether it is
    /// rendered, and each product filter's number and articles. While it stands, a change can be exported
    /// incrementally (<see cref="SearchUpdate"/>); an addition or a deletion moves it.
    /// </summary>
    public static string Layout(SiteCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return BuildState.Fingerprint(LayoutParts(catalog));
    }

    private static IEnumerable<string?> LayoutParts(SiteCatalog catalog)
    {
        yield return catalog.Articles.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var a in catalog.Articles)
        {
            yield return a.Key + " " + (a.Rendered ? a.Id : "-");
        }

        foreach (var p in catalog.Products)
        {
            yield return "\u0002" + p.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + p.Name + " "
                + string.Join(',', p.Articles.Select(a => a.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>Links the previous build's search files when the fingerprint matches and every one of them is there; null otherwise.</summary>
    public static SearchExportStats? TryReuse(BuildState previous, string fingerprint, SiteWriter writer)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(writer);
        if (previous.Search is not { Files.Count: > 0 } search || previous.SearchFingerprint != fingerprint
            || !search.Files.All(f => File.Exists(Path.Combine(writer.PreviousDir, f))))
        {
            return null;
        }

        foreach (var f in search.Files)
        {
            if (!writer.TryReuse(f))
            {
                throw new SiteBuildException($"the previous build's search file {f} disappeared during the build");
            }
        }

        return search with { Reused = true };
    }
}
