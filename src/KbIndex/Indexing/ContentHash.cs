using System.Security.Cryptography;

namespace Kb.Index.Indexing;

/// <summary>
/// The content hash of a record: SHA-256 of its JSON (first 16 bytes, hex). Hashing the record
/// rather than the file means a parser improvement re-indexes the articles it changes.
/// </summary>
public static class ContentHash
{
    /// <summary>The hash of a record's JSON bytes, as 32 hex digits.</summary>
    public static string Of(ReadOnlySpan<byte> recordJson)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(recordJson, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}
