namespace Kb.Parser.Body;

/// <summary>
/// A block while its parser reads it: the lines it has taken so far (indexes into the body's lines,
/// kept by <see cref="BlockDriver"/>) and whatever its parser accumulates. One per block, made by
/// <see cref="BlockParser{TContext}.TryOpen"/> and gone after <see cref="BlockParser{TContext}.Close"/>.
/// </summary>
internal class OpenBlock
{
    /// <summary>The line that opened the block.</summary>
    public int First { get; set; }

    /// <summary>The last line the block took; every line after it and before the next one it takes is blank.</summary>
    public int Last { get; set; }

    /// <summary>One past <see cref="Last"/>: the end of the block's range.</summary>
    public int End => Last + 1;
}
