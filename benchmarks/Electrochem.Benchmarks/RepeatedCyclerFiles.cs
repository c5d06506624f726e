using System.Buffers.Binary;
using System.IO.Compression;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.Benchmarks;

/// <summary>
/// Large binary cycler files for the throughput benchmarks, made from the real files bundled with the tests by
/// repeating their records: each copy of the records moved on in time (and in cycle, step and record index for the
/// .ndax) so the result is one long, valid test that the readers accept as they accept the original. Each file is
/// written once to the temporary folder (its name says how it was made) beside its text export, the recording
/// written back as CSV by <see cref="RecordingCsv"/>.
/// </summary>
public static class RepeatedCyclerFiles
{
    private const int MprFileHeader = 0x34;
    private const int MprShortModuleHeader = 6 + 51;
    private const int NdcPage = 4096;
    private const int NdcRecords = 132;

    /// <summary>A path in the temporary folder for a generated file.</summary>
    public static string TempPath(string name) => Path.Combine(Path.GetTempPath(), "electrochem-bench-" + name);

    /// <summary>
    /// Makes the large file with <paramref name="write"/> and its CSV export (through <see cref="RecordingCsv"/>), each
    /// unless it already exists from an earlier run.
    /// </summary>
    public static void EnsureWritten(string large, string largeCsv, Action<string> write)
    {
        if (!File.Exists(large))
        {
            write(large);
        }

        if (!File.Exists(largeCsv))
        {
            RecordingCsv.Write(CyclerFile.Read(large, new CyclerReadOptions { MaxDegreeOfParallelism = 1 }), largeCsv);
        }
    }

