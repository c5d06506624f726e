using Microsoft.Win32.SafeHandles;

namespace Electrochem.IO.Cycling;

/// <summary>
/// A read-only stream over bytes <c>[start, end)</c> of an open file, read with positional reads, so several threads
/// can each read their own range of one handle at once.
/// </summary>
internal sealed class FileRangeStream : Stream
{
    private readonly SafeFileHandle _handle;
    private readonly long _start;
    private readonly long _end;
    private long _position;

    internal FileRangeStream(SafeFileHandle handle, long start, long end)
    {
        _handle = handle;
        _start = start;
        _end = end;
        _position = start;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _end - _start;

    public override long Position { get => _position - _start; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int wanted = (int)Math.Min(buffer.Length, _end - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        int read = RandomAccess.Read(_handle, buffer[..wanted], _position);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
