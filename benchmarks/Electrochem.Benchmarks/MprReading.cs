using BenchmarkDotNet.Attributes;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.Benchmarks;

/// <summary>
/// The EC-Lab <c>.mpr</c> reader (issue #12 §5) on one thread: cellpy's real <c>biol.mpr</c> (3.6 MB, 23,561 points ×
/// 36 columns, 153 bytes a point), a large <c>.mpr</c> made of 20 copies of its points (time moved on with each copy;
/// 72 MB, 471,220 points), and the same large recording read from its text export (written back by
/// <see cref="RecordingCsv"/>). Throughput = file bytes / mean time; the sizes are printed by the setup.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ArchiveReadingConfig))]
public class MprReading
{
    private const int Copies = 20;
    private static readonly CyclerReadOptions OneThread = new() { MaxDegreeOfParallelism = 1 };
    private static readonly string Real = Path.Combine(AppContext.BaseDirectory, "cellpy", "biol.mpr");
    private static readonly string Large = RepeatedCyclerFiles.TempPath($"biol-x{Copies}-v1.mpr");
    private static readonly string LargeCsv = RepeatedCyclerFiles.TempPath($"biol-x{Copies}-v1.csv");

    [GlobalSetup]
    public void Setup()
    {
        RepeatedCyclerFiles.EnsureWritten(Large, LargeCsv, path => RepeatedCyclerFiles.WriteMpr(Real, path, Copies));

        Console.WriteLine($"// {Real}: {new FileInfo(Real).Length} bytes; {Large}: {new FileInfo(Large).Length} bytes; {LargeCsv}: {new FileInfo(LargeCsv).Length} bytes");
    }

    [Benchmark(Description = "biol.mpr (3.6 MB), CyclerFile.Read")]
    public int RealMpr() => CyclerFile.Read(Real, OneThread).RowCount;

    [Benchmark(Description = "biol.mpr x20 (72 MB), CyclerFile.Read")]
    public int LargeMpr() => CyclerFile.Read(Large, OneThread).RowCount;

    [Benchmark(Baseline = true, Description = "biol.mpr x20 as CSV export, CyclerFile.Read")]
    public int LargeMprCsv() => CyclerFile.Read(LargeCsv, OneThread).RowCount;
}
