namespace Electrochem.IO.Cycling;

/// <summary>
/// A pass-through <see cref="TextReader"/> that stops a file with an absurdly long line before a parser buffers it:
/// after <c>maximumLineLength</c> characters without a line break it throws <see cref="LineTooLongException"/>.
/// The check is one vectorised search for line breaks per buffer.
/// </summary>
internal sealed class BoundedLineReader(TextReader inner, int maximumLineLength) : TextReader
{
    private int _sinceBreak;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        int read = inner.Read(buffer);
        ReadOnlySpan<char> chunk = buffer[..read];
        int last = chunk.LastIndexOfAny('\n', '\r');
        if (last < 0)
        {
            _sinceBreak += read;
        }
        else
        {
            int first = chunk.IndexOfAny('\n', '\r');
            if (_sinceBreak + first > maximumLineLength)
            {
                throw new LineTooLongException(maximumLineLength);
            }

            _sinceBreak = read - last - 1;
        }

        if (_sinceBreak > maximumLineLength)
        {
            throw new LineTooLongException(maximumLineLength);
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A line exceeded the reader's limit (caught by the cycler readers and reported as a file error).</summary>
internal sealed class LineTooLongException(int limit) : IOException($"a line is longer than {limit} characters")
{
    internal int Limit { get; } = limit;
}
