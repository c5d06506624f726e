using System.Buffers.Binary;
using System.Globalization;

namespace Electrochem.IO.Cycling.Jet;

/// <summary>
/// One stored row of a Jet 4 table: the column count (2 bytes), the fixed-length values, the variable-length values,
/// then — from the end — the null mask (one bit per column, 1 = present; a Yes/No column's value is its bit), the
/// variable-column count and the variable-offset table in reverse order ending with the end-of-data offset. The
/// layout is checked when the row is opened and every value's range when it is read. Valid only while its page is.
/// </summary>
internal readonly struct JetRow
{
    private readonly JetTable _table;
    private readonly byte[] _page;
    private readonly int _start;
    private readonly int _columns;
    private readonly int _mask;
    private readonly int _variables;
    private readonly int _dataEnd;
    private readonly long _pageNumber;
    private readonly int _row;

    /// <summary>Opens row <paramref name="row"/> of page <paramref name="pageNumber"/>, stored at <paramref name="start"/> to <paramref name="end"/> of <paramref name="page"/> (a page, or pages read together).</summary>
    internal JetRow(JetTable table, byte[] page, long pageNumber, int row, int start, int end)
    {
        _table = table;
        _page = page;
        _start = start;
        _pageNumber = pageNumber;
        _row = row;
        if (end - start < 2)
        {
            throw table.File.Fail($"{Where} is {end - start} bytes long, too short for its column count; the file is damaged");
        }

        _columns = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(start));
        _mask = end - ((_columns + 7) / 8);
        if (_mask < start + 2)
        {
            throw table.File.Fail($"{Where} claims {_columns} columns, whose null mask does not fit its {end - start} bytes; the file is damaged");
        }

        if (table.VariableColumnCount == 0)
        {
            _dataEnd = _mask;
            return;
        }

        if (_mask - 2 < start + 2)
        {
            throw table.File.Fail($"{Where} is too short for its variable-column count; the file is damaged");
        }

        _variables = BinaryPrimitives.ReadUInt16LittleEndian(page.AsSpan(_mask - 2));
        _dataEnd = _mask - 4 - (2 * _variables);
        if (_dataEnd < start + 2)
        {
            throw table.File.Fail($"{Where} claims {_variables} variable-length columns, whose offset table does not fit the row; the file is damaged");
        }
    }

    /// <summary>Where the row is, for messages (made only when a message needs it).</summary>
    internal string Where => $"row {_row} of page {_pageNumber} (table '{_table.Name}')";

    /// <summary>
    /// A fixed-length value's bytes (<paramref name="size"/> of them), or false when the row holds no value for the
    /// column (null, or a row written before the column existed); the range is checked to lie in the row's fixed data.
    /// </summary>
    internal bool TryGetFixed(JetColumn column, int size, out ReadOnlySpan<byte> bytes)
    {
        int at = FixedAt(column, size);
        bytes = at < 0 ? default : new ReadOnlySpan<byte>(_page, at, size);
        return at >= 0;
    }

    /// <summary>
    /// Where a fixed-length value's <paramref name="size"/> bytes start in <see cref="Bytes"/>, or −1 when the row
    /// holds no value for the column (null, or a row written before the column existed); the range is checked to lie
    /// in the row's fixed data.
    /// </summary>
    internal int FixedAt(JetColumn column, int size)
    {
        int number = column.Number;
        if (number >= _columns || ((_page[_mask + (number >> 3)] >> (number & 7)) & 1) == 0)
        {
            return -1;
        }

        int at = _start + 2 + column.FixedOffset;
        if (at + size > _dataEnd)
        {
            throw _table.File.Fail($"column '{column.Name}' of {Where} lies at bytes {at - _start} to {at - _start + size}, beyond the row's fixed data; the file is damaged");
        }

        return at;
    }

    /// <summary>The page (or pages read together) the row lies in; <see cref="FixedAt"/> gives positions in it.</summary>
    internal byte[] Bytes => _page;

    /// <summary>
    /// Where the row's fixed data start in <paramref name="page"/> (after the column count) when the row lies in that
    /// array, counts at least <paramref name="columnCount"/> columns, holds a value for every column whose bit is set in
    /// <paramref name="required"/> (null-mask bytes, one bit per column number) and has at least
    /// <paramref name="fixedLength"/> bytes of fixed data; otherwise −1, and each value is read on its own.
    /// </summary>
    internal int CompleteFixedStart(byte[] page, int columnCount, ReadOnlySpan<byte> required, int fixedLength)
    {
        if (!ReferenceEquals(_page, page) || _columns < columnCount || _start + 2 + fixedLength > _dataEnd)
        {
            return -1;
        }

        ReadOnlySpan<byte> mask = new(_page, _mask, required.Length);
        for (int k = 0; k < required.Length; k++)
        {
            if ((mask[k] & required[k]) != required[k])
            {
                return -1;
            }
        }

        return _start + 2;
    }

    /// <summary>True when the row holds a value for the column (for a Yes/No column: when it is Yes).</summary>
    internal bool IsPresent(JetColumn column) =>
        column.Number < _columns && ((_page[_mask + (column.Number >> 3)] >> (column.Number & 7)) & 1) != 0;

    /// <summary>A numeric column's value as a double (a Single by its printed decimal, see <see cref="PrintedSingle.Widen(float)"/>), NaN when null.</summary>
    internal double Number(JetColumn column)
    {
        if (column.Type == JetColumnType.Boolean)
        {
            return IsPresent(column) ? 1 : 0;
        }

        if (!TryGetBytes(column, out ReadOnlySpan<byte> b))
        {
            return double.NaN;
        }

        if (b.Length < JetColumn.FixedSize(column.Type))
        {
            throw _table.File.Fail($"column '{column.Name}' of {Where} holds {b.Length} bytes, fewer than a {column.Type} value needs; the file is damaged");
        }

        return column.Type switch
        {
            JetColumnType.Byte => b[0],
            JetColumnType.Int16 => BinaryPrimitives.ReadInt16LittleEndian(b),
            JetColumnType.Int32 => BinaryPrimitives.ReadInt32LittleEndian(b),
            JetColumnType.Money => BinaryPrimitives.ReadInt64LittleEndian(b) / 10000.0,
            JetColumnType.Float => PrintedSingle.Widen(BinaryPrimitives.ReadSingleLittleEndian(b)),
            JetColumnType.Double or JetColumnType.DateTime => BinaryPrimitives.ReadDoubleLittleEndian(b),
            _ => double.NaN,
        };
    }

    /// <summary>A text-like column's value (text, memo; binary, OLE and decimals as hexadecimal; a GUID in braces), null when null.</summary>
    internal string? Text(JetColumn column)
    {
        if (column.IsNumeric)
        {
            double value = Number(column);
            return double.IsNaN(value) ? null : value.ToString("R", CultureInfo.InvariantCulture);
        }

        if (!TryGetBytes(column, out ReadOnlySpan<byte> b))
        {
            return null;
        }

        return column.Type switch
        {
            JetColumnType.Text => JetText.Decode(b),
            JetColumnType.Memo => JetText.Decode(JetLongValue.Read(_table.File, b, $"column '{column.Name}' of {Where}")),
            JetColumnType.Ole => Convert.ToHexString(JetLongValue.Read(_table.File, b, $"column '{column.Name}' of {Where}")),
            JetColumnType.Guid when b.Length == 16 => new Guid(b).ToString("B"),
            _ => Convert.ToHexString(b),
        };
    }


    private bool TryGetBytes(JetColumn column, out ReadOnlySpan<byte> bytes)
    {
        if (column.IsFixed)
        {
            return TryGetFixed(column, JetColumn.FixedSize(column.Type) is > 0 and var s ? s : column.Length, out bytes);
        }

        bytes = default;
        if (!IsPresent(column) || column.VariableIndex >= _variables)
        {
            return false;
        }

        int first = VariableOffset(column.VariableIndex);
        int last = column.VariableIndex + 1 == _variables ? BinaryPrimitives.ReadUInt16LittleEndian(_page.AsSpan(_dataEnd)) : VariableOffset(column.VariableIndex + 1);
        if (first < 2 || last < first || _start + last > _dataEnd)
        {
            throw _table.File.Fail($"column '{column.Name}' of {Where} spans bytes {first} to {last}, outside the row's variable data; the file is damaged");
        }

        bytes = _page.AsSpan(_start + first, last - first);
        return true;
    }

    private int VariableOffset(int index) => BinaryPrimitives.ReadUInt16LittleEndian(_page.AsSpan(_mask - 4 - (2 * index)));
}
