using System.Text;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// Every cycler reader on mutated copies of every bundled cycler file (the first 300 lines of each, so a run stays
/// fast): truncation, bit flips, deleted, duplicated and swapped lines, swapped delimiters, huge numbers, NaN text, a
/// header count that lies. Each must give a recording or a <see cref="DataFileError"/> naming the file and a line —
/// never an unhandled exception — with memory bounded by a small multiple of the file's size.
/// </summary>
public sealed class CyclerFileRobustnessTests : IDisposable
{
    private const int LinesKept = 300;
    internal static readonly Lazy<(string Name, byte[] Bytes)[]> Samples = new(LoadSamples);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "electrochem-fuzz-" + Guid.NewGuid().ToString("N"));

    public CyclerFileRobustnessTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Every_sample_prefix_reads_or_fails_with_file_and_line()
    {
        foreach ((string name, byte[] bytes) in Samples.Value)
        {
            AssertHandled(name, bytes);
        }
    }

    [Property(MaxTest = 400)]
    public Property Mutated_files_read_or_fail_with_file_and_line(int seed)
    {
        var random = new Random(seed);
        (string name, byte[] original) = Samples.Value[random.Next(Samples.Value.Length)];
        byte[] mutated = original;
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations; m++)
        {
            mutated = Mutate(mutated, random);
        }

        AssertHandled(name, mutated);
        return true.ToProperty();
    }

    // Found by the long mutation run (docs/fuzzing.md): a double quote inserted into a Maccor header ("WF"Dis Cap") made
    // the header's field swallow the whole file, and splitting that 70 KB "name" at each of its slashes allocated 10 GB.
    [Fact]
    public void An_unclosed_quote_in_a_header_is_refused_quickly_with_the_reason()
    {
        string original = Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "beep", "xTESLADIAG_000019_CH70.070");
        byte[] bytes = File.ReadAllBytes(original);
        string text = Encoding.Latin1.GetString(bytes).Replace("WF Dis Cap", "WF\"Dis Cap", StringComparison.Ordinal);
        string path = Path.Combine(_folder, "quoted.070");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(text));
        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(path);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L << 20);
        Assert.False(result.IsSuccess);
        Assert.Equal(2, result.Error!.LineNumber);
        Assert.Contains("is a double quote (\") in the header left unclosed", result.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_line_breaks_is_refused_before_it_is_buffered()
    {
        byte[] bomb = new byte[8 << 20];
        bomb.AsSpan().Fill((byte)'7');
        Encoding.ASCII.GetBytes("time_s,current_A,voltage_V\n").CopyTo(bomb, 0);
        string path = Path.Combine(_folder, "bomb.csv");
        File.WriteAllBytes(path, bomb);
        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(path, CyclerReadOptions.Default with { MaximumLineLength = 1 << 16 });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.False(result.IsSuccess);
        Assert.Contains("longer than 65536 characters", result.Error!.Problem, StringComparison.Ordinal);
        Assert.True(allocated < 16 << 20, $"{allocated} bytes allocated for an 8 MiB file");
    }

    /// <summary>Reads a mutated file: a result or an error naming the file, never an exception, at most 64 MiB plus 60 bytes per input byte allocated.</summary>
    internal bool AssertHandled(string name, byte[] bytes)
    {
        const long allowance = 64L << 20;
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFileResult<CyclerRecording> result;
        try
        {
            result = CyclerFile.TryRead(path, CyclerReadOptions.Default with { MaximumLineLength = 1 << 16 });
        }
        catch (Exception e)
        {
            Assert.Fail($"{name} ({bytes.Length} bytes) threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            return false;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < allowance + (60L * bytes.Length), $"{name}: {allocated} bytes allocated to read {bytes.Length} bytes");
        if (result.IsSuccess)
        {
            CyclerRecording r = result.Value;
            Assert.True(r.RowCount > 0);
            Assert.Equal(path, r.SourceName);
            return true;
        }

        Assert.Equal(path, result.Error!.FilePath);
        // A binary file has no lines: its errors name line 1, or the data point (at most one per byte; an .ndax's
        // records are compressed, so at most one per 8 bytes the archive states it holds).
        Assert.InRange(result.Error.LineNumber, 1, IsMpr(bytes) ? bytes.Length : IsZip(bytes) ? int.MaxValue : Math.Max(1, bytes.Count(b => b == (byte)'\n') + 1));
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Problem));
        return false;
    }

    internal static bool IsMpr(byte[] bytes) => bytes.AsSpan().StartsWith("BIO-LOGIC MODULAR FILE"u8);

    internal static bool IsZip(byte[] bytes) => bytes.AsSpan().StartsWith("PK\x03\x04"u8);

    internal static byte[] Mutate(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        if (IsMpr(bytes) && random.Next(3) == 0)
        {
            return MutateCounts(bytes, random);
        }

        List<byte[]> lines = SplitLines(bytes);
        switch (random.Next(9))
        {
            case 0: // truncate anywhere
                return bytes[..random.Next(bytes.Length)];
            case 1: // flip bits
                byte[] flipped = (byte[])bytes.Clone();
                for (int i = 0; i < 1 + random.Next(8); i++)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                return flipped;
            case 2: // delete a line
                lines.RemoveAt(random.Next(lines.Count));
                return Join(lines);
            case 3: // duplicate a line
                int d = random.Next(lines.Count);
                lines.Insert(d, lines[d]);
                return Join(lines);
            case 4: // swap two lines (time out of order, header moved)
                int a = random.Next(lines.Count);
                int b = random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return Join(lines);
            case 5: // swap delimiters
                (byte from, byte to) = random.Next(3) switch { 0 => ((byte)',', (byte)';'), 1 => ((byte)'\t', (byte)','), _ => ((byte)';', (byte)'\t') };
                return [.. bytes.Select(x => x == from ? to : x)];
            case 6: // a huge number or NaN text in a random field of a random line
                int l = random.Next(lines.Count);
                string text = Encoding.Latin1.GetString(lines[l]);
                string replacement = random.Next(3) switch { 0 => "1e400", 1 => "NaN", _ => "-Infinity" };
                int at = random.Next(text.Length + 1);
                lines[l] = Encoding.Latin1.GetBytes(text[..at] + replacement + text[at..]);
                return Join(lines);
            case 7: // a header count that lies
                string joined = Encoding.Latin1.GetString(bytes);
                return Encoding.Latin1.GetBytes(joined
                    .Replace("Nb header lines : ", $"Nb header lines : {random.Next(1, 100000)}", StringComparison.Ordinal)
                    .Replace("number of headers ;", $"number of headers ;{random.Next(1, 100000)}", StringComparison.Ordinal));
            default: // an empty line in the middle
                lines.Insert(random.Next(lines.Count), []);
                return Join(lines);
        }
    }

    /// <summary>An EC-Lab binary file whose module length, point count or column count lies (small, huge, or off by a little).</summary>
    internal static byte[] MutateCounts(byte[] bytes, Random random)
    {
        (List<int> lengths, int points, int columns) = MprBytes.Counts(bytes);
        byte[] copy = (byte[])bytes.Clone();
        uint value = random.Next(4) switch
        {
            0 => 0,
            1 => uint.MaxValue - (uint)random.Next(16),
            2 => (uint)random.Next(1 << 24),
            _ => (uint)random.Next(-8, 9),
        };
        int which = random.Next(3);
        if (which == 0 && lengths.Count > 0)
        {
            int at = lengths[random.Next(lengths.Count)];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(at), random.Next(2) == 0 ? value : System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(at)) + value);
        }
        else if (which == 1 && points >= 0 && points + 4 <= copy.Length)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(points), random.Next(2) == 0 ? value : System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(points)) + value);
        }
        else if (columns >= 0 && columns < copy.Length)
        {
            copy[columns] = (byte)value;
        }

        return copy;
    }

    private static List<byte[]> SplitLines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            lines.Add(bytes[start..]);
        }

        return lines;
    }

    private static byte[] Join(List<byte[]> lines) => [.. lines.SelectMany(l => l.Length == 0 || l[^1] == (byte)'\n' ? l : [.. l, (byte)'\n'])];

    internal static (string, byte[])[] LoadSamples() => Prefixes(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Data", "cycling"), "*", SearchOption.AllDirectories));

    /// <summary>The first 300 lines of each data file (not .md or .yml), in name order; of an EC-Lab binary file, its first 300 points.</summary>
    internal static (string, byte[])[] Prefixes(IEnumerable<string> files)
    {
        return [.. files
            .Where(p => !p.EndsWith(".md", StringComparison.Ordinal) && !p.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllBytes(p)))
            .Select(f => (f.Item1, IsMpr(f.Item2) ? MprBytes.FirstPoints(f.Item2, LinesKept) : Join([.. SplitLines(f.Item2).Take(LinesKept)])))];
    }
}

/// <summary>
/// The same mutations on the GPL EC-Lab files of yadg, read in place from ../shared (never copied); skipped, saying why,
/// when the folder is absent.
/// </summary>
[Trait("Category", "SharedData")]
public sealed class SharedCyclerFileRobustnessTests : IDisposable
{
    private readonly CyclerFileRobustnessTests _checks = new();

    public void Dispose() => _checks.Dispose();

    [Fact]
    public void Mutated_EC_Lab_files_read_or_fail_with_file_and_line()
    {
        string folder = Path.GetDirectoryName(SharedYadgFiles.Path("gcpl.issue_149.mpt"))!;
        (string Name, byte[] Bytes)[] samples = CyclerFileRobustnessTests.Prefixes(Directory.EnumerateFiles(folder, "*.mpt"));
        var random = new Random(20261202);
        for (int trial = 0; trial < 300; trial++)
        {
            (string name, byte[] bytes) = samples[random.Next(samples.Length)];
            _checks.AssertHandled(name, CyclerFileRobustnessTests.Mutate(bytes, random));
        }
    }
}
