namespace Kb.Parser.Body;

/// <summary>
/// One construct of the body, in three cheap steps (the block-parser model of Markdig): whether a line
/// opens the block, whether the open block takes the next non-blank line, and what the block becomes when
/// it closes. Instances hold no state of their own (that lives in the <see cref="OpenBlock"/> and the
/// context), so one ordered list serves every article and thread.
/// </summary>
/// <typeparam name="TContext">What the parsers of one list share while reading: the lines and the result.</typeparam>
internal abstract class BlockParser<TContext>
    where TContext : BlockContext
{
    /// <summary>
    /// Opens the block on line <paramref name="k"/> (not blank), or returns null, cheaply for the
    /// common "no". It may look at other lines but takes only line <paramref name="k"/>, and writes
    /// nothing to the result: a block that interrupts another is opened before the other is closed.
    /// </summary>
    public abstract OpenBlock? TryOpen(TContext context, int k);

    /// <summary>
    /// True when the open block takes line <paramref name="k"/> (not blank), which follows
    /// <paramref name="blanks"/> blank lines after the block's last line. False closes the block, and the
    /// line is offered to the parsers again.
    /// </summary>
    public abstract bool TryContinue(TContext context, OpenBlock block, int k, int blanks);

    /// <summary>Writes what the block became to the result.</summary>
    public abstract void Close(TContext context, OpenBlock block);

    /// <summary>
    /// True when, while this parser's block is open, the parsers listed before it are tried on each
    /// line first, and one that opens closes this block (the run of text between the body's frame).
    /// </summary>
    public virtual bool Interruptible => false;
}

/// <summary>A block parser whose open block has its own type, so its steps need no casts.</summary>
/// <typeparam name="TContext">The context of the parser list.</typeparam>
/// <typeparam name="TBlock">The parser's open block.</typeparam>
internal abstract class BlockParser<TContext, TBlock> : BlockParser<TContext>
    where TContext : BlockContext
    where TBlock : OpenBlock
{
    public sealed override OpenBlock? TryOpen(TContext context, int k) => Open(context, k);

    public sealed override bool TryContinue(TContext context, OpenBlock block, int k, int blanks) =>
        Continue(context, (TBlock)block, k, blanks);

    public sealed override void Close(TContext context, OpenBlock block) => CloseBlock(context, (TBlock)block);

    /// <inheritdoc cref="BlockParser{TContext}.TryOpen"/>
    protected abstract TBlock? Open(TContext context, int k);

    /// <inheritdoc cref="BlockParser{TContext}.TryContinue"/>
    protected abstract bool Continue(TContext context, TBlock block, int k, int blanks);

    /// <inheritdoc cref="BlockParser{TContext}.Close"/>
    protected abstract void CloseBlock(TContext context, TBlock block);
}
