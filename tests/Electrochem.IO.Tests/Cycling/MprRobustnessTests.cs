using Electrochem.IO.Impedance;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// The <c>.mpr</c> reader on mutated EC-Lab binary files — truncation, bit flips, spliced byte runs, and module lengths,
/// point counts and column counts that lie — through both <see cref="Electrochem.IO.Cycling.CyclerFile"/> and
/// <see cref="ImpedanceFile"/>: a result or a <see cref="DataFileError"/> naming the file, never another exception, with
/// allocation bounded by a small multiple of the file's size.
/// </summary>
public sealed class MprRobustnessTests : IDisposable
{
    /// <summary>cellpy's biol.mpr cut to its first 300 points, impedance.py's PEIS file, and small files of each layout.</summary>
    internal static readonly Lazy<(string Name, byte[] Bytes)[]> Samples = new(() =>
    [
        .. CyclerFileRobustnessTests.Prefixes([Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "cellpy", "biol.mpr")]),
        ("exampleDataBioLogic.mpr", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", "exampleDataBioLogic.mpr"))),
        ("built-v3.mpr", MprBytes.Build(points: 40, version: 3)),
        ("built-v0-11.50.mpr", MprBytes.Build(points: 40, version: 0, extended: true)),
    ]);

    private readonly CyclerFileRobustnessTests _cycler = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "electrochem-mpr-fuzz-" + Guid.NewGuid().ToString("N"));

    public MprRobustnessTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _cycler.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Every_sample_reads()
    {
        foreach ((string name, byte[] bytes) in Samples.Value)
        {
            Assert.True(_cycler.AssertHandled(name, bytes), name);
        }
    }

    [Property(MaxTest = 300)]
    public Property Mutated_binary_files_read_or_fail_with_a_DataFileError(int seed)
    {
        var random = new Random(seed);
        (string name, byte[] bytes) = Samples.Value[random.Next(Samples.Value.Length)];
        for (int m = 0, count = 1 + random.Next(3); m < count; m++)
        {
            bytes = CyclerFileRobustnessTests.Mutate(bytes, random);
        }

        _ = AssertHandled(name, bytes);
        return true.ToProperty();
    }

    /// <summary>Both readers on one input; true when the cycler reader gives a recording.</summary>
    internal bool AssertHandled(string name, byte[] bytes)
    {
        bool read = _cycler.AssertHandled(name, bytes);
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFileResult<ImpedanceData> result;
        try
        {
            result = ImpedanceFile.TryRead(path);
        }
        catch (Exception e)
        {
            Assert.Fail($"{name} ({bytes.Length} bytes) threw {e.GetType().Name} from ImpedanceFile: {e.Message}\n{e.StackTrace}");
            return false;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < (64L << 20) + (60L * bytes.Length), $"{name}: {allocated} bytes allocated to read {bytes.Length} bytes as impedance");
        if (!result.IsSuccess)
        {
            Assert.Equal(path, result.Error.FilePath);
            Assert.InRange(result.Error.LineNumber, 1, Math.Max(1, bytes.Length));
            Assert.False(string.IsNullOrWhiteSpace(result.Error.Problem));
        }

        return read;
    }
}

/// <summary>The same mutations on yadg's EC-Lab binary files, read in place from ../shared (never copied); skipped, saying why, when absent.</summary>
[Trait("Category", "SharedData")]
public sealed class SharedMprRobustnessTests : IDisposable
{
    private readonly MprRobustnessTests _checks = new();

    public void Dispose() => _checks.Dispose();

    [Fact]
    public void Mutated_EC_Lab_binary_files_read_or_fail_with_a_DataFileError()
    {
        string folder = Path.GetDirectoryName(SharedYadgFiles.Path("gcpl.issue_149.mpr"))!;
        (string Name, byte[] Bytes)[] samples = CyclerFileRobustnessTests.Prefixes(Directory.EnumerateFiles(folder, "*.mpr"));
        var random = new Random(20261204);
        for (int trial = 0; trial < 300; trial++)
        {
            (string name, byte[] bytes) = samples[random.Next(samples.Length)];
            _checks.AssertHandled(name, CyclerFileRobustnessTests.Mutate(bytes, random));
        }
    }
}
