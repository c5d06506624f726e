using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Electrochem.Benchmarks;

/// <summary>
/// A large Arbin <c>.res</c> made from a real one, and the same rows as its <c>Channel_Normal_Table</c> CSV export:
/// the table's data pages are appended <c>copies</c> times, each copy's <c>Data_Point</c>, <c>Test_Time</c>,
/// <c>DateTime</c> and <c>Cycle_Index</c> shifted past the previous copy's (the other values, Singles included, are
/// the recorded ones), and the table's usage map is rewritten as a map on one bitmap page (type 1) that marks the
/// original and the appended pages; its row count is updated. The CSV repeats the export's rows with the same shifts.
/// </summary>
internal static class GeneratedArbinRes
{
    private const int PageSize = 4096;
    private const int PagesPerBitmapPage = (PageSize - 4) * 8;

    /// <summary>Writes the enlarged database and CSV; returns the number of rows each holds.</summary>
    internal static int Write(string res, string csv, int copies, string outputRes, string outputCsv)
    {
        byte[] source = File.ReadAllBytes(res);
        int pages = source.Length / PageSize;
        uint table = NormalTable(source, pages);
        Span<byte> definition = source.AsSpan((int)table * PageSize, PageSize);
        if (BinaryPrimitives.ReadUInt32LittleEndian(definition[4..]) != 0)
        {
            throw new InvalidDataException("the table definition continues on another page; this generator reads one-page definitions");
        }

        Dictionary<string, int> offsets = FixedOffsets(definition);
        int[] dataPages = [.. Enumerable.Range(1, pages - 1).Where(p => source[p * PageSize] == 0x01 && BinaryPrimitives.ReadUInt32LittleEndian(source.AsSpan((p * PageSize) + 4)) == table)];
        (int rows, int lastPoint, double lastTime, int lastCycle) = Extent(source, dataPages, offsets);

        int total = pages + (copies * dataPages.Length) + 1;
        int bitmapPage = total - 1;
        if (total > PagesPerBitmapPage)
        {
            throw new ArgumentOutOfRangeException(nameof(copies), "the enlarged file would need more than one usage-map bitmap page");
        }

        byte[] output = new byte[(long)total * PageSize];
        source.CopyTo(output, 0);
        int next = pages;
        for (int k = 1; k <= copies; k++)
        {
            foreach (int page in dataPages)
            {
                Span<byte> copy = output.AsSpan(next * PageSize, PageSize);
                source.AsSpan(page * PageSize, PageSize).CopyTo(copy);
                Shift(copy, offsets, k * lastPoint, k * lastTime, k * lastCycle);
                next++;
            }
        }

        // The usage map: type 1, one bitmap page marking the original data pages and the copies.
        Span<byte> newDefinition = output.AsSpan((int)table * PageSize, PageSize);
        BinaryPrimitives.WriteUInt32LittleEndian(newDefinition[16..], (uint)(rows * (copies + 1)));
        uint pointer = BinaryPrimitives.ReadUInt32LittleEndian(newDefinition[55..]);
        Span<byte> map = Row(output.AsSpan((int)(pointer >> 8) * PageSize, PageSize), (int)(pointer & 0xFF));
        map.Clear();
        map[0] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(map[1..], (uint)bitmapPage);
        Span<byte> bitmap = output.AsSpan(bitmapPage * PageSize, PageSize);
        bitmap[0] = 0x05;
        bitmap[1] = 0x01;
        foreach (int page in dataPages.Concat(Enumerable.Range(pages, copies * dataPages.Length)))
        {
            bitmap[4 + (page / 8)] |= (byte)(1 << (page % 8));
        }

        File.WriteAllBytes(outputRes, output);
        WriteCsv(csv, outputCsv, copies, lastPoint, lastTime, lastCycle);
        return rows * (copies + 1);
    }

