using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using nietras.SeparatedValues;

namespace Electrochem.IO.Cycling;

/// <summary>A file whose data block may be read on several threads, and how.</summary>
/// <param name="Path">The file.</param>
/// <param name="Encoding">Its text encoding.</param>
/// <param name="MaxDegreeOfParallelism">Threads to use (-1: one per processor).</param>
/// <param name="MaximumLineLength">The longest line accepted, in characters.</param>
internal sealed record ParallelBlockSource(string Path, Encoding Encoding, int MaxDegreeOfParallelism, int MaximumLineLength)
{
    /// <summary>Smaller files are read on one thread (default 8 MiB: below it, starting threads costs about what they save).</summary>
    internal long MinimumBytes { get; init; } = 8 << 20;

    /// <summary>The largest part handed to one Sep reader (bytes; no more characters than that for the encodings read in parts).</summary>
    internal long PartBytes { get; init; } = DelimitedBlockReader.SegmentLength;
}

/// <summary>
/// Reads the data block of a large file on several threads: the bytes after the header are cut into parts at line
/// feeds, every part's line feeds are counted (in parallel), every numeric column is allocated once for all lines, and
/// each part is parsed by its own Sep reader straight into its rows' place in those columns. The result is the one
/// the single-threaded reader gives — the same values, warnings, errors and line numbers — or null when the file is
/// not one this can promise that for, and it is read on one thread instead: an encoding in which a byte 0x0A is not
/// always a line feed (UTF-16), line breaks made of a carriage return alone, double quotes anywhere in the data (a
/// quoted field may hold a line break), a line longer than the limit, or a part holding more rows than lines.
/// </summary>
internal static class ParallelBlockReader
{
    private const int ScanBuffer = 1 << 20;

    /// <summary>The header must end within this many bytes of the file's start.</summary>
    private const long HeaderScanLimit = 16 << 20;

    /// <summary>Reads the rows after the header (which <paramref name="layout"/> describes, on one line), or returns null to leave them to the single-threaded reader.</summary>
    internal static DataFileResult<RawTable>? TryRead(ParallelBlockSource file, BlockLayout layout, CancellationToken cancellationToken)
    {
        int degree = file.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : file.MaxDegreeOfParallelism;
        if (degree < 2 || file.Encoding.CodePage is not (65001 or 1252 or 28591 or 20127))
        {
            return null;
        }

        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (IOException)
        {
            return null; // Read on one thread, from the stream already open.
        }

        using (handle)
        {
            long length = RandomAccess.GetLength(handle);
            if (length < file.MinimumBytes || DataStart(handle, length, layout.HeaderLine) is not { } dataStart)
            {
                return null;
            }

            Part[]? parts = Cut(handle, dataStart, length, degree, file.PartBytes, file.MaximumLineLength);
            if (parts is null || !Count(handle, parts, length, degree, layout.HeaderLine + 1, cancellationToken))
            {
                return null;
            }

            long lines = parts.Sum(p => (long)p.Lines);
            if (lines > Array.MaxLength)
            {
                return null;
            }

            double[]?[] targets = [.. layout.Plans.Select(p => p.Kind == ColumnKind.Text ? null : GC.AllocateUninitializedArray<double>((int)lines))];
            var read = new (BlockRows? Rows, DataFileError? Error)[parts.Length];
            try
            {
                Run(parts.Length, degree, k => read[k] = ReadPart(handle, file, layout, parts[k], targets, cancellationToken), cancellationToken);
                return read.Any(r => r.Rows is null || r.Rows.Spilled) ? null : Merge(read, parts, targets, layout);
            }
            finally
            {
                foreach ((BlockRows? rows, _) in read)
                {
                    rows?.Dispose();
                }
            }
        }
    }

