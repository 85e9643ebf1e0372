namespace Kb.Index.Indexing;

/// <summary>What one <c>kb index</c> run did.</summary>
public sealed record IndexReport
{
    /// <summary>Articles new to the index.</summary>
    public int Added { get; init; }
    /// <summary>Articles whose record changed.</summary>
    public int Updated { get; init; }
    /// <summary>Articles no longer in the source, removed.</summary>
    public int Removed { get; init; }
    /// <summary>Articles whose record is as before (not rewritten).</summary>
    public int Unchanged { get; init; }
    /// <summary>Files that could not be read or parsed (each also reported through the error callback).</summary>
    public int Failed { get; init; }
    /// <summary>Copies of articles set aside because another source holds a newer or more complete copy.</summary>
    public int SetAside { get; init; }
    /// <summary>True when the index was written from scratch (new, or made by another <see cref="KbIndexVersion"/>).</summary>
    public bool Rebuilt { get; init; }
    /// <summary>Articles in the index after the run.</summary>
    public int Total => Added + Updated + Unchanged;
    /// <summary>Wall time of the run.</summary>
    public TimeSpan Elapsed { get; init; }
}

/// <summary>Another writer holds the index lock.</summary>
public sealed class KbIndexLockedException : Exception
{
    /// <summary>An exception with a message and the exception that caused it.</summary>
    public KbIndexLockedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>An exception with no message.</summary>
    public KbIndexLockedException()
    {
    }

    /// <summary>An exception with a message for the user.</summary>
    public KbIndexLockedException(string message)
        : base(message)
    {
    }
}
