using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.Benchmarks;

/// <summary>
/// The Neware <c>.ndax</c> reader (issue #12 §5) on one thread: cellpy's real BTS 8.5 archive (1.4 MB of deflate,
/// 5.8 MB of <c>.ndc</c> entries, 252,951 records), a large archive made of 8 copies of its records (more would overflow the step file's 32-bit millisecond start times) (cycle, step,
/// time and record index moved on with each copy), the same large recording read from its text export (written back
/// by <see cref="RecordingCsv"/>), and the floor: inflating the entries the reader reads into <see cref="Stream.Null"/>.
/// Throughput is given per compressed file byte and per uncompressed <c>.ndc</c> byte; the sizes are printed by the setup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ArchiveReadingConfig))]
public class NdaxReading
{
    private const int Copies = 8;
    private static readonly CyclerReadOptions OneThread = new() { MaxDegreeOfParallelism = 1 };
    private static readonly string Real = Path.Combine(AppContext.BaseDirectory, "cellpy", "20260302_IFE_BTS85_2_9_8_1.ndax");
    private static readonly string Large = RepeatedCyclerFiles.TempPath($"bts85-x{Copies}-v1.ndax");
    private static readonly string LargeCsv = RepeatedCyclerFiles.TempPath($"bts85-x{Copies}-v1.csv");

    [GlobalSetup]
    public void Setup()
    {
        RepeatedCyclerFiles.EnsureWritten(Large, LargeCsv, path => RepeatedCyclerFiles.WriteNdax(Real, path, Copies));

        foreach (string path in (string[])[Real, Large])
        {
            Console.WriteLine($"// {path}: {new FileInfo(path).Length} bytes, {RepeatedCyclerFiles.ReadEntryBytes(path)} bytes of .ndc entries read");
        }

        Console.WriteLine($"// {LargeCsv}: {new FileInfo(LargeCsv).Length} bytes");
    }

    [Benchmark(Description = "BTS 8.5 .ndax (1.4 MB), CyclerFile.Read")]
    public int RealNdax() => CyclerFile.Read(Real, OneThread).RowCount;

    [Benchmark(Description = "BTS 8.5 .ndax (1.4 MB), inflate only")]
    public long RealInflate() => Inflate(Real);

    [Benchmark(Description = ".ndax x8, CyclerFile.Read")]
    public int LargeNdax() => CyclerFile.Read(Large, OneThread).RowCount;

    [Benchmark(Description = ".ndax x8, inflate only")]
    public long LargeInflate() => Inflate(Large);

    [Benchmark(Baseline = true, Description = ".ndax x8 as CSV export, CyclerFile.Read")]
    public int LargeNdaxCsv() => CyclerFile.Read(LargeCsv, OneThread).RowCount;

    /// <summary>Inflates the entries the reader reads into <see cref="Stream.Null"/>: the floor under any .ndax reader.</summary>
    private static long Inflate(string path)
    {
        using ZipArchive archive = ZipFile.OpenRead(path);
        long total = 0;
        foreach (ZipArchiveEntry entry in archive.Entries)
        {
            if (RepeatedCyclerFiles.IsReadEntry(entry.FullName))
            {
                using Stream stream = entry.Open();
                stream.CopyTo(Stream.Null, 1 << 16);
                total += entry.Length;
            }
        }

        return total;
    }
}