    /// <summary>The byte offset just after the header line's line feed, or null (a lone carriage return, or no such line near the start).</summary>
    private static long? DataStart(SafeFileHandle handle, long length, int headerLine)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int lineFeeds = 0;
            bool afterReturn = false;
            long position = 0;
            while (position < Math.Min(length, HeaderScanLimit))
            {
                int read = RandomAccess.Read(handle, buffer, position);
                if (read == 0)
                {
                    return null;
                }

                for (int i = 0; i < read; i++)
                {
                    byte b = buffer[i];
                    if (afterReturn && b != (byte)'\n')
                    {
                        return null;
                    }

                    afterReturn = b == (byte)'\r';
                    if (b == (byte)'\n' && ++lineFeeds == headerLine)
                    {
                        return position + i + 1;
                    }
                }

                position += read;
            }

            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Cuts the data into parts of about equal size, each ending just after a line feed; null when a cut finds no line feed within a line's length.</summary>
    private static Part[]? Cut(SafeFileHandle handle, long dataStart, long length, int degree, long partBytes, int maximumLineLength)
    {
        long bytes = length - dataStart;
        long count = Math.Max(degree, (bytes + partBytes - 1) / partBytes);
        var starts = new List<long> { dataStart };
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            for (long k = 1; k < count; k++)
            {
                long position = Math.Max(dataStart + (bytes * k / count), starts[^1]);
                long searched = 0;
                long cut = -1;
                while (cut < 0 && position < length && searched <= maximumLineLength * 4L)
                {
                    int read = RandomAccess.Read(handle, buffer, position);
                    int lineFeed = buffer.AsSpan(0, read).IndexOf((byte)'\n');
                    if (lineFeed >= 0)
                    {
                        cut = position + lineFeed + 1;
                    }

                    position += read;
                    searched += read;
                }

                if (cut < 0 && position < length)
                {
                    return null;
                }

                if (cut > starts[^1] && cut < length)
                {
                    starts.Add(cut);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (starts.Count < 2)
        {
            return null;
        }

        var parts = new Part[starts.Count];
        for (int k = 0; k < parts.Length; k++)
        {
            parts[k] = new Part { Start = starts[k], End = k + 1 < starts.Count ? starts[k + 1] : length };
        }

        return parts;
    }

    /// <summary>
    /// Counts every part's lines (in parallel) and places the parts: their first line and their offset in the columns.
    /// False when a part holds a double quote or a carriage return that is not before a line feed.
    /// </summary>
    private static bool Count(SafeFileHandle handle, Part[] parts, long length, int degree, int firstDataLine, CancellationToken cancellationToken)
    {
        Run(parts.Length, degree, k =>
        {
            Part part = parts[k];
            byte[] buffer = ArrayPool<byte>.Shared.Rent(ScanBuffer);
            try
            {
                long lineFeeds = 0;
                bool afterReturn = false;
                byte last = 0;
                for (long position = part.Start; position < part.End;)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(ScanBuffer, part.End - position)), position);
                    if (read == 0)
                    {
                        return; // The file shrank while it was read: leave it to the single-threaded reader.
                    }

                    ReadOnlySpan<byte> span = buffer.AsSpan(0, read);
                    if (span.Contains((byte)'"') || !ReturnsBeforeLineFeeds(span, ref afterReturn))
                    {
                        return;
                    }

                    lineFeeds += span.Count((byte)'\n');
                    last = span[^1];
                    position += read;
                }

                // The file's last line may have no line feed; a part that is not last ends with one.
                part.Lines = lineFeeds + (part.End == length && last != (byte)'\n' ? 1 : 0);
                part.Counted = !afterReturn || part.End != length;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }, cancellationToken);

        long line = firstDataLine;
        long offset = 0;
        foreach (Part part in parts)
        {
            if (!part.Counted || line + part.Lines > int.MaxValue)
            {
                return false;
            }

            part.FirstLine = (int)line;
            part.Offset = offset;
            line += part.Lines;
            offset += part.Lines;
        }

        return true;
    }

    /// <summary>True when every carriage return in <paramref name="span"/> is followed by a line feed (one ending the previous span counts as well).</summary>
    private static bool ReturnsBeforeLineFeeds(ReadOnlySpan<byte> span, ref bool afterReturn)
    {
        if (afterReturn && span[0] != (byte)'\n')
        {
            return false;
        }

        int at = span.IndexOf((byte)'\r');
        while (at >= 0)
        {
            if (at + 1 == span.Length)
            {
                afterReturn = true;
                return true;
            }

            if (span[at + 1] != (byte)'\n')
            {
                return false;
            }

            int next = span[(at + 2)..].IndexOf((byte)'\r');
            at = next < 0 ? -1 : at + 2 + next;
        }

        afterReturn = false;
        return true;
    }

