using System.Text;
using Electrochem.IO.Impedance;
using Electrochem.IO.Kinetics;
using Electrochem.IO.Tables;
using Electrochem.IO.Transport;
using Electrochem.IO.Tests.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>
/// Every impedance reader, and the conductivity, polarisation and chronoamperometry tables, on mutated copies of the
/// bundled impedance files and of small tables written in each header style (the mutations of
/// <see cref="CyclerFileRobustnessTests.Mutate"/>): each must give data or a <see cref="DataFileError"/> naming the
/// file and a line — never an unhandled exception, never a non-finite value accepted — with bounded allocation.
/// </summary>
public sealed class ImpedanceFileRobustnessTests
{
    internal static readonly Lazy<(string Name, byte[] Bytes)[]> Spectra = new(() => CyclerFileRobustnessTests.Prefixes(
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy")).Where(p => !p.EndsWith(".mpr", StringComparison.Ordinal))));

    internal static readonly (string Name, byte[] Bytes)[] Tables =
    [
        ("sigma.csv", Encoding.UTF8.GetBytes("T (°C),sigma (S/cm)\n30,3.9e-4\n40,5.4e-4\n50,7.1e-4\n60,9.5e-4\n")),
        ("sigma-si.csv", Encoding.UTF8.GetBytes("T_K;sigma_S_per_cm\n303.15;3.9e-4\n313.15;5.4e-4\n323.15;7.1e-4\n")),
        ("tafel.csv", Encoding.UTF8.GetBytes("eta (mV),i (mA/cm2)\n-100,-0.5\n-50,-0.2\n0,0\n50,0.2\n100,0.5\n")),
        ("trace.csv", Encoding.UTF8.GetBytes("t (s),I (uA)\n0,10\n1,9\n2,8.5\n3,8.2\n4,8.1\n")),
    ];

    [Fact]
    public void Every_sample_reads()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy");
        foreach (string path in Directory.EnumerateFiles(folder).Where(p => !p.EndsWith(".mpr", StringComparison.Ordinal) && !p.EndsWith(".md", StringComparison.Ordinal) && !p.Contains("Missing", StringComparison.Ordinal)))
        {
            Assert.True(ReadSpectrum(Path.GetFileName(path), File.ReadAllBytes(path)), path); // the whole files (the fuzzed copies are their first 300 lines)
        }

        foreach ((string name, byte[] bytes) in Tables)
        {
            Assert.True(ReadTable(name, bytes), name);
        }
    }

    [Property(MaxTest = 500)]
    public Property Mutated_impedance_files_read_or_fail_with_file_and_line(int seed)
    {
        var random = new Random(seed);
        (string name, byte[] bytes) = Spectra.Value[random.Next(Spectra.Value.Length)];
        for (int m = 0, n = 1 + random.Next(3); m < n; m++)
        {
            bytes = CyclerFileRobustnessTests.Mutate(bytes, random);
        }

        _ = ReadSpectrum(name, bytes);
        return true.ToProperty();
    }

    [Property(MaxTest = 500)]
    public Property Mutated_tables_read_or_fail_with_file_and_line(int seed)
    {
        var random = new Random(seed);
        (string name, byte[] bytes) = Tables[random.Next(Tables.Length)];
        for (int m = 0, n = 1 + random.Next(3); m < n; m++)
        {
            bytes = CyclerFileRobustnessTests.Mutate(bytes, random);
        }

        _ = ReadTable(name, bytes);
        return true.ToProperty();
    }

    /// <summary>True when the bytes read as a spectrum; fails the test on an exception, unbounded allocation, a non-finite value or an error without a line.</summary>
    internal static bool ReadSpectrum(string name, byte[] bytes)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFileResult<ImpedanceData> result = Guard(name, () => ImpedanceFile.TryRead(new StringReader(Encoding.UTF8.GetString(bytes)), name));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < (64L << 20) + (200L * bytes.Length), $"{name}: allocation not bounded");
        if (!result.IsSuccess)
        {
            CheckError(name, bytes, result.Error!);
            return false;
        }

        Electrochem.Impedance.ImpedanceSpectrum s = result.Value.Spectrum;
        for (int k = 0; k < s.Count; k++)
        {
            Assert.True(double.IsFinite(s.Frequency[k]) && double.IsFinite(s.Real[k]) && double.IsFinite(s.Imaginary[k]), $"{name}: non-finite point {k} accepted");
        }

        return true;
    }

    internal static bool ReadTable(string name, byte[] bytes)
    {
        DataFileResult<DelimitedTable> table = Guard(name, () => DelimitedTable.TryRead(new StringReader(Encoding.UTF8.GetString(bytes)), name));
        if (!table.IsSuccess)
        {
            CheckError(name, bytes, table.Error!);
            return false;
        }

        bool read = false;
        DataFileResult<ConductivityTable> sigma = Guard(name, () => ConductivityTable.TryFromTable(table.Value));
        if (sigma.IsSuccess)
        {
            read = true;
            Assert.All(sigma.Value.TemperatureKelvin, v => Assert.True(double.IsFinite(v)));
            Assert.All(sigma.Value.Conductivity, v => Assert.True(double.IsFinite(v)));
        }

        DataFileResult<PolarizationCurveTable> tafel = Guard(name, () => PolarizationCurveTable.TryFromTable(table.Value));
        if (tafel.IsSuccess)
        {
            read = true;
            Assert.All(tafel.Value.VoltageVolts, v => Assert.True(double.IsFinite(v)));
        }

        DataFileResult<ChronoamperometryTable> trace = Guard(name, () => ChronoamperometryTable.TryFromTable(table.Value));
        if (trace.IsSuccess)
        {
            read = true;
            Assert.All(trace.Value.TimeSeconds, v => Assert.True(double.IsFinite(v)));
            Assert.All(trace.Value.CurrentAmperes, v => Assert.True(double.IsFinite(v)));
        }

        return read;
    }

    private static T Guard<T>(string name, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e)
        {
            Assert.Fail($"{name} threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            throw;
        }
    }

    private static void CheckError(string name, byte[] bytes, DataFileError error)
    {

        Assert.Equal(name, error.FilePath);
        Assert.InRange(error.LineNumber, 1, Math.Max(1, bytes.Count(b => b is (byte)'\n' or (byte)'\r') + 1)); // a lone CR ends a line too
        Assert.False(string.IsNullOrWhiteSpace(error.Problem));
    }
}
