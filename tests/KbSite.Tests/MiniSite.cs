using Kb.Site;

namespace Kb.Site.Tests;

/// <summary>A throwaway site: articles written from inline text into a temp folder, built into <c>_site</c> beside them.</summary>
public sealed class MiniSite : IDisposable
{
    public MiniSite()
    {
        Root = Directory.CreateTempSubdirectory("kb-site-").FullName;
        Content = Path.Combine(Root, "content", "kb");
        Output = Path.Combine(Root, "_site");
        Directory.CreateDirectory(Content);
    }

    public string Root { get; }
    public string Content { get; }
    public string Output { get; }

    /// <summary>Writes an article in the archive's form; <paramref name="body"/> is the fixed-width text (tab-indented here).</summary>
    public MiniSite Article(string id, string title, string body, string? permalink = null)
    {
        var digits = id.TrimStart('Q');
        var dir = Path.Combine(Content, digits[..3], id);
        Directory.CreateDirectory(dir);
        var lines = body.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => "\t" + l);
        var text = $"""
            ---
            layout: page
            title: "{id}: {title.Replace("\"", "\\\"", StringComparison.Ordinal)}"
            permalink: {permalink ?? $"/kb/{digits[..3]}/{id}/"}
            ---

            ## {id}: {title}

            {"\t"}Article: {id}
            {"\t"}Product(s): Microsoft Testing Server
            {"\t"}Version(s): winnt:1.0
            {"\t"}Last Modified: 08-MAY-1999

            """ + string.Join('\n', lines) + "\n";
        File.WriteAllText(Path.Combine(dir, "README.md"), text);
        return this;
    }

    public Task<SiteBuildResult> BuildAsync(string? theme = null, string baseUrl = "/") =>
        KbSiteBuilder.BuildAsync(new SiteOptions { Source = Content, OutputDir = Output, ThemeDir = theme, BaseUrl = baseUrl, MaxParallelism = 2, StrictTemplates = true });

    public string Read(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A background removal of an old output may still be running.
        }
    }
}