    /// <summary>The definition page owning the most data pages: the Channel_Normal_Table.</summary>
    private static uint NormalTable(byte[] bytes, int pages) =>
        Enumerable.Range(1, pages - 1)
            .Where(p => bytes[p * PageSize] == 0x01 && !bytes.AsSpan((p * PageSize) + 4, 4).SequenceEqual("LVAL"u8))
            .GroupBy(p => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((p * PageSize) + 4)))
            .MaxBy(g => g.Count())!.Key;

    /// <summary>The fixed offsets (after the column count) of the columns the copies shift.</summary>
    private static Dictionary<string, int> FixedOffsets(ReadOnlySpan<byte> definition)
    {
        int columns = BinaryPrimitives.ReadUInt16LittleEndian(definition[45..]);
        int at = 63 + (BinaryPrimitives.ReadInt32LittleEndian(definition[51..]) * 12);
        int names = at + (columns * 25);
        var offsets = new Dictionary<string, int>();
        for (int c = 0; c < columns; c++)
        {
            int length = BinaryPrimitives.ReadUInt16LittleEndian(definition[names..]);
            string name = Encoding.Unicode.GetString(definition.Slice(names + 2, length));
            names += 2 + length;
            offsets[name] = BinaryPrimitives.ReadUInt16LittleEndian(definition[(at + (c * 25) + 21)..]);
        }

        return offsets;
    }

    private static (int Rows, int LastPoint, double LastTime, int LastCycle) Extent(byte[] bytes, int[] dataPages, Dictionary<string, int> offsets)
    {
        int rows = 0;
        int lastPoint = 0;
        double lastTime = 0;
        int lastCycle = 0;
        foreach (int page in dataPages)
        {
            ReadOnlySpan<byte> data = bytes.AsSpan(page * PageSize, PageSize);
            foreach (int start in RowStarts(data))
            {
                ReadOnlySpan<byte> fixedData = data[(start + 2)..];
                lastPoint = Math.Max(lastPoint, BinaryPrimitives.ReadInt32LittleEndian(fixedData[offsets["Data_Point"]..]));
                lastTime = Math.Max(lastTime, BinaryPrimitives.ReadDoubleLittleEndian(fixedData[offsets["Test_Time"]..]));
                lastCycle = Math.Max(lastCycle, BinaryPrimitives.ReadInt16LittleEndian(fixedData[offsets["Cycle_Index"]..]));
                rows++;
            }
        }

        return (rows, lastPoint, lastTime, lastCycle);
    }

    private static void Shift(Span<byte> page, Dictionary<string, int> offsets, int points, double seconds, int cycles)
    {
        foreach (int start in RowStarts(page))
        {
            Span<byte> fixedData = page[(start + 2)..];
            Add32(fixedData[offsets["Data_Point"]..], points);
            AddDouble(fixedData[offsets["Test_Time"]..], seconds);
            AddDouble(fixedData[offsets["DateTime"]..], seconds / 86400);
            BinaryPrimitives.WriteInt16LittleEndian(fixedData[offsets["Cycle_Index"]..], (short)(BinaryPrimitives.ReadInt16LittleEndian(fixedData[offsets["Cycle_Index"]..]) + cycles));
        }
    }

    /// <summary>Where each live row of a data page starts (a real file's rows are neither deleted nor overflow pointers).</summary>
    private static List<int> RowStarts(ReadOnlySpan<byte> page)
    {
        var starts = new List<int>();
        int count = BinaryPrimitives.ReadUInt16LittleEndian(page[0x0C..]);
        for (int r = 0; r < count; r++)
        {
            int entry = BinaryPrimitives.ReadUInt16LittleEndian(page[(0x0E + (2 * r))..]);
            if ((entry & 0xC000) != 0)
            {
                throw new InvalidDataException("the table has deleted or overflow rows; this generator copies plain rows only");
            }

            starts.Add(entry & 0x1FFF);
        }

        return starts;
    }

    private static Span<byte> Row(Span<byte> page, int row)
    {
        int start = BinaryPrimitives.ReadUInt16LittleEndian(page[(0x0E + (2 * row))..]) & 0x1FFF;
        int end = row == 0 ? PageSize : BinaryPrimitives.ReadUInt16LittleEndian(page[(0x0E + (2 * (row - 1)))..]) & 0x1FFF;
        return page[start..end];
    }

    private static void Add32(Span<byte> at, int value) => BinaryPrimitives.WriteInt32LittleEndian(at, BinaryPrimitives.ReadInt32LittleEndian(at) + value);

    private static void AddDouble(Span<byte> at, double value) => BinaryPrimitives.WriteDoubleLittleEndian(at, BinaryPrimitives.ReadDoubleLittleEndian(at) + value);

    private static void WriteCsv(string csv, string outputCsv, int copies, int lastPoint, double lastTime, int lastCycle)
    {
        string[] lines = File.ReadAllLines(csv);
        string[] header = lines[0].Split(',');
        int point = Array.IndexOf(header, "Data_Point");
        int time = Array.IndexOf(header, "Test_Time");
        int date = Array.IndexOf(header, "DateTime");
        int cycle = Array.IndexOf(header, "Cycle_Index");
        using var writer = new StreamWriter(outputCsv, append: false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(lines[0]);
        for (int k = 0; k <= copies; k++)
        {
            for (int i = 1; i < lines.Length; i++)
            {
                if (k == 0)
                {
                    writer.WriteLine(lines[i]);
                    continue;
                }

                string[] fields = lines[i].Split(',');
                fields[point] = (long.Parse(fields[point], CultureInfo.InvariantCulture) + ((long)k * lastPoint)).ToString(CultureInfo.InvariantCulture);
                fields[time] = (double.Parse(fields[time], CultureInfo.InvariantCulture) + (k * lastTime)).ToString("R", CultureInfo.InvariantCulture);
                fields[date] = (double.Parse(fields[date], CultureInfo.InvariantCulture) + (k * lastTime / 86400)).ToString("R", CultureInfo.InvariantCulture);
                fields[cycle] = (int.Parse(fields[cycle], CultureInfo.InvariantCulture) + (k * lastCycle)).ToString(CultureInfo.InvariantCulture);
                writer.WriteLine(string.Join(',', fields));
            }
        }
    }
}
