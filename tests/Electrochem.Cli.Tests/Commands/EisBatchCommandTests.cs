using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Electrochem.Cli.Tests.Commands;

/// <summary>
/// Several spectra on the command line: the sweeps of one file, several files and directories, --spectrum, --fmin/--fmax,
/// --warm-start, --csv and --curve. The spectra are noise-free R0-p(R1,C1) sweeps, so every fit must return the
/// parameters they were made from (to 1e-6 relative: the solver's tolerance, far below any physical meaning).
/// </summary>
public sealed class EisBatchCommandTests : IDisposable
{
    private const string Circuit = "R0-p(R1,C1)";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Frequencies from 100 kHz down to 0.1 Hz, 7 per decade (43 points, 1000 Hz and 10 Hz among them).</summary>
    private static double[] Frequencies() => [.. Enumerable.Range(0, 43).Select(i => 1e5 * Math.Pow(10, -i / 7.0))];

    /// <summary>A CSV with one sweep per R1 value, each with its cycle number, time and DC potential.</summary>
    private string WriteSweeps(string name, params double[] r1)
    {
        var text = new StringBuilder("freq/Hz,Re(Z)/Ohm,-Im(Z)/Ohm,cycle number,time/s,<Ewe>/V\n");
        for (int s = 0; s < r1.Length; s++)
        {
            foreach (double f in Frequencies())
            {
                Complex z = 10 + (r1[s] / new Complex(1, 2 * Math.PI * f * r1[s] * 1e-5));
                text.Append(CultureInfo.InvariantCulture, $"{f:R},{z.Real:R},{-z.Imaginary:R},{s + 1},{100 * s},{3.5 + (0.01 * s)}\n");
            }
        }

        return _folder.Write(name, text.ToString());
    }

