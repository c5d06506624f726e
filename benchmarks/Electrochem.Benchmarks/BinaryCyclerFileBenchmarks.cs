using BenchmarkDotNet.Attributes;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.Benchmarks;

/// <summary>
/// The binary cycler readers (issue #12 §5) on the real files bundled with the tests, one thread each, beside the
/// same data read from its text export where the repository has one: cellpy's full-cell GITT Arbin <c>.res</c>
/// (3.3 MB, 26,286 rows) against its <c>Channel_Normal_Table</c> CSV (4.2 MB), and cellpy's BioLogic <c>biol.mpr</c>
/// (3.6 MB, 23,561 points × 36 columns; its export is not in the repository). Throughput = file bytes / mean time.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class BinaryCyclerFileReading
{
    private static readonly CyclerReadOptions OneThread = new() { MaxDegreeOfParallelism = 1 };

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "cellpy", name);

    [Benchmark(Baseline = true, Description = "Arbin .res CSV export (4.2 MB), CyclerFile.Read")]
    public int ArbinCsv() => CyclerFile.Read(Data("20210210_FC_01_cc_03.Channel_Normal_Table.csv"), OneThread).RowCount;

    [Benchmark(Description = "Arbin .res (3.3 MB), CyclerFile.Read")]
    public int ArbinRes() => CyclerFile.Read(Data("20210210_FC_01_cc_03.res"), OneThread).RowCount;

    [Benchmark(Description = "BioLogic biol.mpr (3.6 MB), CyclerFile.Read")]
    public int BioLogicMpr() => CyclerFile.Read(Data("biol.mpr"), OneThread).RowCount;
}
