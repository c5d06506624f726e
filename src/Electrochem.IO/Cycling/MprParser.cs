using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Electrochem.IO.Cycling;

/// <summary>
/// Reads the module structure of an EC-Lab <c>.mpr</c> file: the 52-byte file header (<c>BIO-LOGIC MODULAR FILE</c>),
/// then modules, each <c>MODULE</c> and a header (<see cref="MprModuleHeader"/>; the EC-Lab ≥ 11.50 variant is detected
/// from its 0xFFFFFFFF maximum length, not assumed). The data module lists its points' column IDs and holds the points
/// as fixed-width little-endian records: version 2 from byte 0x195, version 3 from 0x196, version 0 with the EC-Lab
/// ≥ 11.50 header from 0x3EF (a 16-bit column count and IDs), version 0 with the older header from byte 100 (8-bit IDs).
/// </summary>
/// <remarks>
/// Memory is bounded by the file's length whatever a header claims: a module longer than what is left of the file, a
/// point count or column count the module cannot hold, is a <see cref="DataFileException"/> before anything is
/// allocated for it; the points are read in blocks of about 1 MiB and decoded column by column, over tiles of 16 KiB, into one array per column. Problems are reported on
/// line 1 (a binary file has no lines) with the byte offset in the message.
/// </remarks>
internal static class MprParser
{
    private const int FileHeaderLength = 0x34;
    private const int ShortHeaderLength = 51;
    private const int ExtendedHeaderLength = 59;
    private const int MaximumSideModuleBytes = 64 << 20;
    private const int BlockBytes = 1 << 20;
    private const int TileBytes = 16 << 10;
    private const int MaximumModuleWarnings = 20;

    /// <summary>The start of every <c>.mpr</c> file.</summary>
    internal static ReadOnlySpan<byte> Magic => "BIO-LOGIC MODULAR FILE"u8;

    private static ReadOnlySpan<byte> ModuleTag => "MODULE"u8;

    /// <summary>True when the bytes start as an EC-Lab binary file does.</summary>
    internal static bool IsMpr(ReadOnlySpan<byte> first) => first.StartsWith(Magic);

    /// <summary>Reads the file; a malformed file is a <see cref="DataFileException"/> naming <paramref name="source"/>.</summary>
    /// <param name="stream">The file from its start; read forwards only.</param>
    /// <param name="length">The file's length in bytes.</param>
    /// <param name="source">The name for messages.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    internal static MprFile Read(Stream stream, long length, string source, CancellationToken cancellationToken)
    {
        var reader = new MprCursor(stream, length, source);
        byte[] head = new byte[FileHeaderLength];
        int got = reader.Fill(head);
        if (got < Magic.Length || !IsMpr(head))
        {
            throw reader.Fail("not an EC-Lab binary file: it does not start with 'BIO-LOGIC MODULAR FILE'");
        }

        if (got < FileHeaderLength)
        {
            throw reader.Fail($"the file ends after {got} bytes, inside its {FileHeaderLength}-byte header: it is cut off");
        }

        var modules = ImmutableArray.CreateBuilder<MprModuleHeader>();
        var warnings = new List<string>();
        MprModuleHeader? data = null;
        (List<MprColumn> Columns, int Points)? table = null;
        byte[]? settings = null;
        byte[]? log = null;
        byte[]? loop = null;
        int unknownModules = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            MprModuleHeader? module = ReadModuleHeader(reader);
            if (module is null)
            {
                break;
            }

            modules.Add(module);
            switch (module.ShortName)
            {
                case MprModuleHeader.Data when data is null:
                    data = module;
                    table = ReadData(reader, module, warnings, cancellationToken);
                    break;
                case MprModuleHeader.Data:
                    warnings.Add($"a second data module {module} is not read; the first one is");
                    reader.Skip(module.Length);
                    break;
                case MprModuleHeader.Settings when settings is null:
                    settings = reader.ReadModule(module, MaximumSideModuleBytes, warnings);
                    break;
                case MprModuleHeader.Log when log is null:
                    log = reader.ReadModule(module, MaximumSideModuleBytes, warnings);
                    break;
                case MprModuleHeader.Loop when loop is null:
                    loop = reader.ReadModule(module, MaximumSideModuleBytes, warnings);
                    break;
                case MprModuleHeader.Settings or MprModuleHeader.Log or MprModuleHeader.Loop or MprModuleHeader.ExternalDevice:
                    reader.Skip(module.Length);
                    break;
                default:
                    if (++unknownModules <= MaximumModuleWarnings)
                    {
                        warnings.Add($"module {module} is not known to this reader and is skipped");
                    }

                    reader.Skip(module.Length);
                    break;
            }
        }