    /// <summary>Parses one part into its place; a null Rows asks for the single-threaded reader (a line over the limit).</summary>
    private static (BlockRows? Rows, DataFileError? Error) ReadPart(SafeFileHandle handle, ParallelBlockSource file, BlockLayout layout, Part part, double[]?[] targets, CancellationToken cancellationToken)
    {
        BlockRows rows = BlockRows.Part(layout, part.FirstLine, targets, (int)part.Offset, (int)part.Lines);
        try
        {
            using var text = new BoundedLineReader(new StreamReader(new FileRangeStream(handle, part.Start, part.End), file.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16), file.MaximumLineLength);
            using SepReader sep = DelimitedBlockReader.Open(text, layout.Delimiter, layout.Culture);
            int nextSepLine = 1;
            DataFileError? error = rows.Read(sep, ref nextSepLine, part.FirstLine, cancellationToken);
            return (rows, error);
        }
        catch (LineTooLongException)
        {
            rows.Dispose();
            return (null, null);
        }
        catch
        {
            rows.Dispose();
            throw;
        }
    }

    /// <summary>Joins the parts, in order: the first error in the file wins; otherwise the columns, warnings and row lines of the whole.</summary>
    private static DataFileResult<RawTable> Merge((BlockRows? Rows, DataFileError? Error)[] read, Part[] parts, double[]?[] targets, BlockLayout layout)
    {
        BlockRows[] rows = [.. read.Select(r => r.Rows!)];
        for (int k = 0; k < rows.Length; k++)
        {
            if ((read[k].Error ?? (k + 1 < rows.Length ? rows[k].ShortRowInsideFile() : null)) is { } error)
            {
                return DataFileResult.Failure<RawTable>(error);
            }
        }

        int total = rows.Sum(r => r.Rows);
        if (total == 0)
        {
            return DataFileResult.Failure<RawTable>(new DataFileError(layout.Source, layout.HeaderLine, "the header has no data rows after it; expected at least one row of values"));
        }

        var warnings = new List<string>();
        BlockRows.AddRowWarnings(warnings, rows[^1].ShortRow, layout.Plans.Length, rows.Sum(r => r.BlankRows));
        int[] offsets = [.. parts.Select(p => (int)p.Offset)];
        var columns = new List<RawColumn>(layout.Plans.Length);
        for (int c = 0; c < layout.Plans.Length; c++)
        {
            columns.Add(BlockColumn.Merge([.. rows.Select(r => r.Columns[c])], targets[c], offsets, warnings));
        }

        return DataFileResult.Success(new RawTable(columns, RowLines(rows), warnings));
    }

    /// <summary>Every row's line: one run when the parts' rows follow each other line by line, else the parts' lines joined.</summary>
    private static int[] RowLines(BlockRows[] rows)
    {
        bool oneRun = true;
        for (int k = 0; k + 1 < rows.Length && oneRun; k++)
        {
            oneRun = rows[k].IsConsecutive && rows[k].FirstLine + rows[k].Rows == rows[k + 1].FirstLine;
        }

        if (oneRun && rows[^1].IsConsecutive)
        {
            int[] lines = GC.AllocateUninitializedArray<int>(rows.Sum(r => r.Rows));
            for (int i = 0; i < lines.Length; i++)
            {
                lines[i] = rows[0].FirstLine + i;
            }

            return lines;
        }

        return [.. rows.SelectMany(r => r.RowLines())];
    }

    /// <summary>Runs <paramref name="body"/> for 0 … count − 1 on up to <paramref name="degree"/> threads; the first exception is rethrown as itself.</summary>
    private static void Run(int count, int degree, Action<int> body, CancellationToken cancellationToken)
    {
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken }, body);
        }
        catch (AggregateException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>One line-aligned range of the data.</summary>
    private sealed class Part
    {
        internal long Start { get; init; }

        internal long End { get; init; }

        /// <summary>Lines in the part (its line feeds, plus an unterminated last line).</summary>
        internal long Lines { get; set; }

        /// <summary>True when the part was counted and may be read in parallel.</summary>
        internal bool Counted { get; set; }

        internal int FirstLine { get; set; }

        /// <summary>Where the part's rows start in the columns.</summary>
        internal long Offset { get; set; }
    }
}
