using System.Collections.Immutable;
using Electrochem.IO.Tables;

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

    /// <summary>
    /// Joins dictionary-encoded pieces of one column, in order, into one: categories in order of first appearance,
    /// as if the column had been read in one piece.
    /// </summary>
    internal static (int[] Codes, ImmutableArray<string> Categories) Concatenate(IReadOnlyList<(int[] Codes, ImmutableArray<string> Categories)> pieces)
    {
        if (pieces.Count == 1)
        {
            return pieces[0];
        }

        var codes = new int[pieces.Sum(p => p.Codes.Length)];
        var merged = new Dictionary<string, int>(StringComparer.Ordinal);
        var categories = ImmutableArray.CreateBuilder<string>();
        int row = 0;
        foreach ((int[] pieceCodes, ImmutableArray<string> pieceCategories) in pieces)
        {
            // Categories are numbered in order of first appearance within the piece, so mapping them in code order
            // keeps the merged numbering in order of first appearance too.
            var map = new int[pieceCategories.Length];
            for (int i = 0; i < map.Length; i++)
            {
                map[i] = -2;
            }

            foreach (int code in pieceCodes)
            {
                int mapped = -1;
                if (code >= 0)
                {
                    mapped = map[code];
                    if (mapped == -2)
                    {
                        string text = pieceCategories[code];
                        if (!merged.TryGetValue(text, out mapped))
                        {
                            mapped = categories.Count;
                            categories.Add(text);
                            merged.Add(text, mapped);
                        }

                        map[code] = mapped;
                    }
                }

                codes[row++] = mapped;
            }
        }

        return (codes, categories.ToImmutable());
    }

    public void Dispose() => _rows.Dispose();
}
