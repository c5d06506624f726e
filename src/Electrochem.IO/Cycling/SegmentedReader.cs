namespace Electrochem.IO.Cycling;

/// <summary>
/// Presents a long text as consecutive segments of about <c>segmentLength</c> characters, each ending at a line break
/// outside double quotes, so a parser whose positions are 32-bit (Sep counts characters in an int) can read a file of
/// any size one segment at a time. A segment ends by returning 0 from <see cref="Read(Span{char})"/>;
/// <see cref="NextSegment"/> starts the next one. Line breaks are never split from their row. Disposing it (as each
/// Sep reader does when it is disposed) leaves the inner reader open: its owner disposes it.
/// </summary>
internal sealed class SegmentedReader(TextReader inner, int segmentLength) : TextReader
{
    private char[] _pending = [];
    private int _pendingStart;
    private int _pendingEnd;
    private long _delivered;
    private bool _insideQuotes;
    private bool _segmentEnded;
    private bool _innerDone;

    /// <summary>Line feeds delivered in the current segment (its line count: a segment ends just after one).</summary>
    internal int LineFeedsInSegment { get; private set; }

    /// <summary>True when the whole text has been delivered.</summary>
    internal bool AtEnd => _innerDone && _pendingStart == _pendingEnd;

    /// <summary>Starts the next segment after the current one ended.</summary>
    internal void NextSegment()
    {
        _segmentEnded = false;
        _delivered = 0;
        LineFeedsInSegment = 0;
    }

    public override int Peek() => throw new NotSupportedException("The segmented reader is read in blocks.");

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_segmentEnded || buffer.IsEmpty)
        {
            return 0;
        }

        int n;
        if (_pendingStart < _pendingEnd)
        {
            n = Math.Min(buffer.Length, _pendingEnd - _pendingStart);
            _pending.AsSpan(_pendingStart, n).CopyTo(buffer);
            _pendingStart += n;
        }
        else
        {
            n = _innerDone ? 0 : inner.Read(buffer);
            if (n == 0)
            {
                _innerDone = true;
                return 0;
            }
        }

        Span<char> chunk = buffer[..n];
        if (_delivered + n < segmentLength)
        {
            Account(chunk);
            return n;
        }

        // Past the segment length: end at the first line break outside quotes from where the length is reached.
        int from = (int)Math.Max(0, segmentLength - _delivered);
        Account(chunk[..from]);
        for (int i = from; i < n; i++)
        {
            char c = chunk[i];
            if (c == '"')
            {
                _insideQuotes = !_insideQuotes;
            }
            else if (c == '\n' && !_insideQuotes)
            {
                int end = i + 1;
                LineFeedsInSegment += chunk[from..end].Count('\n');
                Stash(chunk[end..]);
                _delivered += end;
                _segmentEnded = true;
                return end;
            }
        }

        _delivered += n - from;
        LineFeedsInSegment += chunk[from..].Count('\n');
        return n;
    }

    private void Account(ReadOnlySpan<char> chunk)
    {
        _delivered += chunk.Length;
        LineFeedsInSegment += chunk.Count('\n');
        if (chunk.Count('"') % 2 == 1)
        {
            _insideQuotes = !_insideQuotes;
        }
    }

    /// <summary>Keeps characters read past the segment's end for the next segment, before any still pending (they came first).</summary>
    private void Stash(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            return;
        }

        int remaining = _pendingEnd - _pendingStart;
        char[] next = new char[rest.Length + remaining];
        rest.CopyTo(next);
        _pending.AsSpan(_pendingStart, remaining).CopyTo(next.AsSpan(rest.Length));
        (_pending, _pendingStart, _pendingEnd) = (next, 0, next.Length);
    }
}
