using System.Diagnostics;
using System.Globalization;
using Electrochem.IO.Tests.Cycling;
using Electrochem.IO.Tests.Impedance;

namespace Electrochem.IO.Tests;

/// <summary>
/// The budgeted mutation run over every reader (docs/fuzzing.md): mutated copies of the bundled impedance files, of
/// small tables in each header style, of the bundled cycler files, of EC-Lab binary files, of an Arbin .res database, of a
/// Neware .ndax archive and of two HDF5 files (binary damage: truncation, bit flips, counts, offsets and page pointers that lie), each read under the same checks as the
/// robustness properties — a result or a <see cref="DataFileError"/> naming the file and a line, never an exception,
/// bounded allocation, no non-finite value accepted (an input that breaks a check is kept in the temporary folder as
/// <c>electrochem-fuzz-failure-SEED-INDEX-NAME</c>). CI runs a short budget; a long run before a release sets
/// <c>ELECTROCHEM_FUZZ_INPUTS</c> (inputs per reader group), optionally <c>ELECTROCHEM_FUZZ_SEED</c>, and
/// <c>ELECTROCHEM_FUZZ_REPORT</c> (a file that receives the figures).
/// </summary>
public sealed class MutationRun : IDisposable
{
    private readonly CyclerFileRobustnessTests _cycler = new();
    private readonly MprRobustnessTests _mpr = new();

    public void Dispose()
    {
        _cycler.Dispose();
        _mpr.Dispose();
    }

    [Fact]
    public void Every_reader_survives_the_mutation_budget()
    {
        int inputs = int.TryParse(Environment.GetEnvironmentVariable("ELECTROCHEM_FUZZ_INPUTS"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 200;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("ELECTROCHEM_FUZZ_SEED"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int s) ? s : 20261203;
        var random = new Random(seed);
        var groups = new (string Name, (string Name, byte[] Bytes)[] Samples, Func<string, byte[], bool> Read, Func<byte[], Random, byte[]> Mutate)[]
        {
            ("impedance files", ImpedanceFileRobustnessTests.Spectra.Value, ImpedanceFileRobustnessTests.ReadSpectrum, CyclerFileRobustnessTests.Mutate),
            ("conductivity, polarisation and chronoamperometry tables", ImpedanceFileRobustnessTests.Tables, ImpedanceFileRobustnessTests.ReadTable, CyclerFileRobustnessTests.Mutate),
            ("cycler files", CyclerFileRobustnessTests.Samples.Value, _cycler.AssertHandled, CyclerFileRobustnessTests.Mutate),
            ("EC-Lab binary files (.mpr), as cycler and impedance files", MprRobustnessTests.Samples.Value, _mpr.AssertHandled, CyclerFileRobustnessTests.Mutate),
            ("Arbin .res databases", ArbinResRobustnessTests.Samples.Value, _cycler.AssertHandled, ArbinResRobustnessTests.Mutate),
            ("Neware .ndax archives", NewareNdaxRobustnessTests.Samples.Value, _cycler.AssertHandled, NewareNdaxRobustnessTests.Mutate),
            ("HDF5 files (pandas frames)", Hdf5RobustnessTests.Samples.Value, _cycler.AssertHandled, Hdf5RobustnessTests.Mutate),
        };
        var report = new List<string> { string.Create(CultureInfo.InvariantCulture, $"mutation run: {inputs} inputs per group, seed {seed}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC") };
        foreach ((string name, (string Name, byte[] Bytes)[] samples, Func<string, byte[], bool> read, Func<byte[], Random, byte[]> mutate) in groups)
        {
            int readOk = 0;
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < inputs; i++)
            {
                (string file, byte[] bytes) = samples[random.Next(samples.Length)];
                for (int m = 0, count = 1 + random.Next(3); m < count; m++)
                {
                    bytes = mutate(bytes, random);
                }

                try
                {
                    readOk += read(file, bytes) ? 1 : 0;
                }
                catch (Exception)
                {
                    // Keep the input that broke a check, to reproduce it outside the run.
                    string kept = Path.Combine(Path.GetTempPath(), $"electrochem-fuzz-failure-{seed}-{i}-{file}");
                    File.WriteAllBytes(kept, bytes);
                    throw;
                }
            }

            report.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {name}: {inputs} inputs, {readOk} read, {inputs - readOk} refused with file and line, 0 unhandled, {watch.Elapsed.TotalSeconds:0.0} s"));
        }

        if (Environment.GetEnvironmentVariable("ELECTROCHEM_FUZZ_REPORT") is { Length: > 0 } path)
        {
            File.WriteAllLines(path, report);
        }
    }
}
