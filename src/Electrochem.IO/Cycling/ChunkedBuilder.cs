using System.Buffers;

namespace Electrochem.IO.Cycling;

/// <summary>
/// An append-only column of unknown final length. When the caller can estimate the length (from the file's size and
/// its first lines) the values go into one array of that size, which becomes the column without a copy when the
/// estimate holds; values beyond it (or all values, without an estimate) go into fixed-size pooled chunks, copied once
/// into an exact array at the end, returning each chunk to the pool as it is copied. So the peak memory is about one
/// column when the estimate is right, and at most two otherwise.
/// </summary>
/// <typeparam name="T">double for numeric columns, int for codes and line numbers.</typeparam>
internal sealed class ChunkedBuilder<T> : IDisposable
    where T : struct
{
    private const int ChunkLength = 1 << 16;

    /// <summary>An estimated first block is kept as the column when at least this fraction of it is used.</summary>
    private const double KeepFraction = 0.75;

    private readonly List<T[]> _chunks = [];
    private T[] _first;
    private T[]? _current;
    private int _used;

    /// <summary>Creates a builder.</summary>
    /// <param name="expectedCount">The estimated number of values (0 when unknown); allocated up front.</param>
    internal ChunkedBuilder(int expectedCount = 0) => _first = expectedCount > 0 ? GC.AllocateUninitializedArray<T>(expectedCount) : [];

    internal int Count { get; private set; }

    internal void Add(T value)
    {
        if (Count < _first.Length)
        {
            _first[Count++] = value;
            return;
        }

        if (_current is null || _used == _current.Length)
        {
            _current = ArrayPool<T>.Shared.Rent(ChunkLength);
            _chunks.Add(_current);
            _used = 0;
        }

        _current[_used++] = value;
        Count++;
    }

    internal T this[int index] => index < _first.Length ? _first[index] : _chunks[(index - _first.Length) / ChunkLength][(index - _first.Length) % ChunkLength];

    /// <summary>The values as one block (the estimated array itself when it fits well, else an exact copy); the builder is then empty.</summary>
    internal Memory<T> ToMemoryAndClear()
    {
        if (_chunks.Count == 0 && Count >= KeepFraction * _first.Length)
        {
            Memory<T> kept = _first.AsMemory(0, Count);
            _first = [];
            Clear();
            return kept;
        }

        return ToArrayAndClear();
    }

    /// <summary>Copies every value into one exact array and releases the chunks; the builder is then empty.</summary>
    internal T[] ToArrayAndClear()
    {
        T[] result = GC.AllocateUninitializedArray<T>(Count); // every element is written below
        int fromFirst = Math.Min(Count, _first.Length);
        _first.AsSpan(0, fromFirst).CopyTo(result);
        _first = [];
        int offset = fromFirst;
        for (int i = 0; i < _chunks.Count; i++)
        {
            int length = Math.Min(ChunkLength, Count - offset);
            _chunks[i].AsSpan(0, length).CopyTo(result.AsSpan(offset));
            offset += length;
            ArrayPool<T>.Shared.Return(_chunks[i]);
            _chunks[i] = [];
        }

        Clear();
        return result;
    }

    public void Dispose()
    {
        foreach (T[] chunk in _chunks)
        {
            if (chunk.Length > 0)
            {
                ArrayPool<T>.Shared.Return(chunk);
            }
        }

        _first = [];
        Clear();
    }

    private void Clear()
    {
        _chunks.Clear();
        _current = null;
        _used = 0;
        Count = 0;
    }
}
