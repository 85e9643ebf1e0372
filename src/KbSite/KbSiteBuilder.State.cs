using System.Diagnostics;
using Kb.Parser.Corpus;
using Kb.Site.Build;
using Kb.Site.Output;

namespace Kb.Site;

/// <summary>What carries over from the previous build: the up-to-date check and the record store's files.</summary>
public sealed partial class KbSiteBuilder
{
    /// <summary>
    /// True when every source file has the stamp the previous build recorded and no file came or went:
    /// the output is what this build would make. Only folders are listed and files stat-ed; none is opened.
    /// </summary>
    private bool UpToDate(BuildState previous)
    {
        if (previous.Articles.Count == 0 || previous.Search is null)
        {
            return false;
        }

        var old = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var a in previous.Articles)
        {
            old[a.Key] = a.Stamp;
        }

        var count = 0;
        var sources = Sources.ToList();
        for (var s = 0; s < sources.Count; s++)
        {
            var source = sources[s];
            var prefix = s.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";
            if (IsArchive(source))
            {
                if (!previous.Sources.TryGetValue(prefix + source, out var stamp) || stamp != ArticleReader.Stamp(new FileInfo(source)))
                {
                    return false;
                }

                count += previous.Articles.Count(a => a.Key.StartsWith(prefix, StringComparison.Ordinal));
                continue;
            }

            foreach (var f in CorpusReader.EnumerateFiles(source))
            {
                // An unreadable file is read again by every build: it may have been fixed.
                var stamp = ArticleReader.Stamp(f);
                if (stamp.Length == 0 || !old.TryGetValue(Key(s, f), out var before) || before != stamp)
                {
                    return false;
                }

                count++;
            }
        }

        return count == previous.Articles.Count;
    }

    private SiteBuildResult UpToDateResult(BuildState previous, Stopwatch clock)
    {
        foreach (var a in previous.Articles)
        {
            if (a.Problem is not null)
            {
                _diagnostics.Add(a.Problem);
            }
        }

        Report("done", 1, 1);
        return new SiteBuildResult
        {
            Articles = previous.Articles.Count(a => a.Rendered),
            Pages = previous.Pages.Count,
            PagesReused = previous.Pages.Count,
            Elapsed = clock.Elapsed,
            Diagnostics = _diagnostics,
            Search = previous.Search is { } s ? s with { Reused = true } : null,
            UpToDate = true,
        };
    }

    /// <summary>
    /// Links the previous build's record store into the new output (Lucene never changes a file once
    /// written, so the new build's changes cannot touch the old site's copy). False when there is none.
    /// </summary>
    private static bool LinkStore(SiteWriter writer)
    {
        var folder = Path.Combine(writer.PreviousDir, BuildState.StoreFolder);
        if (!Kb.Index.Indexing.RecordStore.Exists(folder))
        {
            return false;
        }

        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var name = Path.GetFileName(file);
            if (name != "write.lock")
            {
                writer.TryReuse(BuildState.StoreFolder + "/" + name);
            }
        }

        return true;
    }
}
