using Kb.Parser.Model;

namespace Kb.Parser.Options;

internal static partial class OptionExtractor
{
    private static void MarkUsed(IEnumerable<Block> blocks, HashSet<Block> used)
    {
        foreach (var b in blocks)
        {
            used.Add(b);
            if (b is ListBlock l)
            {
                foreach (var item in l.Items)
                {
                    MarkUsed(item.Blocks, used);
                }
            }
        }
    }
}
