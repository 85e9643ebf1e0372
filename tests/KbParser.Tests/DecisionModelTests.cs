using Kb.Parser.Decision;
using Kb.Parser.Model;

namespace Kb.Parser.Tests;

public sealed class DecisionModelTests
{
    private static readonly DecisionModel Model = new(
        [
            new ArticleOption { Id = "o1", Kind = OptionKinds.Resolution, Title = "Install the service pack.", Conditions = [] },
            new ArticleOption
            {
                Id = "o2", Kind = OptionKinds.Workaround, Title = "Disable the service.", Logic = "all",
                Conditions = [new Condition("f4", false, "you cannot install the service pack")],
            },
        ],
        [
            new Factor { Id = "f1", Statement = "You are using Widget Server 2.0", Question = "Are you using Widget Server 2.0?", Role = "applicability" },
            new Factor { Id = "f2", Statement = "You see this problem: x", Question = "Do you see this problem: x?", Role = "symptom" },
            new Factor { Id = "f3", Statement = "This cause applies to you: y", Question = "Does this cause apply to you: y?", Role = "cause" },
            new Factor { Id = "f4", Statement = "You can install the service pack", Question = "Can you install the service pack?", Role = "condition" },
        ]);

    private static Recommendation Recommend(params (string Id, Answer A)[] answers) =>
        Model.Recommend(answers.ToDictionary(a => a.Id, a => a.A));

    [Fact]
    public void Applies_IsFalseWhenSymptomOrCauseIsDenied()
    {
        Assert.False(Recommend(("f1", Answer.Yes), ("f2", Answer.No)).Applies);
        Assert.False(Recommend(("f2", Answer.Yes), ("f3", Answer.No)).Applies);
        Assert.True(Recommend(("f2", Answer.Yes), ("f3", Answer.Yes)).Applies);
        Assert.False(Recommend(("f1", Answer.No)).Applies);
        Assert.Null(Recommend(("f4", Answer.Yes)).Applies);
    }

    [Fact]
    public void Verdict_SaysInWordsWhetherTheArticleIsTheReadersProblem()
    {
        Assert.Equal("unanswered", Recommend().Verdict.Level);
        Assert.Equal("unanswered", Recommend(("f4", Answer.Yes)).Verdict.Level);
        var maybe = Recommend(("f1", Answer.Yes));
        Assert.Equal("maybe", maybe.Verdict.Level);
        Assert.Contains("2 of its 3 questions are still open", maybe.Verdict.Text, StringComparison.Ordinal);
        Assert.Equal("likely", Recommend(("f1", Answer.Yes), ("f2", Answer.Yes), ("f3", Answer.Yes)).Verdict.Level);
        var denied = Recommend(("f1", Answer.Yes), ("f2", Answer.Yes), ("f3", Answer.No));
        Assert.Equal("unlikely", denied.Verdict.Level);
        Assert.Contains("Does this cause apply to you: y?", denied.Verdict.Text, StringComparison.Ordinal);
        Assert.Equal("none", new DecisionModel([], []).Recommend(new Dictionary<string, Answer>()).Verdict.Level);
    }

    [Fact]
    public void Verdict_ProductAnsweredNoWithTheRestOpenIsNotYetAVerdict()
    {
        Assert.Equal("unanswered", Recommend(("f1", Answer.No)).Verdict.Level);
        var model = new DecisionModel([], [new Factor { Id = "p", Statement = "You are using X", Question = "Are you using X?", Role = "applicability" }]);
        var no = model.Recommend(new Dictionary<string, Answer> { ["p"] = Answer.No });
        Assert.Equal("unlikely", no.Verdict.Level);
        Assert.Contains("Are you using X?", no.Verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Recommend_RanksMetAboveOpenAboveContradicted()
    {
        var cannot = Recommend(("f4", Answer.No));
        Assert.Equal(["o2", "o1"], cannot.Options.Select(o => o.OptionId));
        Assert.Equal("met", cannot.Options[0].Status);

        var can = Recommend(("f4", Answer.Yes));
        Assert.Equal(["o1", "o2"], can.Options.Select(o => o.OptionId));
        Assert.Equal("contradicted", can.Options[1].Status);
        Assert.Contains("Does not fit: you answered yes to \"Can you install the service pack?\"", can.Options[1].Reasons);
        Assert.Contains("No conditions stated: this option applies generally", can.Options[0].Reasons);
    }

    [Fact]
    public void Recommend_AnyLogic_IsMetByOneAndContradictedOnlyByAll()
    {
        var model = new DecisionModel(
            [new ArticleOption { Id = "o1", Kind = "option", Title = "t", Logic = "any", Conditions = [new Condition("a", true, "a"), new Condition("b", true, "b")] }],
            [new Factor { Id = "a", Statement = "A", Question = "A?" }, new Factor { Id = "b", Statement = "B", Question = "B?" }]);
        Assert.Equal("met", model.Recommend(new Dictionary<string, Answer> { ["a"] = Answer.No, ["b"] = Answer.Yes }).Options[0].Status);
        Assert.Equal("open", model.Recommend(new Dictionary<string, Answer> { ["a"] = Answer.No }).Options[0].Status);
        Assert.Equal("contradicted", model.Recommend(new Dictionary<string, Answer> { ["a"] = Answer.No, ["b"] = Answer.No }).Options[0].Status);
    }
}
