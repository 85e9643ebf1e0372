using System.Text;
using Kb.Parser.Model;

namespace Kb.Parser.Text;

/// <summary>
/// Turns file bytes into text. Archive files are meant to be UTF-8, but older copies carry
/// Windows-1252 punctuation (0x91-0x94 quotes); those are decoded as Windows-1252 rather than
/// replaced, and NUL bytes are dropped. Each such repair is a diagnostic.
/// </summary>
internal static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1252 = CreateWindows1252();

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>The article's text from its bytes: UTF-8 (a BOM removed), or Windows-1252 with a diagnostic when the bytes are not UTF-8.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, ICollection<Diagnostic> diagnostics)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var line = LineOfByte(bytes, ex.Index);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.InvalidUtf8, line,
                "bytes that are not UTF-8; the file was read as Windows-1252"));
            text = Windows1252.GetString(bytes);
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.Parser.NulBytes, LineOfChar(text, nul), "NUL bytes removed"));
            text = text.Replace("\0", "", StringComparison.Ordinal);
        }

        return text;
    }

    private static int LineOfByte(ReadOnlySpan<byte> bytes, int index)
    {
        if (index < 0 || index > bytes.Length)
        {
            return 0;
        }

        return bytes[..index].Count((byte)'\n') + 1;
    }

    private static int LineOfChar(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;
}
