namespace Electrochem.IO.Cycling;

/// <summary>Reads an EC-Lab binary file forwards, counting bytes, and makes errors that name it (on line 1: a binary file has no lines).</summary>
internal sealed class MprCursor(Stream stream, long length, string source)
{
    private byte[]? _scratch;

    internal long Position { get; private set; }

    internal long Remaining => Math.Max(0, length - Position);

    internal DataFileException Fail(string problem) => new(source, 1, problem);

    /// <summary>Reads until the span is full or the file ends; returns the bytes read.</summary>
    internal int Fill(Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        Position += total;
        return total;
    }

    internal void Skip(long count)
    {
        _scratch ??= new byte[1 << 16];
        while (count > 0)
        {
            int n = Fill(_scratch.AsSpan(0, (int)Math.Min(count, _scratch.Length)));
            if (n == 0)
            {
                throw Fail($"the file ends at byte {Position}, inside a module: it is cut off");
            }

            count -= n;
        }
    }

    /// <summary>A whole module's data, or null (skipped, with a warning) when it is longer than <paramref name="limit"/>.</summary>
    internal byte[]? ReadModule(MprModuleHeader module, int limit, List<string> warnings)
    {
        if (module.Length > limit)
        {
            warnings.Add($"module {module} is {module.Length} bytes, more than such a module holds ({limit}); it is skipped");
            Skip(module.Length);
            return null;
        }

        byte[] bytes = new byte[module.Length];
        if (Fill(bytes) < bytes.Length)
        {
            throw Fail($"the file ends inside module {module}: it is cut off");
        }

        return bytes;
    }
}