    /// <summary>
    /// Writes <paramref name="copies"/> copies of the data points of an EC-Lab <c>.mpr</c> with a version 2 data
    /// module and the older module header (cellpy's <c>biol.mpr</c>) into one data module, each copy's time/s moved
    /// on by the span of the original (plus one point interval); the other modules are kept as they are.
    /// </summary>
    public static void WriteMpr(string original, string path, int copies)
    {
        byte[] file = File.ReadAllBytes(original);
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        output.Write(file.AsSpan(0, MprFileHeader));
        int at = MprFileHeader;
        while (at < file.Length)
        {
            ReadOnlySpan<byte> header = file.AsSpan(at, MprShortModuleHeader);
            if (!header.StartsWith("MODULE"u8) || header[(6 + 35)..(6 + 39)].IndexOfAnyExcept((byte)0xFF) < 0)
            {
                throw new InvalidDataException($"{original}: expected a module with the older (pre-11.50) header at byte {at}");
            }

            int length = BinaryPrimitives.ReadInt32LittleEndian(header[(6 + 35)..]);
            int version = BinaryPrimitives.ReadInt32LittleEndian(header[(6 + 39)..]);
            ReadOnlySpan<byte> data = file.AsSpan(at + MprShortModuleHeader, length);
            if (!header[6..].StartsWith("VMP data"u8))
            {
                output.Write(file.AsSpan(at, MprShortModuleHeader + length));
                at += MprShortModuleHeader + length;
                continue;
            }

            const int dataAt = 0x195;
            if (version != 2)
            {
                throw new InvalidDataException($"{original}: the data module is version {version}; this generator repeats version 2 only");
            }

            int points = BinaryPrimitives.ReadInt32LittleEndian(data);
            int rowWidth = (length - dataAt) / points;
            int timeAt = TimeOffset(data);
            ReadOnlySpan<byte> rows = data.Slice(dataAt, points * rowWidth);
            double first = BinaryPrimitives.ReadDoubleLittleEndian(rows[timeAt..]);
            double last = BinaryPrimitives.ReadDoubleLittleEndian(rows[(((points - 1) * rowWidth) + timeAt)..]);
            double before = BinaryPrimitives.ReadDoubleLittleEndian(rows[(((points - 2) * rowWidth) + timeAt)..]);
            double span = last - first + (last - before);
            long total = (long)points * copies;
            long newLength = dataAt + (total * rowWidth);
            if (newLength > uint.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(copies), "the data module would not fit a 32-bit length");
            }

            byte[] newHeader = header.ToArray();
            BinaryPrimitives.WriteUInt32LittleEndian(newHeader.AsSpan(6 + 35), (uint)newLength);
            output.Write(newHeader);
            byte[] columns = data[..dataAt].ToArray();
            BinaryPrimitives.WriteUInt32LittleEndian(columns, (uint)total);
            output.Write(columns);
            byte[] copy = rows.ToArray();
            for (int k = 0; k < copies; k++)
            {
                for (int r = 0; r < points; r++)
                {
                    Span<byte> time = copy.AsSpan((r * rowWidth) + timeAt, 8);
                    BinaryPrimitives.WriteDoubleLittleEndian(time, BinaryPrimitives.ReadDoubleLittleEndian(rows[((r * rowWidth) + timeAt)..]) + (k * span));
                }

                output.Write(copy);
            }

            at += MprShortModuleHeader + length;
        }
    }

    /// <summary>The byte offset of time/s (ID 4) in a point of a version 2 data module, from the widths of the column IDs before it.</summary>
    private static int TimeOffset(ReadOnlySpan<byte> data)
    {
        int count = data[4];
        int offset = 0;
        bool flags = false;
        for (int c = 0; c < count; c++)
        {
            int id = BinaryPrimitives.ReadUInt16LittleEndian(data[(5 + (2 * c))..]);
            if (id == 4)
            {
                return offset;
            }

            switch (id)
            {
                case 1 or 2 or 3 or 21 or 31 or 65:
                    offset += flags ? 0 : 1;
                    flags = true;
                    break;
                case 39 or 131:
                    offset += 2;
                    break;
                case 7 or 11 or 13 or 23 or 24 or 74 or 123 or 124 or 125 or 126 or 211 or 438 or 467 or 498 or 499:
                    offset += 8;
                    break;
                case 212 or 213 or 468 or 469:
                    offset += 4;
                    break;
                default:
                    offset += 4;
                    break;
            }
        }

        throw new InvalidDataException("the data module has no time/s column (ID 4)");
    }

    /// <summary>
    /// Writes <paramref name="copies"/> copies of a version 17 <c>.ndax</c>'s records into a new archive: the pages of
    /// <c>data.ndc</c> and of each auxiliary channel repeated; the step and run-information records repeated with their
    /// cycle, step, start time and record index moved on by the original's; the other entries kept as they are.
    /// </summary>
    public static void WriteNdax(string original, string path, int copies)
    {
        CyclerRecording recording = CyclerFile.Read(original, new CyclerReadOptions { MaxDegreeOfParallelism = 1 });
        int rows = recording.RowCount;
        uint span = (uint)Math.Ceiling(recording.TestTime.Values[^1] * 1000) + 1000;
        using ZipArchive source = ZipFile.OpenRead(original);
        byte[] steps = Entry(source, "data_step.ndc");
        (uint cycles, int stepCount) = StepExtent(steps, rows);
        using var target = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (ZipArchiveEntry entry in source.Entries)
        {
            byte[] bytes = Entry(source, entry.FullName);
            byte[] written = entry.FullName switch
            {
                "data.ndc" => Repeat(bytes, copies, null),
                "data_step.ndc" => Repeat(bytes, copies, (record, k) =>
                {
                    uint first = BinaryPrimitives.ReadUInt32LittleEndian(record[33..]);
                    uint id = BinaryPrimitives.ReadUInt32LittleEndian(record[4..]);
                    if (first > rows)
                    {
                        record.Clear(); // a step after the last record: left out, read as an empty record
                    }
                    else if (first != 0 || id != 0)
                    {
                        Add(record, 0, (uint)(k * cycles));
                        Add(record, 25, (uint)(k * span));
                        Add(record, 33, (uint)(k * rows));
                    }
                }),
                "data_runInfo.ndc" => Repeat(bytes, copies, (record, k) =>
                {
                    if (BinaryPrimitives.ReadUInt32LittleEndian(record[41..]) != 0)
                    {
                        Add(record, 33, (uint)(k * span / 1000));
                        Add(record, 37, (uint)(k * stepCount));
                        Add(record, 41, (uint)(k * rows));
                    }
                }),
                _ when entry.FullName.StartsWith("data_AUX_", StringComparison.Ordinal) => Repeat(bytes, copies, null),
                _ => bytes,
            };
            ZipArchiveEntry copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            using Stream stream = copy.Open();
            stream.Write(written);
        }
    }

    /// <summary>The <c>.ndc</c> entries the .ndax reader inflates: main data, steps, run information, auxiliary channels.</summary>
    public static bool IsReadEntry(string name) =>
        name is "data.ndc" or "data_step.ndc" or "data_runInfo.ndc" || (name.StartsWith("data_AUX_", StringComparison.Ordinal) && name.EndsWith(".ndc", StringComparison.Ordinal));

    /// <summary>The uncompressed bytes of the entries the reader inflates.</summary>
    public static long ReadEntryBytes(string ndax)
    {
        using ZipArchive archive = ZipFile.OpenRead(ndax);
        return archive.Entries.Where(e => IsReadEntry(e.FullName)).Sum(e => e.Length);
    }

    private static byte[] Entry(ZipArchive archive, string name)
    {
        ZipArchiveEntry entry = archive.GetEntry(name) ?? throw new InvalidDataException($"no entry {name}");
        using Stream stream = entry.Open();
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    /// <summary>The largest cycle and the number of steps that hold records (a step record's first record within the main data).</summary>
    private static (uint Cycles, int Steps) StepExtent(byte[] ndc, int rows)
    {
        uint cycles = 0;
        int steps = 0;
        Records(ndc, 100, record =>
        {
            uint first = BinaryPrimitives.ReadUInt32LittleEndian(record[33..]);
            if (first != 0 && first <= rows)
            {
                steps++;
                cycles = Math.Max(cycles, BinaryPrimitives.ReadUInt32LittleEndian(record) + 1);
            }
        });
        return (cycles, steps);
    }

    private delegate void RecordAction(Span<byte> record);

    private delegate void CopyAction(Span<byte> record, int copy);

    private static void Records(byte[] ndc, int size, RecordAction action)
    {
        for (int page = NdcPage; page < ndc.Length; page += NdcPage)
        {
            int count = BinaryPrimitives.ReadUInt16LittleEndian(ndc.AsSpan(page + 2));
            for (int r = 0; r < count; r++)
            {
                action(ndc.AsSpan(page + NdcRecords + (r * size), size));
            }
        }
    }

    private static byte[] Repeat(byte[] ndc, int copies, CopyAction? patch)
    {
        int body = ndc.Length - NdcPage;
        byte[] result = new byte[NdcPage + ((long)body * copies) is var n and <= int.MaxValue ? (int)n : throw new ArgumentOutOfRangeException(nameof(copies))];
        ndc.AsSpan(0, NdcPage).CopyTo(result);
        for (int k = 0; k < copies; k++)
        {
            byte[] pages = new byte[NdcPage + body];
            ndc.CopyTo(pages, 0);
            if (patch is not null)
            {
                int copy = k;
                Records(pages, 100, record => patch(record, copy));
            }

            pages.AsSpan(NdcPage).CopyTo(result.AsSpan(NdcPage + (k * body)));
        }

        return result;
    }

    private static void Add(Span<byte> record, int at, uint value) =>
        BinaryPrimitives.WriteUInt32LittleEndian(record[at..], BinaryPrimitives.ReadUInt32LittleEndian(record[at..]) + value);
}
