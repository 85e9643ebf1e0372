using Kb.Parser.Model;

namespace Kb.Parser.Options.Recognizers;

/// <summary>
/// Conditional guidance: two or more sibling unclaimed "If X, do Y" paragraphs (notes, references, samples and the
/// steps an if-paragraph introduces may sit between them), or two or more such sentences in one paragraph ("If you
/// want X, do A. However, if you want Y, do B."). Each is an option titled by its sentence, with condition X.
/// Claims the paragraphs.
/// </summary>
internal sealed class ConditionalIf : OptionRecognizer
{
    public override string Name => "conditional-if";

    public override RecognizerTarget Target => RecognizerTarget.Blocks;

    public override Recognition Recognize(in OptionScope scope, IClaimedBlocks claimed)
    {
        List<OptionCandidate>? options = null;
        List<Block>? claims = null;
        var run = new List<ParagraphBlock>();
        var sectionName = scope.SectionName;
        void Flush()
        {
            if (run.Count >= 2)
            {
                foreach (var p in run)
                {
                    var (title, conditions, logic) = OptionTitles.WithConditions(p.Text, p.Text);
                    (options ??= []).Add(new OptionCandidate(OptionLabels.KindOf("", sectionName), title, p.Text, sectionName, conditions, logic,
                        "conditional-if", p.Lines.Start));
                    (claims ??= []).Add(p);
                }
            }

            run.Clear();
        }

        foreach (var b in scope.Blocks)
        {
            if (b is ParagraphBlock para && !claimed.Contains(para) && IfClauses.Sentences(para.Text) is { Count: >= 2 } inline
                && inline.All(x => IfClauses.Split(x) is { } sp && IfClauses.IsAction(sp.Then)))
            {
                // "If you want X, do A. However, if you want Y, do B." within one paragraph.
                Flush();
                foreach (var sentence in inline)
                {
                    var (title, conditions, logic) = OptionTitles.WithConditions(sentence, sentence);
                    (options ??= []).Add(new OptionCandidate(OptionLabels.KindOf("", sectionName), title, sentence, sectionName, conditions, logic,
                        "conditional-if", para.Lines.Start));
                }

                (claims ??= []).Add(para);
                continue;
            }

            if (b is ParagraphBlock p && IfClauses.StartsWithIf(p.Text) && !claimed.Contains(p)
                && IfClauses.Split(TextUtil.FirstSentence(p.Text)) is { } split && IfClauses.IsAction(split.Then))
            {
                run.Add(p);
            }
            else if (run.Count > 0 && PartOfRun(b, run[^1]))
            {
                // Steps introduced by the if-paragraph, a sample, a note or a reference sit between siblings.
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return options is null ? Recognition.None : new Recognition(options, claims!, []);
    }

    private static bool PartOfRun(Block b, ParagraphBlock last) => b switch
    {
        NoteBlock or PreformattedBlock or ReferencesBlock => true,
        ListBlock => last.Text.TrimEnd().EndsWith(':'),
        ParagraphBlock p => OptionPatterns.Boilerplate().IsMatch(p.Text),
        _ => false,
    };
}
