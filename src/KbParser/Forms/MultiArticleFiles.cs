using System.Text;
using Kb.Parser.Corpus;

namespace Kb.Parser.Forms;

/// <summary>
/// Files that hold many articles (the 1993 form, articles opened by a <c>-=-=-=-</c> line) become one
/// <see cref="ArticleFile"/> per article, named <c>path#1</c>, <c>path#2</c> ..., so every consumer of a
/// source (parse, index, site) sees one entry per article. Line numbers then count from the article's
/// own first line. Markdown files are passed on untouched and unread.
/// </summary>
internal static class MultiArticleFiles
{
    /// <summary>Bytes read from a file to tell whether it is of the 1993 form.</summary>
    private const int Probe = 1024;

    private static readonly byte[] ArticleId = "ARTICLE-ID:"u8.ToArray();

    public static IEnumerable<ArticleFile> Expand(IEnumerable<ArticleFile> files)
    {
        foreach (var file in files)
        {
            if (file.Problem is not null || file.SourcePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || !Probably1993(file))
            {
                yield return file;
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = file.ReadBytes();
            }
            catch (IOException)
            {
                // Reported when the entry is parsed.
                bytes = [];
            }
            catch (UnauthorizedAccessException)
            {
                bytes = [];
            }

            var parts = bytes.Length == 0 ? [] : Split(bytes);
            if (parts.Count <= 1)
            {
                yield return file;
                continue;
            }

            for (var i = 0; i < parts.Count; i++)
            {
                yield return new ArticleFile(file.SourcePath + "#" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    bytes.AsSpan(parts[i].Start, parts[i].Length).ToArray());
            }
        }
    }

    private static bool Probably1993(ArticleFile file)
    {
        try
        {
            if (file.Bytes is { } b)
            {
                return b.AsSpan(0, Math.Min(b.Length, Probe)).IndexOf(ArticleId) >= 0;
            }

            using var handle = File.OpenHandle(file.FullPath ?? file.SourcePath);
            Span<byte> head = stackalloc byte[Probe];
            var n = RandomAccess.Read(handle, head, 0);
            return head[..n].IndexOf(ArticleId) >= 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The byte ranges of the articles: the text between separator lines that holds an <c>ARTICLE-ID:</c> line.</summary>
    internal static List<(int Start, int Length)> Split(byte[] bytes)
    {
        var parts = new List<(int, int)>();
        void Add(int start, int end)
        {
            if (end > start && bytes.AsSpan(start, end - start).IndexOf(ArticleId) >= 0)
            {
                parts.Add((start, end - start));
            }
        }

        var lineStart = 0;
        var blockStart = 0;
        while (lineStart < bytes.Length)
        {
            var nl = Array.IndexOf(bytes, (byte)'\n', lineStart);
            var lineEnd = nl < 0 ? bytes.Length : nl;
            if (lineEnd - lineStart is >= 5 and <= 200 && bytes[lineStart] == (byte)'-'
                && Text1993Reader.IsSeparator(Encoding.Latin1.GetString(bytes, lineStart, lineEnd - lineStart)))
            {
                Add(blockStart, lineStart);
                blockStart = nl < 0 ? bytes.Length : nl + 1;
            }

            lineStart = nl < 0 ? bytes.Length : nl + 1;
        }

        Add(blockStart, bytes.Length);
        return parts;
    }
}
