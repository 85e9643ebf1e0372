namespace Kb.Index.Indexing;

/// <summary>What one <c>kb index</c> run did.</summary>
public sealed record IndexReport
{
    public int Added { get; init; }
    public int Updated { get; init; }
    public int Removed { get; init; }
    public int Unchanged { get; init; }
    /// <summary>Files that could not be read or parsed (each also reported through the error callback).</summary>
    public int Failed { get; init; }
    /// <summary>True when the index was written from scratch (new, or made by another <see cref="KbIndexVersion"/>).</summary>
    public bool Rebuilt { get; init; }
    public int Total => Added + Updated + Unchanged;
    public TimeSpan Elapsed { get; init; }
}

/// <summary>Another writer holds the index lock.</summary>
public sealed class KbIndexLockedException : Exception
{
    public KbIndexLockedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public KbIndexLockedException()
    {
    }

    public KbIndexLockedException(string message)
        : base(message)
    {
    }
}
