using System.Globalization;
using System.Text;
using Electrochem.IO.Impedance;
using Electrochem.IO.Tables;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>
/// What keeps an impedance read bounded by the file: the compact line store, columns built without doubling, the
/// linear sweep splitter, and the caps on settings, warnings and sweeps. (The peak-memory bound itself is tested on
/// whole processes under a GC heap limit in the command line's tests.)
/// </summary>
public sealed class BoundedImpedanceReadingTests
{
    [Property(MaxTest = 60)]
    public Property The_line_store_returns_every_line_in_any_order(int seed)
    {
        var random = new Random(seed);
        int count = 1 + random.Next(400);
        string[] lines = new string[count];
        for (int i = 0; i < count; i++)
        {
            // Mostly short lines, some long enough (up to 700,000 characters) to fill the 1 MiB blocks, some not ASCII.
            int length = random.Next(10) == 0 ? random.Next(700_000) : random.Next(40);
            lines[i] = string.Create(length, random, (span, r) =>
            {
                for (int k = 0; k < span.Length; k++)
                {
                    span[k] = r.Next(20) == 0 ? "µΩ°²é"[r.Next(5)] : (char)('a' + r.Next(26));
                }
            });
        }

        string breakStyle = new[] { "\n", "\r\n", "\r" }[random.Next(3)];
        bool terminated = random.Next(2) == 0;
        if (!terminated && lines[^1].Length == 0)
        {
            lines[^1] = "x"; // else the text would end with a break after all
        }

        string text = string.Join(breakStyle, lines) + (terminated ? breakStyle : string.Empty);
        if (lines.All(string.IsNullOrWhiteSpace))
        {
            return true.ToProperty();
        }

        ImpedanceText store = ImpedanceText.Read(new StringReader(text), "lines.txt", DelimitedTableOptions.Default).Value;
        Assert.Equal(count, store.Count);
        Assert.Equal(terminated, store.LastLineTerminated);
        for (int n = 1; n <= count; n++)
        {
            Assert.Equal(lines[n - 1], store.Line(n));
        }

        for (int k = 0; k < 200; k++)
        {
            int n = 1 + random.Next(count);
            Assert.Equal(lines[n - 1], store.Line(n));
        }

        using TextReader joined = store.OpenReader();
        Assert.Equal(string.Join('\n', lines) + (store.LastLineTerminated ? "\n" : string.Empty), joined.ReadToEnd());
        return true.ToProperty();
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_line()
    {
        ImpedanceText store = ImpedanceText.Read(new StringReader("\uFEFF1,2,-3\n"), "bom.csv", DelimitedTableOptions.Default).Value;
        Assert.Equal("1,2,-3", store.Line(1));
    }

    [Property(MaxTest = 100)]
    public Property Chunked_columns_keep_every_value_in_order(PositiveInt length, NonNegativeInt expected)
    {
        int n = length.Get % 200_000;
        using var builder = new ChunkedBuilder<int>(expected.Get % 1000);
        for (int i = 0; i < n; i++)
        {
            builder.Add(i * 7);
        }

        for (int i = 0; i < n; i += 1 + (i / 50))
        {
            Assert.Equal(i * 7, builder[i]);
        }

        int[] values = builder.ToArrayAndClear();
        Assert.Equal(n, values.Length);
        Assert.True(values.Select((v, i) => v == i * 7).All(ok => ok));
        return true.ToProperty();
    }

    [Fact]
    public void Counted_rows_fill_exact_arrays_that_become_the_spectrum()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 5000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{1e5 / (i + 1):R},{2.5 + i:R},{-3.25 - i:R}\n");
        }

