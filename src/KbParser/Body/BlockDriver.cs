namespace Kb.Parser.Body;

/// <summary>
/// Runs an ordered list of block parsers over a range of lines. On each non-blank line the open block
/// is asked first whether it takes the line (an interruptible block lets the parsers before it try to
/// open first); a line no open block takes goes to the parsers in their order, and the first that opens
/// owns it. Blank lines are never offered: a block learns of them as the count before its next line.
/// </summary>
internal static class BlockDriver
{
    /// <summary>Reads lines [from, to) with <paramref name="parsers"/>; the last parser must open on any line.</summary>
    public static void Run<TContext>(BlockParser<TContext>[] parsers, TContext context, int from, int to)
        where TContext : BlockContext
    {
        var lines = context.Lines;
        OpenBlock? open = null;
        var openBy = -1;
        for (var k = from; k < to; k++)
        {
            if (lines[k].IsBlank)
            {
                continue;
            }

            if (open is not null)
            {
                var parser = parsers[openBy];
                if (parser.Interruptible && TryOpen(parsers, openBy, context, k, out var interrupting, out var by))
                {
                    parser.Close(context, open);
                    open = interrupting;
                    openBy = by;
                    continue;
                }

                if (parser.TryContinue(context, open, k, k - open.Last - 1))
                {
                    open.Last = k;
                    continue;
                }

                parser.Close(context, open);
                open = null;
            }

            if (TryOpen(parsers, parsers.Length, context, k, out open, out openBy))
            {
                continue;
            }

            // No parser took the line: a list without a catch-all at its end. Never lose the line silently.
            throw new InvalidOperationException("no block parser opens on body line " + lines[k].Number);
        }

        if (open is not null)
        {
            parsers[openBy].Close(context, open);
        }
    }

    private static bool TryOpen<TContext>(BlockParser<TContext>[] parsers, int before, TContext context, int k,
        out OpenBlock? block, out int by)
        where TContext : BlockContext
    {
        for (var p = 0; p < before; p++)
        {
            if (parsers[p].TryOpen(context, k) is { } opened)
            {
                opened.First = opened.Last = k;
                block = opened;
                by = p;
                return true;
            }
        }

        block = null;
        by = -1;
        return false;
    }
}
