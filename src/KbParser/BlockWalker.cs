using Kb.Parser.Model;

namespace Kb.Parser;

/// <summary>Walks every block of a record in document order, nested list blocks included.</summary>
public static class BlockWalker
{
    /// <summary>Every block of the sections and their subsections, in document order.</summary>
    public static IEnumerable<Block> All(IEnumerable<Section> sections)
    {
        foreach (var section in sections)
        {
            foreach (var b in All(section))
            {
                yield return b;
            }
        }
    }

    /// <summary>Every block of the section and its subsections, in document order.</summary>
    public static IEnumerable<Block> All(Section section)
    {
        foreach (var b in Walk(section.Blocks))
        {
            yield return b;
        }

        foreach (var b in All(section.Subsections))
        {
            yield return b;
        }
    }

    private static IEnumerable<Block> Walk(IEnumerable<Block> blocks)
    {
        foreach (var block in blocks)
        {
            yield return block;
            if (block is ListBlock list)
            {
                foreach (var item in list.Items)
                {
                    foreach (var nested in Walk(item.Blocks))
                    {
                        yield return nested;
                    }
                }
            }
        }
    }
}
