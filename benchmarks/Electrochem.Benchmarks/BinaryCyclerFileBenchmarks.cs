using BenchmarkDotNet.Attributes;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.Benchmarks;

/// <summary>
/// The binary cycler readers (issue #12 §5) on the real files bundled with the tests, one thread each, beside the
/// same data read from its text export where the repository has one: cellpy's full-cell GITT Arbin <c>.res</c>
/// (3.3 MB, 26,286 rows) against its <c>Channel_Normal_Table</c> CSV (4.2 MB), and cellpy's BioLogic <c>biol.mpr</c>
/// (3.6 MB, 23,561 points × 36 columns; its export is not in the repository). Then a large <c>.res</c> made from the
/// real one (<see cref="GeneratedArbinRes"/>: 16 copies of its data pages, 43.7 MB, 420,576 rows, stored out of
/// order as the original is) against the same rows as CSV (67 MB). Throughput = file bytes / mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ArchiveReadingConfig))]
public class BinaryCyclerFileReading
{
    private const int Copies = 15;
    private static readonly CyclerReadOptions OneThread = new() { MaxDegreeOfParallelism = 1 };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "electrochem-bench-res-" + Environment.ProcessId);

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "cellpy", name);

    private string LargeRes => Path.Combine(_folder, "large.res");

    private string LargeCsv => Path.Combine(_folder, "large.Channel_Normal_Table.csv");

    [GlobalSetup(Targets = [nameof(ArbinResLarge), nameof(ArbinCsvLarge)])]
    public void Generate()
    {
        Directory.CreateDirectory(_folder);
        GeneratedArbinRes.Write(Data("20210210_FC_01_cc_03.res"), Data("20210210_FC_01_cc_03.Channel_Normal_Table.csv"), Copies, LargeRes, LargeCsv);
    }

    [GlobalCleanup(Targets = [nameof(ArbinResLarge), nameof(ArbinCsvLarge)])]
    public void Delete() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true, Description = "Arbin .res CSV export (4.2 MB), CyclerFile.Read")]
    public int ArbinCsv() => CyclerFile.Read(Data("20210210_FC_01_cc_03.Channel_Normal_Table.csv"), OneThread).RowCount;

    [Benchmark(Description = "Arbin .res (3.3 MB), CyclerFile.Read")]
    public int ArbinRes() => CyclerFile.Read(Data("20210210_FC_01_cc_03.res"), OneThread).RowCount;

    [Benchmark(Description = "Generated Arbin .res CSV export (67 MB), CyclerFile.Read")]
    public int ArbinCsvLarge() => CyclerFile.Read(LargeCsv, OneThread).RowCount;

    [Benchmark(Description = "Generated Arbin .res (43.7 MB), CyclerFile.Read")]
    public int ArbinResLarge() => CyclerFile.Read(LargeRes, OneThread).RowCount;

    [Benchmark(Description = "BioLogic biol.mpr (3.6 MB), CyclerFile.Read")]
    public int BioLogicMpr() => CyclerFile.Read(Data("biol.mpr"), OneThread).RowCount;
}
