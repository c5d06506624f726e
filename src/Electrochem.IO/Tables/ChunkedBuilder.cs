using System.Buffers;

namespace Electrochem.IO.Tables;

/// <summary>
/// An append-only column of unknown final length. When the caller can estimate the length (from the file's size and
/// its first lines) the values go into one array of that size, which becomes the column without a copy when the
/// estimate holds; values beyond it (or all values, without an estimate) go into fixed-size pooled chunks, copied once
/// into an exact array at the end, returning each chunk to the pool as it is copied. So the peak memory is about one
/// column when the estimate is right, and at most two otherwise. Chunks start small (16 values) and double up to
/// 65,536, so a table of many short columns costs little more than its values.
/// </summary>
/// <typeparam name="T">double for numeric columns, int for codes and line numbers.</typeparam>
internal sealed class ChunkedBuilder<T> : IDisposable
    where T : struct
{
    private const int FirstChunkLength = 16;
    private const int ChunkLength = 1 << 16;

    /// <summary>The values held by the growing chunks before the first full-size one: 16 + 32 + … + 32,768.</summary>
    private const int GrowingLength = ChunkLength - FirstChunkLength;

    /// <summary>An estimated first block is kept as the column when at least this fraction of it is used.</summary>
    private const double KeepFraction = 0.75;

    private readonly List<T[]> _chunks = [];
    private T[] _first;
    private int _firstOffset;
    private int _firstLength;
    private T[]? _current;
    private int _used;

    /// <summary>Creates a builder.</summary>
    /// <param name="expectedCount">The estimated number of values (0 when unknown); allocated up front.</param>
    internal ChunkedBuilder(int expectedCount = 0)
    {
        _first = expectedCount > 0 ? GC.AllocateUninitializedArray<T>(expectedCount) : [];
        _firstLength = _first.Length;
    }

    /// <summary>
    /// Creates a builder whose first values go into <paramref name="length"/> elements of a caller's array from
    /// <paramref name="offset"/> (one part of a column read on several threads); the caller owns that array and reads
    /// the values there, so <see cref="Spilled"/> must be false when it does.
    /// </summary>
    internal ChunkedBuilder(T[] block, int offset, int length)
    {
        _first = block;
        _firstOffset = offset;
        _firstLength = length;
    }

    internal int Count { get; private set; }

    /// <summary>True when more values came than the first block holds (they are in pooled chunks).</summary>
    internal bool Spilled => _chunks.Count > 0;

    internal void Add(T value)
    {
        if (Count < _firstLength)
        {
            _first[_firstOffset + Count++] = value;
            return;
        }

        if (_current is null || _used == LengthOf(_chunks.Count - 1))
        {
            _current = ArrayPool<T>.Shared.Rent(LengthOf(_chunks.Count));
            _chunks.Add(_current);
            _used = 0;
        }

        _current[_used++] = value;
        Count++;
    }

    internal T this[int index]
    {
        get
        {
            if (index < _firstLength)
            {
                return _first[_firstOffset + index];
            }

            int i = index - _firstLength;
            if (i >= GrowingLength)
            {
                int full = i - GrowingLength;
                return _chunks[GrowingChunks + (full / ChunkLength)][full % ChunkLength];
            }

            // Chunk k holds FirstChunkLength << k values and starts at FirstChunkLength * (2^k − 1).
            int k = 31 - int.LeadingZeroCount((i / FirstChunkLength) + 1);
            return _chunks[k][i - (FirstChunkLength * ((1 << k) - 1))];
        }
    }

    /// <summary>The values as one block (the estimated array itself when it fits well, else an exact copy); the builder is then empty.</summary>
    internal Memory<T> ToMemoryAndClear()
    {
        if (_chunks.Count == 0 && Count >= KeepFraction * _firstLength)
        {
            Memory<T> kept = _first.AsMemory(_firstOffset, Count);
            _first = [];
            Clear();
            return kept;
        }

        return ToArrayAndClear();
    }

    /// <summary>The values as one exact array (the first block itself when the estimate was exact, else a copy that releases the chunks); the builder is then empty.</summary>
    internal T[] ToArrayAndClear()
    {
        if (_chunks.Count == 0 && _firstOffset == 0 && Count == _first.Length)
        {
            T[] exact = _first;
            _first = [];
            Clear();
            return exact;
        }

        T[] result = GC.AllocateUninitializedArray<T>(Count); // every element is written below
        int fromFirst = Math.Min(Count, _firstLength);
        _first.AsSpan(_firstOffset, fromFirst).CopyTo(result);
        _first = [];
        int offset = fromFirst;
        for (int i = 0; i < _chunks.Count; i++)
        {
            int length = Math.Min(LengthOf(i), Count - offset);
            _chunks[i].AsSpan(0, length).CopyTo(result.AsSpan(offset));
            offset += length;
            ArrayPool<T>.Shared.Return(_chunks[i]);
            _chunks[i] = [];
        }

        Clear();
        return result;
    }

    /// <summary>The number of growing chunks (16 … 32,768 values) before the full-size ones.</summary>
    private const int GrowingChunks = 12;

    /// <summary>The number of values chunk <paramref name="k"/> holds.</summary>
    private static int LengthOf(int k) => k < GrowingChunks ? FirstChunkLength << k : ChunkLength;

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
        _firstOffset = 0;
        _firstLength = _first.Length;
        _chunks.Clear();
        _current = null;
        _used = 0;
        Count = 0;
    }
}