    private static double[][] CsvColumns(string path, params string[] names)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',');
        int[] index = [.. names.Select(n => Array.IndexOf(header, n))];
        Assert.DoesNotContain(-1, index);
        return [.. index.Select(c => lines.Skip(1).Select(l => double.Parse(l.Split(',')[c], CultureInfo.InvariantCulture)).ToArray())];
    }

    [Fact]
    public void A_multi_sweep_file_is_fitted_sweep_by_sweep_into_one_table()
    {
        string file = WriteSweeps("three.csv", 100, 150, 200);
        string csv = Path.Combine(_folder.Path, "fits.csv");
        CliRun run = CliRun.Of("eis", "fit", file, "--circuit", Circuit, "--csv", csv);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("to 3 spectra", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{file} #3", run.Stdout, StringComparison.Ordinal);

        double[][] columns = CsvColumns(csv, "spectrum", "points", "cycle", "start_time_s", "dc_potential_V", "R0_Ohm", "R1_Ohm", "C1_F");
        Assert.Equal([1, 2, 3], columns[0]);
        Assert.All(columns[1], n => Assert.Equal(43, n));
        Assert.Equal([1, 2, 3], columns[2]);
        Assert.Equal([0, 100, 200], columns[3]);
        Assert.Equal(3.52, columns[4][2], 12);
        Assert.All(columns[5], r0 => Assert.Equal(10, r0, 10 * 1e-6));
        Assert.Equal(100, columns[6][0], 100 * 1e-6);
        Assert.Equal(150, columns[6][1], 150 * 1e-6);
        Assert.Equal(200, columns[6][2], 200 * 1e-6);
        Assert.All(columns[7], c => Assert.Equal(1e-5, c, 1e-11));
    }

    [Fact]
    public void Warm_start_reaches_the_same_fits_in_file_order()
    {
        string file = WriteSweeps("three.csv", 100, 150, 200);
        string independent = Path.Combine(_folder.Path, "independent.csv");
        string warm = Path.Combine(_folder.Path, "warm.csv");
        Assert.Equal(0, CliRun.Of("eis", "fit", file, "--circuit", Circuit, "--csv", independent).ExitCode);
        CliRun run = CliRun.Of("eis", "fit", file, "--circuit", Circuit, "--csv", warm, "--warm-start");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("each started from its predecessor's result", run.Stdout, StringComparison.Ordinal);
        double[] a = CsvColumns(independent, "R1_Ohm")[0];
        double[] b = CsvColumns(warm, "R1_Ohm")[0];
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(a[i], b[i], a[i] * 1e-6);
        }
    }

    [Fact]
    public void Spectrum_picks_one_sweep_for_the_full_report_and_a_missing_one_is_an_error()
    {
        string file = WriteSweeps("three.csv", 100, 150, 200);
        CliRun one = CliRun.Of("eis", "fit", file, "--circuit", Circuit, "--spectrum", "2", "--json");
        Assert.Equal(0, one.ExitCode);
        using (JsonDocument json = JsonDocument.Parse(one.Stdout))
        {
            Assert.Equal(2, json.RootElement.GetProperty("spectrum").GetInt32());
            Assert.Equal(43, json.RootElement.GetProperty("pointCount").GetInt32());
        }

        CliRun all = CliRun.Of("eis", "kk", WriteSweeps("one.csv", 100), "--spectrum", "all");
        Assert.Equal(0, all.ExitCode);
        Assert.Contains("of 1 spectrum", all.Stdout, StringComparison.Ordinal);

        CliRun missing = CliRun.Of("eis", "fit", file, "--circuit", Circuit, "--spectrum", "5");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("asks for sweep 5, but the file holds 3 sweeps", missing.Stderr, StringComparison.Ordinal);

        CliRun bad = CliRun.Of("eis", "kk", file, "--spectrum", "first");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--spectrum is 'first'; expected a sweep number from 1, or all", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Fmin_and_fmax_crop_inclusively()
    {
        string file = WriteSweeps("one.csv", 100);
        CliRun run = CliRun.Of("eis", "fit", file, "--circuit", Circuit, "--fmin", "10", "--fmax", "1000", "--json");
        Assert.Equal(0, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Stdout);
        int expected = Frequencies().Count(f => f >= 10 * (1 - 1e-12) && f <= 1000 * (1 + 1e-12));
        Assert.Equal(15, expected);
        Assert.Equal(expected, json.RootElement.GetProperty("fittedPointCount").GetInt32());

        CliRun text = CliRun.Of("eis", "kk", file, "--fmin", "10", "--fmax", "1000");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("15 points", text.Stdout, StringComparison.Ordinal);

        CliRun reversed = CliRun.Of("eis", "kk", file, "--fmin", "1000", "--fmax", "10");
        Assert.Equal(2, reversed.ExitCode);
        Assert.Contains("--fmin (1000 Hz) is above --fmax (10 Hz)", reversed.Stderr, StringComparison.Ordinal);

        CliRun empty = CliRun.Of("eis", "kk", file, "--fmin", "1e6");
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("No point lies in", empty.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Curve_writes_the_model_at_the_data_and_on_a_fine_grid()
    {
        string file = WriteSweeps("one.csv", 100);
        string curve = Path.Combine(_folder.Path, "curve.csv");
        Assert.Equal(0, CliRun.Of("eis", "fit", file, "--circuit", Circuit, "--curve", curve).ExitCode);
        string[] lines = File.ReadAllLines(curve);
        Assert.Equal("file,spectrum,grid,frequency_Hz,Z_real_Ohm,Z_imag_Ohm", lines[0]);
        string[][] rows = [.. lines.Skip(1).Select(l => l.Split(','))];
        Assert.Equal(43, rows.Count(r => r[2] == "data"));
        Assert.Equal((6 * 20) + 1, rows.Count(r => r[2] == "fine"));
        foreach (string[] row in rows)
        {
            double f = double.Parse(row[3], CultureInfo.InvariantCulture);
            Complex truth = 10 + (100 / new Complex(1, 2 * Math.PI * f * 100 * 1e-5));
            Assert.Equal(truth.Real, double.Parse(row[4], CultureInfo.InvariantCulture), 1e-4);
            Assert.Equal(truth.Imaginary, double.Parse(row[5], CultureInfo.InvariantCulture), 1e-4);
        }
    }

    [Fact]
    public void A_directory_is_read_whole_and_a_bad_file_is_listed_while_the_rest_run()
    {
        string folder = Path.Combine(_folder.Path, "run");
        Directory.CreateDirectory(folder);
        File.Copy(WriteSweeps("a.csv", 100), Path.Combine(folder, "a.csv"));
        File.Copy(WriteSweeps("b.csv", 120, 140), Path.Combine(folder, "b.csv"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "nothing here\n");
        File.WriteAllText(Path.Combine(folder, ".hidden.csv"), "ignored\n");

        CliRun fit = CliRun.Of("eis", "fit", folder, "--circuit", Circuit);
        Assert.Equal(2, fit.ExitCode);
        Assert.Contains("to 3 spectra", fit.Stdout, StringComparison.Ordinal);
        Assert.Contains("Not analysed (1):", fit.Stdout, StringComparison.Ordinal);
        Assert.Contains("notes.txt:1: not an impedance file format", fit.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(".hidden", fit.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 file or spectrum could not be analysed", fit.Stderr, StringComparison.Ordinal);

        CliRun show = CliRun.Of("eis", "show", Path.Combine(folder, "a.csv"), Path.Combine(folder, "b.csv"), "--json");
        Assert.Equal(0, show.ExitCode);
        using JsonDocument json = JsonDocument.Parse(show.Stdout);
        JsonElement[] spectra = [.. json.RootElement.GetProperty("spectra").EnumerateArray()];
        Assert.Equal(3, spectra.Length);
        Assert.Equal([1, 1, 2], spectra.Select(s => s.GetProperty("spectrum").GetInt32()));
        Assert.Equal(100.0, spectra[2].GetProperty("startTimeSecond").GetDouble());
        Assert.Empty(json.RootElement.GetProperty("failed").EnumerateArray());
    }

    [Fact]
    public void Kramers_Kronig_over_sweeps_is_one_table_and_a_csv()
    {
        string file = WriteSweeps("two.csv", 100, 200);
        string csv = Path.Combine(_folder.Path, "kk.csv");
        CliRun run = CliRun.Of("eis", "kk", file, "--csv", csv, "--cutoff", "0.5");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{file} #2", run.Stdout, StringComparison.Ordinal);
        double[][] columns = CsvColumns(csv, "spectrum", "mu", "max_abs_residual");
        Assert.Equal([1, 2], columns[0]);
        Assert.All(columns[2], r => Assert.InRange(r, 0, 0.01));
    }

    [Fact]
    public void Show_of_one_multi_sweep_file_lists_its_sweeps()
    {
        CliRun run = CliRun.Of("eis", "show", WriteSweeps("three.csv", 100, 150, 200));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Sweeps: 3", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("the file holds 3 sweeps (3 × 43 points)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_named_on_the_command_line_read_headers_the_reader_does_not_know()
    {
        var text = new StringBuilder("Frequenz;Wirk;Blind\n");
        foreach (double f in Frequencies())
        {
            Complex z = 10 + (100 / new Complex(1, 2 * Math.PI * f * 100 * 1e-5));
            text.Append(CultureInfo.InvariantCulture, $"{f / 1e3:R};{z.Real / 1e3:R};{-z.Imaginary / 1e3:R}\n");
        }

        string file = _folder.Write("de.csv", text.ToString().Replace('.', ','));
        CliRun unnamed = CliRun.Of("eis", "fit", file, "--circuit", Circuit);
        Assert.Equal(2, unnamed.ExitCode);
        Assert.Contains("but the columns are 'Frequenz', 'Wirk', 'Blind'; or name it (--frequency-column NAME)", unnamed.Stderr, StringComparison.Ordinal);

        CliRun named = CliRun.Of("eis", "fit", file, "--circuit", Circuit, "--json",
            "--frequency-column", "Frequenz", "--frequency-unit", "kHz", "--real-column", "Wirk", "--real-unit", "kOhm",
            "--imaginary-column", "Blind", "--imaginary-unit", "kOhm", "--imaginary-negated");
        Assert.Equal(0, named.ExitCode);
        using JsonDocument json = JsonDocument.Parse(named.Stdout);
        JsonElement r1 = json.RootElement.GetProperty("fit").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "R1");
        Assert.Equal(100, r1.GetProperty("value").GetDouble(), 100 * 1e-6);

        CliRun lonely = CliRun.Of("eis", "show", file, "--imaginary-negated");
        Assert.Equal(2, lonely.ExitCode);
        Assert.Contains("--imaginary-negated needs --imaginary-column", lonely.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parquet_holds_the_same_table_with_units_in_its_metadata()
    {
        string file = WriteSweeps("three.csv", 100, 150, 200);
        string parquet = Path.Combine(_folder.Path, "fits.parquet");
        Assert.Equal(0, CliRun.Of("eis", "fit", file, "--circuit", Circuit, "--parquet", parquet).ExitCode);
        await using FileStream stream = File.OpenRead(parquet);
        await using Parquet.ParquetReader reader = await Parquet.ParquetReader.CreateAsync(stream, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("R0-p(R1,C1)", reader.CustomMetadata["electrochem.circuit"]);
        Assert.Equal("Ω", reader.CustomMetadata["unit:R1_Ohm"]);
        Assert.Equal("Hz", reader.CustomMetadata["unit:fmin_Hz"]);
        Parquet.Schema.DataField[] fields = reader.Schema.GetDataFields();
        Assert.Equal("file", fields[0].Name);
        Assert.Equal("problem", fields[^1].Name);
        using Parquet.ParquetRowGroupReader group = reader.OpenRowGroupReader(0);
        Assert.Equal(3, group.RowCount);
        double?[] values = new double?[3];
        await group.ReadAsync<double>(fields.Single(f => f.Name == "R1_Ohm"), values.AsMemory(), null, TestContext.Current.CancellationToken);
        Assert.Equal(150, values[1]!.Value, 150 * 1e-6);
    }

    [Fact]
    public void Show_says_whether_the_format_was_detected_or_named()
    {
        string file = WriteSweeps("one.csv", 100);
        Assert.Contains("(detected from the content)", CliRun.Of("eis", "show", file).Stdout, StringComparison.Ordinal);
        Assert.Contains("(as --format named it)", CliRun.Of("eis", "show", file, "--format", "table").Stdout, StringComparison.Ordinal);
    }
}
