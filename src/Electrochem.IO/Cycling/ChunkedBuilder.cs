using System.Buffers;

namespace Electrochem.IO.Cycling;

/// <summary>
/// An append-only column of unknown final length, kept in fixed-size pooled chunks so that growing it never copies
/// and finishing it allocates the exact-size array once (peak memory: the chunks plus the final array, and the chunks
/// are returned to the pool while they are copied).
/// </summary>
/// <typeparam name="T">double for numeric columns, int for codes and line numbers.</typeparam>
internal sealed class ChunkedBuilder<T> : IDisposable
    where T : struct
{
    private const int ChunkLength = 1 << 16;
    private readonly List<T[]> _chunks = [];
    private T[]? _current;
    private int _used;

    internal int Count { get; private set; }

    internal void Add(T value)
    {
        if (_current is null || _used == _current.Length)
        {
            _current = ArrayPool<T>.Shared.Rent(ChunkLength);
            _chunks.Add(_current);
            _used = 0;
        }

        _current[_used++] = value;
        Count++;
    }

    internal T this[int index] => _chunks[index / ChunkLength][index % ChunkLength];

    /// <summary>Copies every value into one array and releases the chunks; the builder is then empty.</summary>
    internal T[] ToArrayAndClear()
    {
        T[] result = GC.AllocateUninitializedArray<T>(Count); // every element is written below
        int offset = 0;
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