        if (unknownModules > MaximumModuleWarnings)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"… and {unknownModules - MaximumModuleWarnings} more modules not known to this reader, skipped"));
        }

        if (data is null || table is null)
        {
            throw reader.Fail(modules.Count == 0
                ? "the file has no modules after its header; an EC-Lab file holds a 'VMP data' module"
                : $"the file has no 'VMP data' module (its modules are {string.Join(", ", modules.Take(MaximumModuleWarnings).Select(m => $"'{m.ShortName}'"))}{(modules.Count > MaximumModuleWarnings ? ", …" : string.Empty)})");
        }

        if (settings is null)
        {
            warnings.Add("the file has no settings module ('VMP Set'): technique, active mass and battery capacity are unknown");
        }

        MprSettings read = MprSettingsReader.Read(settings, log, warnings);
        return new MprFile(modules.ToImmutable(), data, [.. table.Value.Columns], table.Value.Points, read, MprSettingsReader.LoopStarts(loop, table.Value.Points, warnings), [.. warnings]);
    }

    /// <summary>The next module's header, or null at the end of the file.</summary>
    private static MprModuleHeader? ReadModuleHeader(MprCursor reader)
    {
        long at = reader.Position;
        Span<byte> tag = stackalloc byte[6];
        int got = reader.Fill(tag);
        if (got == 0)
        {
            return null;
        }

        if (got < tag.Length || !tag.SequenceEqual(ModuleTag))
        {
            throw reader.Fail($"expected a module ('MODULE') at byte {at}, found {Describe(tag[..got])}: the file is damaged, or a module's length is wrong");
        }

        Span<byte> header = stackalloc byte[ExtendedHeaderLength];
        if (reader.Fill(header[..ShortHeaderLength]) < ShortHeaderLength)
        {
            throw reader.Fail($"the file ends inside the header of the module at byte {at}: it is cut off");
        }

        bool extended = header[35..39].IndexOfAnyExcept((byte)0xFF) < 0;
        if (extended && reader.Fill(header[ShortHeaderLength..]) < ExtendedHeaderLength - ShortHeaderLength)
        {
            throw reader.Fail($"the file ends inside the header of the module at byte {at}: it is cut off");
        }

        int lengthAt = extended ? 39 : 35;
        long length = BinaryPrimitives.ReadUInt32LittleEndian(header[lengthAt..]);
        long version = BinaryPrimitives.ReadUInt32LittleEndian(header[(lengthAt + 4)..]);
        int dateAt = extended ? 51 : 43;
        var module = new MprModuleHeader(Text(header[..10]), Text(header[10..35]), length, version, Text(header[dateAt..(dateAt + 8)]), extended, reader.Position);
        if (length > reader.Remaining)
        {
            throw reader.Fail($"module {module} says it holds {length} bytes, but only {reader.Remaining} bytes follow its header: the length is wrong or the file is cut off");
        }

        return module;
    }

    /// <summary>The data module: its column list, then the points into one array per column.</summary>
    private static (List<MprColumn> Columns, int Points) ReadData(MprCursor reader, MprModuleHeader module, List<string> warnings, CancellationToken cancellationToken)
    {
        (int countWidth, int idsAt, int idWidth, int dataAt) = module switch
        {
            { Version: 0, Extended: true } => (2, 6, 2, 0x3EF),
            { Version: 0 } => (1, 5, 1, 100),
            { Version: 2 } => (1, 5, 2, 0x195),
            { Version: 3 } => (1, 5, 2, 0x196),
            _ => throw reader.Fail($"data module {module} has version {module.Version}; this reader knows versions 0, 2 and 3"),
        };
        if (module.Length < dataAt)
        {
            throw reader.Fail($"data module {module} is {module.Length} bytes, shorter than the {dataAt} bytes of its version's column list: it is damaged");
        }

        byte[] head = new byte[dataAt];
        reader.Fill(head);
        long declared = BinaryPrimitives.ReadUInt32LittleEndian(head);
        int columnCount = countWidth == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(4)) : head[4];
        int maximumColumns = (dataAt - idsAt) / idWidth;
        if (columnCount == 0 || columnCount > maximumColumns)
        {
            throw reader.Fail($"data module {module} says it has {columnCount} columns; its column list holds 1 to {maximumColumns}: the count is wrong or the module is damaged");
        }

        var ids = new int[columnCount];
        for (int c = 0; c < columnCount; c++)
        {
            ids[c] = idWidth == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(idsAt + (2 * c))) : head[idsAt + c];
        }

        long available = module.Length - dataAt;
        if (declared == 0)
        {
            throw reader.Fail($"data module {module} holds no data points");
        }

        List<Slot> slots = Layout(ids, declared, available, module, reader, warnings, out int rowWidth);
        long needed = declared * rowWidth;
        if (needed > available)
        {
            throw reader.Fail(string.Create(CultureInfo.InvariantCulture,
                $"data module {module} says it holds {declared} points of {rowWidth} bytes ({needed} bytes), but only {available} bytes follow its column list: the point count is wrong or the file is cut off"));
        }

        if (declared > Array.MaxLength)
        {
            throw reader.Fail($"data module {module} holds {declared} points, more than one column can hold ({Array.MaxLength})");
        }

        int points = (int)declared;
        var columns = slots.Select(s => new MprColumn(s.Definition.Header, s.Definition.Id, GC.AllocateUninitializedArray<double>(points))).ToList();
        int rowsPerBlock = Math.Max(1, BlockBytes / rowWidth);
        int rowsPerTile = Math.Max(1, TileBytes / rowWidth);
        byte[] block = new byte[Math.Min(rowsPerBlock, points) * rowWidth];
        for (int first = 0; first < points; first += rowsPerBlock)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int rows = Math.Min(rowsPerBlock, points - first);
            Span<byte> bytes = block.AsSpan(0, rows * rowWidth);
            if (reader.Fill(bytes) < bytes.Length)
            {
                throw reader.Fail($"the file ends inside data point {first + 1} of {points}: it is cut off");
            }

            // Column by column over tiles of points small enough to stay in the first-level cache.
            for (int tile = 0; tile < rows; tile += rowsPerTile)
            {
                int tileRows = Math.Min(rowsPerTile, rows - tile);
                ReadOnlySpan<byte> tileBytes = bytes.Slice(tile * rowWidth, tileRows * rowWidth);
                for (int c = 0; c < slots.Count; c++)
                {
                    Decode(tileBytes, rowWidth, slots[c], columns[c].Values.AsSpan(first + tile, tileRows));
                }
            }
        }

        long rest = available - needed;
        if (rest > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{rest} bytes after the last of the {points} points of the data module are not read"));
            reader.Skip(rest);
        }

        return (columns, points);
    }

    /// <summary>Where each column sits in a point; unknown IDs get the width the module's length leaves for them.</summary>
    private static List<Slot> Layout(int[] ids, long points, long available, MprModuleHeader module, MprCursor reader, List<string> warnings, out int rowWidth)
    {
        var slots = new List<Slot>(ids.Length);
        int width = 0;
        int flagsAt = -1;
        var unknown = new List<int>();
        foreach (int id in ids)
        {
            if (MprColumnIds.Find(id) is not { } definition)
            {
                unknown.Add(slots.Count);
                slots.Add(new Slot(new MprColumnDefinition(id, $"unknown column {id.ToString(CultureInfo.InvariantCulture)}", MprColumnType.Double), -1));
                continue;
            }

            if (definition.Type == MprColumnType.Flag)
            {
                if (flagsAt < 0)
                {
                    flagsAt = width;
                    width += 1;
                }

                slots.Add(new Slot(definition, flagsAt));
                continue;
            }

            slots.Add(new Slot(definition, width));
            width += definition.Width;
        }

        if (unknown.Count > 0)
        {
            long perPoint = available / points;
            long left = perPoint - width;
            MprColumnType?[] types = [.. unknown.Select(i => MprColumnIds.GuessType(slots[i].Definition.Id))];
            if (unknown.Count == 1 && available % points == 0 && left is 1 or 2 or 4 or 8)
            {
                types[0] = left switch { 1 => MprColumnType.Byte, 2 => MprColumnType.UInt16, 4 => MprColumnType.Single, _ => MprColumnType.Double };
            }

            if (types.Any(t => t is null) || available % points != 0 || types.Sum(t => new MprColumnDefinition(0, string.Empty, t!.Value).Width) != left)
            {
                string list = string.Join(", ", unknown.Select(i => slots[i].Definition.Id.ToString(CultureInfo.InvariantCulture)));
                throw reader.Fail($"data module {module} lists column IDs this reader does not know ({list}), and their widths cannot be told from the module's length ({available} bytes for {points} points, {width} bytes per point for the known columns)");
            }

            // The unknown columns take their place in the list: shift the known ones after each.
            var placed = new List<Slot>(slots.Count);
            int offset = 0;
            flagsAt = -1;
            for (int i = 0, u = 0; i < slots.Count; i++)
            {
                MprColumnDefinition definition = slots[i].Definition;
                if (unknown.Contains(i))
                {
                    definition = definition with { Type = types[u++]!.Value };
                    warnings.Add($"column ID {definition.Id} is not known to this reader; its values are kept as '{definition.Header}' ({definition.Width}-byte {Describe(definition.Type)}, the width the module's length leaves for it)");
                }

                if (definition.Type == MprColumnType.Flag)
                {
                    if (flagsAt < 0)
                    {
                        flagsAt = offset;
                        offset += 1;
                    }

                    placed.Add(new Slot(definition, flagsAt));
                    continue;
                }

                placed.Add(new Slot(definition, offset));
                offset += definition.Width;
            }

            slots = placed;
            width = offset;
        }

        rowWidth = width;
        return slots;
    }

    /// <summary>One column's values from <paramref name="values"/>.Length points of <paramref name="rowWidth"/> bytes, one strided loop per storage type.</summary>
    private static void Decode(ReadOnlySpan<byte> bytes, int rowWidth, Slot slot, Span<double> values)
    {
        MprColumnDefinition definition = slot.Definition;
        int n = values.Length;

        // The last value read ends inside the bytes: checked once, so the loops read without a check each.
        ReadOnlySpan<byte> used = bytes.Slice(slot.Offset, ((n - 1) * rowWidth) + definition.Width);
        ref byte at = ref MemoryMarshal.GetReference(used);
        switch (definition.Type)
        {
            case MprColumnType.Flag:
                int mask = definition.Mask;
                int shift = BitOperations.TrailingZeroCount((uint)mask);
                for (int r = 0; r < n; r++)
                {
                    values[r] = (Unsafe.Add(ref at, r * rowWidth) & mask) >> shift;
                }

                break;
            case MprColumnType.Byte:
                for (int r = 0; r < n; r++)
                {
                    values[r] = Unsafe.Add(ref at, r * rowWidth);
                }

                break;
            case MprColumnType.UInt16:
                for (int r = 0; r < n; r++)
                {
                    values[r] = Little(Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref at, r * rowWidth)));
                }

                break;
            case MprColumnType.UInt32:
                for (int r = 0; r < n; r++)
                {
                    values[r] = Little(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref at, r * rowWidth)));
                }

                break;
            case MprColumnType.Single:
                for (int r = 0; r < n; r++)
                {
                    values[r] = BitConverter.UInt32BitsToSingle(Little(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref at, r * rowWidth))));
                }

                break;
            default:
                for (int r = 0; r < n; r++)
                {
                    values[r] = BitConverter.UInt64BitsToDouble(Little(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, r * rowWidth))));
                }

                break;
        }
    }

    private static ushort Little(ushort value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    private static uint Little(uint value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    private static ulong Little(ulong value) => BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes).Trim(' ', '\0');

    private static string Describe(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? "the end of the file" : $"'{string.Concat(Encoding.Latin1.GetString(bytes).Select(c => char.IsControl(c) ? '.' : c))}'";

    private static string Describe(MprColumnType type) => type switch
    {
        MprColumnType.Byte => "unsigned integer",
        MprColumnType.UInt16 => "unsigned integer",
        MprColumnType.UInt32 => "unsigned integer",
        _ => "float",
    };

    /// <summary>A column's definition and its byte offset within a point.</summary>
    private sealed record Slot(MprColumnDefinition Definition, int Offset);
}
