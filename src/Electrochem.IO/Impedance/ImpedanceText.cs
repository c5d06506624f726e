using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Impedance;

/// <summary>
/// The lines of an impedance file, read once within the size and line-length limits of
/// <see cref="DelimitedTableOptions"/>. Files are decoded as UTF-8 when they are valid UTF-8 and as Latin-1 otherwise
/// (instrument software writes µ, ° and ² in the Windows code page); a byte-order mark wins over both.
/// </summary>
internal sealed class ImpedanceText
{
    private ImpedanceText(string sourceName, List<string> lines, bool lastLineTerminated, DelimitedTableOptions options)
    {
        SourceName = sourceName;
        Lines = lines;
        LastLineTerminated = lastLineTerminated;
        Options = options;
    }

    internal string SourceName { get; }

    /// <summary>The lines without their breaks; line n of the file is <c>Lines[n - 1]</c>.</summary>
    internal IReadOnlyList<string> Lines { get; }

    /// <summary>False when the last line ended at the end of the input without a line break (a truncated file, perhaps).</summary>
    internal bool LastLineTerminated { get; }

    internal DelimitedTableOptions Options { get; }

    /// <summary>Columns the caller named, or null; set once, before the text is parsed.</summary>
    internal ImpedanceColumnChoices? Columns { get; set; }

    internal int Count => Lines.Count;

    internal static DataFileResult<ImpedanceText> ReadFile(string path, DelimitedTableOptions options)
    {
        var info = new FileInfo(path);
        if (info.Exists && info.Length > options.MaximumFileBytes)
        {
            return DataFileResult.Failure<ImpedanceText>(new DataFileError(path, 1,
                $"the file is {info.Length} bytes, larger than the limit of {options.MaximumFileBytes} bytes (DelimitedTableOptions.MaximumFileBytes); it was not read"));
        }

        Encoding encoding = IsUtf8(path, options.MaximumFileBytes) ? new UTF8Encoding(false) : Encoding.Latin1;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, options);
    }

    internal static DataFileResult<ImpedanceText> Read(TextReader reader, string sourceName, DelimitedTableOptions options)
    {
        var lineReader = new LineReader(reader, options.MaximumLineLength, options.MaximumFileBytes);
        var lines = new List<string>();
        while (true)
        {
            LineReadStatus status = lineReader.Read(out string line);
            if (status == LineReadStatus.EndOfInput)
            {
                break;
            }

            if (LineReadProblem.Describe(status, options) is { } problem)
            {
                return DataFileResult.Failure<ImpedanceText>(new DataFileError(sourceName, Math.Max(1, lineReader.LineNumber), problem));
            }

            lines.Add(lines.Count == 0 ? line.TrimStart('\uFEFF') : line);
        }

        if (lines.TrueForAll(string.IsNullOrWhiteSpace))
        {
            return DataFileResult.Failure<ImpedanceText>(new DataFileError(sourceName, Math.Max(1, lines.Count),
                lines.Count == 0 ? "the file is empty; expected an impedance spectrum" : "the file has only blank lines; expected an impedance spectrum"));
        }

        return DataFileResult.Success(new ImpedanceText(sourceName, lines, lineReader.LastLineTerminated, options));
    }

    /// <summary>The line with that 1-based number.</summary>
    internal string Line(int lineNumber) => Lines[lineNumber - 1];

    /// <summary>The 1-based number of the first line at or after <paramref name="fromLine"/> that satisfies the predicate, or 0.</summary>
    internal int Find(int fromLine, Func<string, bool> predicate)
    {
        for (int n = Math.Max(1, fromLine); n <= Count; n++)
        {
            if (predicate(Lines[n - 1]))
            {
                return n;
            }
        }

        return 0;
    }

    internal DataFileError Error(int lineNumber, string problem) => new(SourceName, Math.Clamp(lineNumber, 1, Math.Max(1, Count)), problem);

    internal DataFileResult<T> Fail<T>(int lineNumber, string problem)
        where T : class => DataFileResult.Failure<T>(Error(lineNumber, problem));

    /// <summary>True when the file's bytes are valid UTF-8 (checked in chunks, up to the size limit).</summary>
    private static bool IsUtf8(string path, long maximumBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        const int chunk = 64 * 1024;
        byte[] bytes = ArrayPool<byte>.Shared.Rent(chunk + 4);
        char[] chars = ArrayPool<char>.Shared.Rent(chunk + 4);
        try
        {
            int carried = 0;
            long total = 0;
            while (true)
            {
                int read = stream.Read(bytes, carried, chunk);
                total += read;
                int available = carried + read;
                bool final = read == 0 || total > maximumBytes;
                OperationStatus status = Utf8.ToUtf16(bytes.AsSpan(0, available), chars, out int consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                if (status == OperationStatus.InvalidData)
                {
                    return false;
                }

                if (final)
                {
                    return true;
                }

                carried = available - consumed;
                bytes.AsSpan(consumed, carried).CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
