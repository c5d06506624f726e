namespace Electrochem.IO.Cycling;

/// <summary>Passes text through without its double quotes (Novonix quotes each whole data line: <c>"a,b,c"</c>).</summary>
internal sealed class QuoteStrippingReader(TextReader inner) : TextReader
{
    public override int Peek() => throw new NotSupportedException("The quote-stripping reader is read in blocks.");

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        while (true)
        {
            int read = inner.Read(buffer);
            if (read == 0)
            {
                return 0;
            }

            int kept = 0;
            for (int i = 0; i < read; i++)
            {
                if (buffer[i] != '"')
                {
                    buffer[kept++] = buffer[i];
                }
            }

            if (kept > 0)
            {
                return kept;
            }
        }
    }
}
