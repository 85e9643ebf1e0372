using Kb.Parser.Model;
using Kb.Parser.Text;

namespace Kb.Parser.Body;

/// <summary>
/// Reads the fixed-width body with the ordered body parsers: the header block, the applies-to frame,
/// the trailing metadata block, the query-word line, section and subsection headings and frame rules;
/// the text between them is one run, which <see cref="TextBlocks"/> reads into blocks.
/// </summary>
internal static class BodyParser
{
    /// <summary>The body parsers in the order they are tried; the text run, last, opens on any line.</summary>
    internal static readonly BlockParser<BodyRun>[] Parsers =
    [
        new HeaderParser(),
        new AppliesToParser(),
        new MetadataParser(),
        new QueryWordsParser(),
        new SectionHeadingParser(),
        new SubsectionHeadingParser(),
        new FrameRuleParser(),
        new TextRunParser(),
    ];

    public static BodyStructure Parse(List<SourceLine> lines, List<Diagnostic> diagnostics)
    {
        var run = new BodyRun(lines, diagnostics);
        BlockDriver.Run(Parsers, run, 0, lines.Count);
        run.CloseSection();
        if (!run.HeaderTried)
        {
            HeaderParser.ReportMissing(run, 0);
        }

        return run.Result;
    }
}

/// <summary>The context of the body parsers: the structure being built and the open section and subsection.</summary>
internal sealed class BodyRun : BlockContext
{
    private Section? _section;
    private List<Block>? _sectionBlocks;
    private List<Section>? _subsections;
    private Section? _sub;
    private List<Block>? _subBlocks;

    public BodyRun(List<SourceLine> lines, List<Diagnostic> diagnostics)
        : base(lines, diagnostics)
    {
    }

    public BodyStructure Result { get; } = new();

    /// <summary>True once the header parser has had the body's first line.</summary>
    public bool HeaderTried { get; set; }

    /// <summary>The indentation of ordinary prose: the smallest indentation after the header (set when the header is done).</summary>
    public int BaseIndent { get; set; }

    /// <summary>Closes the open section (and subsection) and opens a level-2 one.</summary>
    public void OpenSection(string? heading, LineSpan? span)
    {
        CloseSection();
        _section = new Section { Heading = heading, Level = 2, HeadingLines = span };
        _sectionBlocks = [];
        _subsections = [];
    }

    /// <summary>Closes the open subsection and opens a level-3 one (in an untitled section when none is open).</summary>
    public void OpenSubsection(string heading, LineSpan span)
    {
        if (_section is null)
        {
            OpenSection(null, null);
        }

        CloseSubsection();
        _sub = new Section { Heading = heading, Level = 3, HeadingLines = span };
        _subBlocks = [];
    }

    /// <summary>Adds a text run's blocks to the open subsection, else the open (or a new untitled) section.</summary>
    public void AddBlocks(List<Block> blocks)
    {
        if (_section is null)
        {
            OpenSection(null, null);
        }

        (_subBlocks ?? _sectionBlocks)!.AddRange(blocks);
    }

    public void CloseSection()
    {
        CloseSubsection();
        if (_section is not null)
        {
            Result.Sections.Add(_section with { Blocks = _sectionBlocks!, Subsections = _subsections! });
            _section = null;
        }
    }

    private void CloseSubsection()
    {
        if (_sub is not null)
        {
            _subsections!.Add(_sub with { Blocks = _subBlocks! });
            _sub = null;
            _subBlocks = null;
        }
    }
}
