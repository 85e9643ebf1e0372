using Kb.Parser.Model;
using Kb.Parser.Options.Recognizers;

namespace Kb.Parser.Options;

/// <summary>
/// Runs the recognisers over one article's sections. The walk owns which blocks are claimed: each recogniser sees
/// the claims of those before it, and the walk commits what each returns before the next one runs.
/// </summary>
internal sealed class OptionWalk(OptionRecognizers recognizers, bool problemArticle)
{
    /// <summary>Subsections deeper than this are not walked, so no input can make the walk deep.</summary>
    private const int MaxSectionDepth = 4;

    /// <summary>List items nested deeper than this are not walked.</summary>
    private const int MaxItemDepth = 3;

    private readonly Claims _claims = new();

    /// <summary>The options found so far, in the order the recognisers returned them.</summary>
    public List<OptionCandidate> Found { get; } = [];

    /// <summary>Walks one top-level section, then runs the section recognisers on it.</summary>
    public void Add(Section section)
    {
        // Recognisers only ever look inside the section they are shown, so claims never reach across top-level sections.
        _claims.Clear();
        var before = Found.Count;
        Walk(section, section.Heading, depth: 0);
        foreach (var r in recognizers.For(RecognizerTarget.Section))
        {
            Run(r, new OptionScope(section, section.Blocks, section.Heading, InsideItem: false, problemArticle, Found.Count - before));
        }
    }

    private void Walk(Section section, string? sectionName, int depth)
    {
        if (depth > MaxSectionDepth)
        {
            return;
        }

        var before = Found.Count;
        var scope = new OptionScope(section, section.Blocks, sectionName, InsideItem: false, problemArticle, OptionsInSection: 0);
        foreach (var r in recognizers.For(RecognizerTarget.Subsections))
        {
            Run(r, scope);
        }

        WalkBlocks(section, section.Blocks, sectionName, depth, insideItem: false);
        foreach (var sub in section.Subsections)
        {
            Walk(sub, sectionName, depth + 1);
        }

        // A subsection headed by a situation ("If You Have Installed SR-1 But Still See a Red X", "(Windows NT 4.0
        // Only)") scopes every option found inside it: they inherit the heading's conditions.
        if (depth > 0 && section.Heading is { } heading && !OptionPatterns.LeadWord().IsMatch(heading)
            && HeadingConditions.Of(heading) is { Count: > 0 } inherited)
        {
            for (var i = before; i < Found.Count; i++)
            {
                var own = Found[i].Conditions.Where(c => !inherited.Any(x => string.Equals(x.Statement, c.Statement, StringComparison.OrdinalIgnoreCase)));
                Found[i] = Found[i] with { Conditions = [.. inherited, .. own] };
            }
        }
    }

    private void WalkBlocks(Section section, IReadOnlyList<Block> blocks, string? sectionName, int depth, bool insideItem)
    {
        var scope = new OptionScope(section, blocks, sectionName, insideItem, problemArticle, OptionsInSection: 0);
        foreach (var r in recognizers.For(RecognizerTarget.Blocks))
        {
            Run(r, scope);
        }

        if (depth > MaxItemDepth)
        {
            return;
        }

        foreach (var b in blocks)
        {
            if (b is ListBlock list && !_claims.Contains(b))
            {
                foreach (var item in list.Items)
                {
                    WalkBlocks(section, item.Blocks, sectionName, depth + 1, insideItem: true);
                }
            }
        }
    }

    private void Run(OptionRecognizer recognizer, in OptionScope scope)
    {
        var found = recognizer.Recognize(scope, _claims);
        if (ReferenceEquals(found, Recognition.None))
        {
            return;
        }

        Found.AddRange(found.Options);
        _claims.Commit(found);
    }

    /// <summary>
    /// The claimed blocks: a claimed block claims the blocks nested in it, a claimed section all of its blocks.
    /// Commits are expanded into the set when it is next asked, so claims nobody asks about (those of the last
    /// recogniser of a section) cost nothing.
    /// </summary>
    private sealed class Claims : IClaimedBlocks
    {
        private readonly HashSet<Block> _blocks = new(ReferenceEqualityComparer.Instance);
        private readonly List<Recognition> _pending = [];

        public bool Contains(Block block)
        {
            if (_pending.Count > 0)
            {
                Expand();
            }

            return _blocks.Contains(block);
        }

        public void Commit(Recognition found) => _pending.Add(found);

        public void Clear()
        {
            _blocks.Clear();
            _pending.Clear();
        }

        private void Expand()
        {
            foreach (var found in _pending)
            {
                Add(found.Blocks);
                foreach (var section in found.Sections)
                {
                    foreach (var b in BlockWalker.All(section))
                    {
                        _blocks.Add(b);
                    }
                }
            }

            _pending.Clear();
        }

        private void Add(IEnumerable<Block> blocks)
        {
            foreach (var b in blocks)
            {
                _blocks.Add(b);
                if (b is ListBlock l)
                {
                    foreach (var item in l.Items)
                    {
                        Add(item.Blocks);
                    }
                }
            }
        }
    }
}