        ImpedanceData data = ImpedanceFile.TryRead(new StringReader(text.ToString()), "big.csv").Value;
        Assert.Equal(5000, data.Spectrum.Count);
        Assert.Equal(1e5 / 5000, data.Spectrum.Frequency[^1]);
        Assert.Equal(-3.25 - 4999, data.Spectrum.Imaginary[^1]);
        Assert.Equal(5000, data.LineNumbers[^1]);
        Assert.Single(data.Sweeps);
        Assert.Same(data.Spectrum, data.Sweeps[0].Spectrum);
    }

    [Fact]
    public void Units_and_dropped_rows_are_applied_to_copies_not_to_the_block()
    {
        const string csv = "f (kHz),Z' (mOhm),-Z'' (mOhm)\n0,1,1\n10,2000,3000\n1,4000,5000\n0.1,6000,0\n";
        ImpedanceData data = ImpedanceFile.TryRead(new StringReader(csv), "units.csv").Value;
        Assert.Equal([1e4, 1e3, 1e2], data.Spectrum.Frequency.ToArray());
        Assert.Equal([2.0, 4.0, 6.0], data.Spectrum.Real.ToArray());
        Assert.Equal([-3.0, -5.0, 0.0], data.Spectrum.Imaginary.ToArray());
        Assert.False(double.IsNegative(data.Spectrum.Imaginary[2]), "−0 is stored as +0");
        Assert.Equal([3, 4, 5], data.LineNumbers.ToArray());
        Assert.Equal(2, Assert.Single(data.DroppedPoints).LineNumber);
    }

    [Fact]
    public void Equal_frequencies_are_split_in_one_pass()
    {
        // 300,000 points at one frequency: the splitter used to search for the sweep's direction from its start at
        // every point, 4.5e10 steps here; now it is one pass and this returns at once.
        string csv = string.Concat(Enumerable.Repeat("1000,2.5,-3.25\n", 300_000));
        ImpedanceData data = ImpedanceFile.TryRead(new StringReader(csv), "flat.csv").Value;
        Assert.Equal(300_000, data.Spectrum.Count);
        Assert.Single(data.Sweeps);
    }

    [Fact]
    public void Restart_detection_is_unchanged()
    {
        // Two downward sweeps, a small step back inside the second (a warning), and a flat start that defines no direction.
        const string csv = "100,1,-1\n100,1,-1\n10,1,-1\n1,1,-1\n100,1,-1\n10,1,-1\n12,1,-1\n1,1,-1\n";
        ImpedanceData data = ImpedanceFile.TryRead(new StringReader(csv), "two.csv").Value;
        Assert.Equal([4, 4], data.Sweeps.Select(s => s.Spectrum.Count));
        Assert.Contains(data.Warnings, w => w.Contains("against the sweep's direction at 1 point in sweep 2 (first on line 7", StringComparison.Ordinal));
    }

    [Fact]
    public void More_sweeps_than_the_limit_are_an_error_naming_the_line()
    {
        int points = (2 * SweepSplitter.MaximumSweeps) + 2;
        string csv = string.Concat(Enumerable.Range(0, points).Select(i => i % 2 == 0 ? "1,1,-1\n" : "2,1,-1\n"));
        DataFileResult<ImpedanceData> read = ImpedanceFile.TryRead(new StringReader(csv), "zigzag.csv");
        Assert.False(read.IsSuccess);
        Assert.Equal((2 * SweepSplitter.MaximumSweeps) + 1, read.Error!.LineNumber);
        Assert.Contains($"more than {SweepSplitter.MaximumSweeps} sweeps", read.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_with_too_many_settings_is_an_error_not_a_list_without_end()
    {
        var z = new StringBuilder("ZPLOT2 ASCII\n");
        for (int i = 0; i <= ImpedanceFileHeader.MaximumSettings; i++)
        {
            z.Append(CultureInfo.InvariantCulture, $"Comment{i}: x\n");
        }

        z.Append("Freq(Hz)\tAmpl\tBias\tTime(Sec)\tZ'(a)\tZ''(b)\nEnd Comments\n1000\t0.01\t0\t1\t2.5\t-3.25\n");
        DataFileResult<ImpedanceData> read = ImpedanceFile.TryRead(new StringReader(z.ToString()), "many.z");
        Assert.False(read.IsSuccess);
        Assert.Equal(ImpedanceFileHeader.MaximumSettings + 2, read.Error!.LineNumber);
        Assert.Contains($"more than {ImpedanceFileHeader.MaximumSettings} settings lines", read.Error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_beyond_the_limit_are_counted_in_one_last_warning()
    {
        string gamry = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "impedancepy", "exampleDataGamry.DTA"));
        int afterExplain = gamry.IndexOf('\n', StringComparison.Ordinal) + 1;
        string damaged = gamry[..afterExplain] + string.Concat(Enumerable.Repeat("\"unclosed\tsetting\n", 250)) + gamry[afterExplain..];
        ImpedanceData data = ImpedanceFile.TryRead(new StringReader(damaged), "damaged.DTA").Value;
        string[] skipped = [.. data.Warnings.Where(w => w.Contains("could not be read as a setting", StringComparison.Ordinal))];
        Assert.Equal(ImpedanceFileHeader.MaximumWarnings, skipped.Length);
        Assert.Equal("… and 150 more warnings like those above (only the first 100 are listed)", data.Warnings[^1]);
    }
}
