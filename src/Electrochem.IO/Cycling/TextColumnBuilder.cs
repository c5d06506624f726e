using System.Collections.Immutable;

namespace Electrochem.IO.Cycling;

/// <summary>Dictionary-encodes a text column while it is read: one int code per row, each distinct text stored once.</summary>
internal sealed class TextColumnBuilder : IDisposable
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _categories = [];
    private readonly ChunkedBuilder<int> _rows = new();

    internal TextColumnBuilder() => _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();

    internal int Count => _rows.Count;

    internal int CategoryCount => _categories.Count;

    internal void Add(ReadOnlySpan<char> text)
    {
        ReadOnlySpan<char> trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            _rows.Add(-1);
            return;
        }

        if (!_lookup.TryGetValue(trimmed, out int code))
        {
            code = _categories.Count;
            string value = trimmed.ToString();
            _categories.Add(value);
            _codes.Add(value, code);
        }

        _rows.Add(code);
    }

    internal (int[] Codes, ImmutableArray<string> Categories) Build() => (_rows.ToArrayAndClear(), [.. _categories]);

    public void Dispose() => _rows.Dispose();
}
