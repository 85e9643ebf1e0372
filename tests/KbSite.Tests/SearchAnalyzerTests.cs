using Kb.Site.Search;

namespace Kb.Site.Tests;

public sealed class SearchAnalyzerTests
{
    [Theory]
    [InlineData("Secondary Site Upgrades", "secondary site upgrade")]
    [InlineData("Windows NT 4.0 Service Pack", "window nt 4.0 service pack")]
    [InlineData("Q199250", "q199250")]
    [InlineData("the queries of an Exchange 5.5 server", "query exchange 5.5 server")]
    [InlineData("DHCP, WINS. and 3.51.", "dhcp win 3.51")]
    [InlineData("constructor toString", "constructor tostring")]
    public void Terms_AreLowerCasedStemmedWithoutStopWords(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', SearchAnalyzer.Terms(text)));
    }
}
