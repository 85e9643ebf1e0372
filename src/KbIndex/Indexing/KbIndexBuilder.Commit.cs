using System.Globalization;
using Kb.Index.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Kb.Index.Indexing;

/// <summary>The commit (with its user data) and reading back what the last commit holds.</summary>
public sealed partial class KbIndexBuilder
{
    private static void Commit(IndexWriter writer)
    {
        // The abbreviations are learned from the index as it will be committed (near-real-time reader).
        Abbreviations abbreviations;
        using (var reader = DirectoryReader.Open(writer, applyAllDeletes: true))
        {
            abbreviations = Abbreviations.Learn(reader);
        }

        writer.SetCommitData(new Dictionary<string, string>
        {
            [KbFields.CommitVersion] = KbIndexVersion.Current.ToString(CultureInfo.InvariantCulture),
            [KbFields.CommitAbbreviations] = abbreviations.ToJson(),
            [KbFields.CommitDefinitions] = abbreviations.DefinitionsToJson(),
            [KbFields.CommitLearned] = abbreviations.LearnedToJson(),
        });
        writer.Commit();
    }

    /// <summary>id to content hash of the committed index; <paramref name="rebuild"/> when it was written by another version.</summary>
    private static Dictionary<string, string> ReadExisting(LuceneDirectory dir, out bool rebuild)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        rebuild = !DirectoryReader.IndexExists(dir);
        if (rebuild)
        {
            return map;
        }

        using var reader = DirectoryReader.Open(dir);
        var data = reader.IndexCommit.UserData;
        if (!data.TryGetValue(KbFields.CommitVersion, out var v) || v != KbIndexVersion.Current.ToString(CultureInfo.InvariantCulture))
        {
            rebuild = true;
            return map;
        }

        var scratch = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var r = leaf.AtomicReader;
            var ids = r.GetSortedDocValues(KbFields.Id);
            var hashes = r.GetBinaryDocValues(KbFields.Hash);
            var live = r.LiveDocs;
            for (var doc = 0; doc < r.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                ids.Get(doc, scratch);
                var id = scratch.Utf8ToString();
                hashes.Get(doc, scratch);
                map[id] = scratch.Utf8ToString();
            }
        }

        return map;
    }
}
