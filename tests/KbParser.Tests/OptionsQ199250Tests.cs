using Kb.Parser.Decision;
using Kb.Parser.Model;
using Kb.Tests.Support;

namespace Kb.Parser.Tests;

public sealed class OptionsQ199250Tests
{
    private readonly ArticleRecord _record = KbArticleParser.Parse(
        File.ReadAllBytes(Path.Combine(TestCorpus.ContentKb, "199", "Q199250", "README.md")), "kb/199/Q199250/README.md");

    private Factor FactorOf(ArticleOption option, string word) =>
        _record.Factors.Single(f => f.Id == option.Conditions.Single(c => Statement(c).Contains(word, StringComparison.OrdinalIgnoreCase)).Factor);

    private string Statement(Condition c) => _record.Factors.Single(f => f.Id == c.Factor).Statement;

    [Fact]
    public void Options_AreTheThreeUpgradeOptions()
    {
        Assert.Equal(
            [
                "Download the upgrade from the parent site.",
                "Initiate the upgrade from the parent site using source files located at the secondary site.",
                "Upgrade locally at the secondary site server using the Systems Management Server installation CD-ROM.",
            ],
            _record.Options.Select(o => o.Title));
        Assert.All(_record.Options, o => Assert.Equal(OptionKinds.Option, o.Kind));
    }

    [Fact]
    public void Option1_NeedsNoAdministratorAndNoBandwidthConcern()
    {
        var o1 = _record.Options[0];
        Assert.Equal("all", o1.Logic);
        Assert.Equal(2, o1.Conditions.Count);
        var admin = o1.Conditions.Single(c => Statement(c).Contains("administrator", StringComparison.Ordinal));
        Assert.False(admin.Expect);
        Assert.Equal("The secondary site has an administrator who can perform the upgrade", Statement(admin));
        var bandwidth = o1.Conditions.Single(c => Statement(c).Contains("bandwidth", StringComparison.Ordinal));
        Assert.False(bandwidth.Expect);
        Assert.Equal("The impact on inter-site bandwidth is a concern", Statement(bandwidth));
    }

    [Fact]
    public void Option2_WantsControlFromPrimaryAndToMinimiseBandwidth()
    {
        var o2 = _record.Options[1];
        Assert.Equal("all", o2.Logic);
        Assert.Equal(2, o2.Conditions.Count);
        Assert.All(o2.Conditions, c => Assert.True(c.Expect));
        Assert.Contains(o2.Conditions, c => Statement(c) == "You want to control the upgrade from the primary site");
        Assert.Contains(o2.Conditions, c => Statement(c).Contains("minimize the impact on inter-site bandwidth", StringComparison.Ordinal));
    }

    [Fact]
    public void Option3_HasAdministratorOrBandwidthConcern_SharingOption1sFactors()
    {
        var (o1, o3) = (_record.Options[0], _record.Options[2]);
        Assert.Equal("any", o3.Logic);
        Assert.All(o3.Conditions, c => Assert.True(c.Expect));
        Assert.Equal(FactorOf(o1, "administrator").Id, FactorOf(o3, "administrator").Id);
        Assert.Equal(FactorOf(o1, "bandwidth").Id, FactorOf(o3, "bandwidth").Id);
        Assert.Single(_record.Factors, f => f.Statement.Contains("administrator", StringComparison.Ordinal));
    }

    [Fact]
    public void Factors_HaveYesNoQuestions()
    {
        Assert.Contains(_record.Factors, f => f.Question == "Does the secondary site have an administrator who can perform the upgrade?");
        Assert.Contains(_record.Factors, f => f.Question == "Is the impact on inter-site bandwidth a concern?");
        Assert.Contains(_record.Factors, f => f.Question == "Do you want to control the upgrade from the primary site?");
        Assert.Contains(_record.Factors, f => f.Role == "applicability" && f.Question == "Are you using Microsoft Systems Management Server 2.0?");
    }

    [Fact]
    public void Recommend_AdministratorYes_PutsLocalUpgradeFirst()
    {
        var admin = FactorOf(_record.Options[0], "administrator").Id;
        var best = Recommend((admin, Answer.Yes)).Options[0];
        Assert.Equal("o3", best.OptionId);
        Assert.Equal("met", best.Status);
        Assert.Contains(best.Reasons, r => r.StartsWith("Fits: you answered yes", StringComparison.Ordinal));
    }

    [Fact]
    public void Recommend_NoAdministratorAndNoBandwidthConcern_PutsDownloadFirst()
    {
        var admin = FactorOf(_record.Options[0], "administrator").Id;
        var bandwidth = FactorOf(_record.Options[0], "bandwidth").Id;
        var result = Recommend((admin, Answer.No), (bandwidth, Answer.No));
        Assert.Equal("o1", result.Options[0].OptionId);
        Assert.Equal("met", result.Options[0].Status);
        Assert.Equal("contradicted", result.Options.Single(o => o.OptionId == "o3").Status);
    }

    [Fact]
    public void Recommend_ControlFromPrimaryAndMinimiseBandwidth_PutsOption2First()
    {
        var o2 = _record.Options[1];
        var answers = o2.Conditions.Select(c => (c.Factor, Answer.Yes)).ToArray();
        Assert.Equal("o2", Recommend(answers).Options[0].OptionId);
    }

    [Fact]
    public void Recommend_Applicability_NoMeansTheArticleDoesNotApply()
    {
        var f = _record.Factors.Single(x => x.Role == "applicability").Id;
        Assert.False(Recommend((f, Answer.No)).Applies);
        Assert.True(Recommend((f, Answer.Yes)).Applies);
        Assert.Null(Recommend().Applies);
    }

    private Recommendation Recommend(params (string Factor, Answer Answer)[] answers) =>
        DecisionModel.From(_record).Recommend(answers.ToDictionary(a => a.Factor, a => a.Answer));
}
