using System.Runtime.InteropServices;

namespace Kb.Parser.Corpus;

/// <summary>File-system facts .NET does not expose (a file's type without opening it, a path with its links resolved) and paths made safe to print.</summary>
public static partial class SourcePaths
{
    /// <summary>A path as messages show it: quoted, with control characters (a newline in a file name) escaped.</summary>
    public static string Show(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sb = new System.Text.StringBuilder(path.Length + 2).Append('\'');
        foreach (var c in path)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u200e' or '\u200f' or '\u202e')
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('\'').ToString();
    }

    /// <summary>"file", "folder", "link", "FIFO", "device", "socket", or null when the type cannot be told.</summary>
    public static string? FileKind(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        // statx's buffer has the same layout on every architecture (unlike stat's): the mode is the u16 at byte 28.
        Span<byte> buffer = stackalloc byte[256];
        const int AtFdCwd = -100, AtSymlinkNoFollow = 0x100;
        const uint StatxType = 1;
        if (Native.Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, ref MemoryMarshal.GetReference(buffer)) != 0)
        {
            return null;
        }

        var mode = BitConverter.ToUInt16(buffer[28..30]) & 0xF000;
        return mode switch
        {
            0x8000 => "file",
            0x4000 => "folder",
            0xA000 => "link",
            0x1000 => "FIFO",
            0x2000 or 0x6000 => "device",
            0xC000 => "socket",
            _ => null,
        };
    }

    /// <summary>The path with every link resolved, or null when it leads nowhere.</summary>
    public static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.GetFullPath(path);
        }

        var real = Native.RealPath(path, IntPtr.Zero);
        if (real == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(real);
        }
        finally
        {
            Native.Free(real);
        }
    }

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial int Statx(int dirFd, string path, int flags, uint mask, ref byte buffer);

        [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8)]
        internal static partial IntPtr RealPath(string path, IntPtr resolved);

        [LibraryImport("libc", EntryPoint = "free")]
        internal static partial void Free(IntPtr pointer);
    }
}
