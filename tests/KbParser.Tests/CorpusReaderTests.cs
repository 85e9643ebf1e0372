using System.Formats.Tar;
using System.IO.Compression;
using Kb.Parser.Corpus;
using Kb.Parser.Model;
using Kb.Tests.Support;

namespace Kb.Parser.Tests;

public sealed class CorpusReaderTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("kb-reader-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [SkippableFact]
    public void Folder_TarGz_And_Zip_GiveTheSameRecordsInTheSameOrder()
    {
        var sample = TestCorpus.RequireSample();
        var root = Path.GetDirectoryName(sample)!; // holds kb/
        var tgz = Path.Combine(_temp, "sample.tar.gz");
        using (var fs = File.Create(tgz))
        using (var gz = new GZipStream(fs, CompressionLevel.Fastest))
        {
            TarFile.CreateFromDirectory(root, gz, includeBaseDirectory: false);
        }

        var zip = Path.Combine(_temp, "sample.zip");
        ZipFile.CreateFromDirectory(root, zip);

        var fromFolder = Records(sample);
        var fromTar = Records(tgz);
        var fromZip = Records(zip);
        Assert.True(fromFolder.Count >= 400, $"only {fromFolder.Count} sample articles");
        Assert.Equal(fromFolder.Select(r => r.Path), fromFolder.Select(r => r.Path).Order(StringComparer.Ordinal));
        Assert.Equal(fromFolder, fromTar.OrderBy(r => r.Path, StringComparer.Ordinal).ToList());
        Assert.Equal(fromFolder, fromZip);
    }

    [SkippableFact]
    public void Parse_KeepsFileOrderWhileRunningInParallel()
    {
        var sample = TestCorpus.RequireSample();
        var sequential = CorpusReader.Parse(sample, degreeOfParallelism: 1).Select(r => r.SourcePath).ToList();
        var parallel = CorpusReader.Parse(sample, degreeOfParallelism: 4).Select(r => r.SourcePath).ToList();
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void ProductListings_AreNotArticles()
    {
        Assert.False(CorpusReader.IsArticlePath("id/sms/README.md"));
        Assert.True(CorpusReader.IsArticlePath("kb/199/Q199250/README.md"));
        Assert.False(CorpusReader.IsArticlePath("kb/199/Q199250/image.png"));
    }

    private static List<(string Path, string Json)> Records(string source) =>
        CorpusReader.Parse(source)
            .Select(r => (r.SourcePath, KbJson.Serialize(r.Record! with { SourcePath = null })))
            .ToList();
}
