using Kb.Site.Check;
using Kb.Tests.Support;

namespace Kb.Site.Tests;

public sealed class CorpusSiteTests
{
    [SkippableFact]
    public async Task FullCorpusBuild_ChecksWithZeroProblems()
    {
        var tarball = TestCorpus.Tarball;
        Skip.If(tarball is null, TestCorpus.SkipMessage);
        var root = Directory.CreateTempSubdirectory("kb-corpus-site-").FullName;
        try
        {
            var output = Path.Combine(root, "_site");
            var result = await KbSiteBuilder.BuildAsync(new SiteOptions { Source = tarball, OutputDir = output });
            Assert.True(result.Articles > 60_000, $"{result.Articles} articles");
            var check = SiteChecker.Check(output);
            Assert.True(check.Problems.Count == 0, string.Join("\n", check.Problems.Take(20)));
            Assert.True(check.Pages >= result.Articles);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task ContentAndSampleBuild_ChecksWithZeroProblems()
    {
        var root = Directory.CreateTempSubdirectory("kb-sample-site-").FullName;
        try
        {
            var output = Path.Combine(root, "_site");
            var extra = TestCorpus.HasSample ? new[] { TestCorpus.SampleFolder } : [];
            await KbSiteBuilder.BuildAsync(new SiteOptions { Source = TestCorpus.ContentKb, ExtraSources = extra, OutputDir = output });
            var check = SiteChecker.Check(output);
            Assert.True(check.Problems.Count == 0, string.Join("\n", check.Problems.Take(20)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
