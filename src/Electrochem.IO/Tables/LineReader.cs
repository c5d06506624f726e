using System.Text;

namespace Electrochem.IO.Tables;

/// <summary>What <see cref="LineReader.Read"/> found.</summary>
internal enum LineReadStatus
{
    /// <summary>A line was read.</summary>
    Line,

    /// <summary>The end of the input; no line.</summary>
    EndOfInput,

    /// <summary>The current line is longer than the limit; reading stopped inside it.</summary>
    LineTooLong,

    /// <summary>The input is longer than the limit; reading stopped inside the current line.</summary>
    InputTooLarge,

    /// <summary>The current line contains a NUL character (a binary file).</summary>
    NulCharacter,
}

/// <summary>
/// Reads lines (ended by \n, \r\n or \r) from a text reader in fixed-size chunks, never holding more than one line
/// of at most the line-length limit, and stopping once more characters than the input limit have been read.
/// </summary>
internal sealed class LineReader
{
    private readonly TextReader _reader;
    private readonly int _maximumLineLength;
    private readonly long _maximumCharacters;
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _position;
    private int _length;
    private long _consumed;
    private bool _skipLineFeed;

    internal LineReader(TextReader reader, int maximumLineLength, long maximumCharacters)
    {
        _reader = reader;
        _maximumLineLength = maximumLineLength;
        _maximumCharacters = maximumCharacters;
    }

    /// <summary>1-based number of the line last returned (or being read when an error was reported).</summary>
    internal int LineNumber { get; private set; }

    /// <summary>False when the line last returned ended at the end of the input without a line break.</summary>
    internal bool LastLineTerminated { get; private set; } = true;

    internal LineReadStatus Read(out string line)
    {
        line = string.Empty;
        _line.Clear();
        bool started = false;
        while (true)
        {
            if (_position == _length)
            {
                _length = _reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length == 0)
                {
                    if (!started)
                    {
                        return LineReadStatus.EndOfInput;
                    }

                    LastLineTerminated = false;
                    line = _line.ToString();
                    return LineReadStatus.Line;
                }
            }

            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (_buffer[_position] == '\n')
                {
                    _position++;
                    _consumed++;
                    continue;
                }
            }

            if (!started)
            {
                started = true;
                LineNumber++;
            }

            ReadOnlySpan<char> available = _buffer.AsSpan(_position, _length - _position);
            int stop = available.IndexOfAny('\r', '\n', '\0');
            int take = stop < 0 ? available.Length : stop;
            _line.Append(available[..take]);
            _position += take;
            _consumed += take;
            if (_consumed > _maximumCharacters)
            {
                return LineReadStatus.InputTooLarge;
            }

            if (_line.Length > _maximumLineLength)
            {
                return LineReadStatus.LineTooLong;
            }

            if (stop < 0)
            {
                continue;
            }

            char terminator = available[stop];
            if (terminator == '\0')
            {
                return LineReadStatus.NulCharacter;
            }

            _position++;
            _consumed++;
            _skipLineFeed = terminator == '\r';
            LastLineTerminated = true;
            line = _line.ToString();
            return LineReadStatus.Line;
        }
    }
}
