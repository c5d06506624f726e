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
/// <remarks>
/// The text is held compactly, not as one string per line: every line is stored UTF-8 encoded, followed by a line
/// feed, in blocks of about 1 MiB, with the position of every <see cref="IndexStride"/>-th line indexed. So a file of
/// ASCII text takes about its own size (plus 8 bytes per 16 lines) however many lines it has, and
/// <see cref="Line(int)"/> decodes a line when it is asked for, in constant time when lines are read in order (a
/// cursor remembers the last one) and in at most <see cref="IndexStride"/> steps otherwise. An instance is read by
/// one thread at a time (the cursor is not synchronised); it never leaves the reader that made it.
/// </remarks>
internal sealed class ImpedanceText
{
    /// <summary>Every this many lines, the position of a line is indexed.</summary>
    internal const int IndexStride = 16;

    private const int BlockBytes = 1 << 20;

    private readonly byte[][] _blocks;
    private readonly int[] _blockUsed;
    private readonly long[] _index;
    private int _cursorLine;
    private int _cursorBlock;
    private int _cursorOffset;
    private int _firstContentLine = -1;

    private ImpedanceText(string sourceName, byte[][] blocks, int[] blockUsed, long[] index, int count, bool lastLineTerminated, DelimitedTableOptions options)
    {
        SourceName = sourceName;
        _blocks = blocks;
        _blockUsed = blockUsed;
        _index = index;
        Count = count;
        LastLineTerminated = lastLineTerminated;
        Options = options;
    }

    internal string SourceName { get; }

    /// <summary>False when the last line ended at the end of the input without a line break (a truncated file, perhaps).</summary>
    internal bool LastLineTerminated { get; }

    internal DelimitedTableOptions Options { get; }

    /// <summary>Columns the caller named, or null; set once, before the text is parsed.</summary>
    internal ImpedanceColumnChoices? Columns { get; set; }

    /// <summary>The number of lines.</summary>
    internal int Count { get; }

    /// <summary>The 1-based number of the first line that is neither blank nor a <c>#</c> comment, or 0 (found once, then remembered).</summary>
    internal int FirstContentLine
    {
        get
        {
            if (_firstContentLine < 0)
            {
                _firstContentLine = Find(1, line => !IsBlankOrComment(line, comments: true));
            }

            return _firstContentLine;
        }
    }

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
        var blocks = new List<byte[]>();
        var used = new List<int>();
        var index = new List<long>();
        byte[] block = [];
        int offset = 0;
        int count = 0;
        bool anyContent = false;
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

            ReadOnlySpan<char> chars = count == 0 ? line.AsSpan().TrimStart('\uFEFF') : line.AsSpan();
            anyContent |= !chars.IsWhiteSpace();
            int needed = Encoding.UTF8.GetByteCount(chars) + 1;
            if (block.Length - offset < needed)
            {
                if (blocks.Count > 0)
                {
                    used[^1] = offset;
                }

                block = new byte[Math.Max(BlockBytes, needed)];
                blocks.Add(block);
                used.Add(0);
                offset = 0;
            }

            if (count % IndexStride == 0)
            {
                index.Add(((long)(blocks.Count - 1) << 32) | (uint)offset);
            }

            offset += Encoding.UTF8.GetBytes(chars, block.AsSpan(offset));
            block[offset++] = (byte)'\n';
            count++;
        }

        if (blocks.Count > 0)
        {
            used[^1] = offset;
        }

        if (!anyContent)
        {
            return DataFileResult.Failure<ImpedanceText>(new DataFileError(sourceName, Math.Max(1, count),
                count == 0 ? "the file is empty; expected an impedance spectrum" : "the file has only blank lines; expected an impedance spectrum"));
        }

        return DataFileResult.Success(new ImpedanceText(sourceName, [.. blocks], [.. used], [.. index], count, lineReader.LastLineTerminated, options));
    }

    /// <summary>Whether a line is blank, or (when <paramref name="comments"/>) a comment starting with <c>#</c> after any spaces.</summary>
    internal static bool IsBlankOrComment(string line, bool comments)
    {
        ReadOnlySpan<char> trimmed = line.AsSpan().Trim();
        return trimmed.IsEmpty || (comments && trimmed[0] == '#');
    }

    /// <summary>The line with that 1-based number, without its line break.</summary>
    internal string Line(int lineNumber)
    {
        Seek(lineNumber);
        ReadOnlySpan<byte> rest = _blocks[_cursorBlock].AsSpan(_cursorOffset, _blockUsed[_cursorBlock] - _cursorOffset);
        return Encoding.UTF8.GetString(rest[..rest.IndexOf((byte)'\n')]);
    }

    /// <summary>Moves the cursor to the start of the line: forward from where it is, or from the nearest indexed line before it.</summary>
    private void Seek(int lineNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lineNumber, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lineNumber, Count);
        if (_cursorLine == 0 || lineNumber < _cursorLine || lineNumber - _cursorLine > IndexStride)
        {
            long position = _index[(lineNumber - 1) / IndexStride];
            _cursorLine = ((lineNumber - 1) / IndexStride * IndexStride) + 1;
            _cursorBlock = (int)(position >> 32);
            _cursorOffset = (int)(position & uint.MaxValue);
        }

        while (_cursorLine < lineNumber)
        {
            _cursorOffset += _blocks[_cursorBlock].AsSpan(_cursorOffset, _blockUsed[_cursorBlock] - _cursorOffset).IndexOf((byte)'\n') + 1;
            if (_cursorOffset == _blockUsed[_cursorBlock])
            {
                _cursorBlock++;
                _cursorOffset = 0;
            }

            _cursorLine++;
        }
    }

    /// <summary>The whole text, lines joined by line feeds, as a reader (for parsers that read a stream).</summary>
    /// <remarks>The last line has no line feed when the input's had none, so parsers can still say the file may be truncated.</remarks>
    internal TextReader OpenReader()
    {
        int[] used = [.. _blockUsed];
        if (!LastLineTerminated)
        {
            used[^1]--;
        }

        return new StreamReader(new BlockStream(_blocks, used), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
    }

    /// <summary>The 1-based number of the first line at or after <paramref name="fromLine"/> that satisfies the predicate, or 0.</summary>
    internal int Find(int fromLine, Func<string, bool> predicate)
    {
        for (int n = Math.Max(1, fromLine); n <= Count; n++)
        {
            if (predicate(Line(n)))
            {
                return n;
            }
        }

        return 0;
    }

    /// <summary>
    /// The stand-in for a binary file's text (an EC-Lab <c>.mpr</c>): no lines to read, only the name, the limits and the
    /// caller's column choices, with one "line" per data point so that errors name the point (1-based).
    /// </summary>
    internal static ImpedanceText ForBinary(string sourceName, int points, DelimitedTableOptions options) =>
        new(sourceName, [], [], [], points, lastLineTerminated: true, options);

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

    /// <summary>The used bytes of the blocks, in order, as a read-only forward stream.</summary>
    private sealed class BlockStream(byte[][] blocks, int[] used) : Stream
    {
        private int _block;
        private int _offset;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (_block < blocks.Length && _offset == used[_block])
            {
                _block++;
                _offset = 0;
            }

            if (_block == blocks.Length)
            {
                return 0;
            }

            int take = Math.Min(buffer.Length, used[_block] - _offset);
            blocks[_block].AsSpan(_offset, take).CopyTo(buffer);
            _offset += take;
            return take;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
