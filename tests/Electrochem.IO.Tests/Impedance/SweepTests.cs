using System.Globalization;
using System.Text;
using Electrochem.IO.Impedance;

namespace Electrochem.IO.Tests.Impedance;

/// <summary>Files holding several sweeps read as separate spectra; sanity warnings on frequencies and column order.</summary>
public sealed class SweepTests
{
    private static readonly double[] Decades = [1e5, 1e4, 1e3, 1e2, 1e1, 1, 0.1];

    private static ImpedanceData Read(string text)
    {
        DataFileResult<ImpedanceData> read = ImpedanceFile.TryRead(new StringReader(text), "sweeps.csv");
        Assert.True(read.IsSuccess, read.ToString());
        return read.Value;
    }

    private static string Rows(IEnumerable<double> frequencies, Func<double, string>? extra = null)
    {
        var text = new StringBuilder();
        foreach (double f in frequencies)
        {
            text.Append(CultureInfo.InvariantCulture, $"{f},{10 + (1 / (1 + f))},{-f / (1 + (f * f))}{(extra is null ? string.Empty : "," + extra(f))}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Repeated_sweeps_split_at_each_frequency_restart()
    {
        ImpedanceData data = Read("f (Hz),Z' (Ohm),Z'' (Ohm)\n" + Rows(Decades) + Rows(Decades) + Rows(Decades[..5]));
        Assert.Equal(19, data.Spectrum.Count);
        Assert.Equal([7, 7, 5], data.Sweeps.Select(s => s.Spectrum.Count));
        Assert.Equal([2, 9, 16], data.Sweeps.Select(s => s.LineNumbers[0]));
        Assert.All(data.Sweeps, s => Assert.Null(s.Cycle));
        Assert.All(data.Sweeps, s => Assert.Null(s.StartTime));
        Assert.Contains(data.Warnings, w => w.Contains("3 sweeps (7, 7, 5 points)", StringComparison.Ordinal));
    }

    [Fact]
    public void Upward_sweeps_split_too_and_one_sweep_is_the_whole_spectrum()
    {
        double[] up = [.. Decades.Reverse()];
        ImpedanceData two = Read("f (Hz),Z' (Ohm),Z'' (Ohm)\n" + Rows(up) + Rows(up));
        Assert.Equal(2, two.Sweeps.Length);

        ImpedanceData one = Read("f (Hz),Z' (Ohm),Z'' (Ohm)\n" + Rows(up));
        ImpedanceSweep only = Assert.Single(one.Sweeps);
        Assert.Same(one.Spectrum, only.Spectrum);
        Assert.Equal(1, only.Index);
        Assert.DoesNotContain(one.Warnings, w => w.Contains("sweeps", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cycle_column_splits_and_numbers_the_sweeps_and_time_and_DC_levels_are_converted()
    {
        string text = "freq/Hz,Re(Z)/Ohm,-Im(Z)/Ohm,cycle number,time/min,<Ewe>/mV,<I>/mA\n"
            + "100,1,1,1,1,3000,1\n10,2,2,1,2,3002,3\n"
            + "1000,1,1,2,10,3100,5\n100,1,1,2,11,3100,5\n";
        ImpedanceData data = Read(text);
        Assert.Equal(2, data.Sweeps.Length);
        Assert.Equal(1.0, data.Sweeps[0].Cycle);
        Assert.Equal(2.0, data.Sweeps[1].Cycle);
        Assert.Equal(60.0, data.Sweeps[0].StartTime);
        Assert.Equal(600.0, data.Sweeps[1].StartTime);
        Assert.Equal(3.001, data.Sweeps[0].DcPotential!.Value, 12);
        Assert.Equal(2e-3, data.Sweeps[0].DcCurrent!.Value, 15);
        Assert.Equal(5e-3, data.Sweeps[1].DcCurrent!.Value, 15);
    }

    [Fact]
    public void A_small_step_backwards_stays_in_the_sweep_with_a_warning_naming_its_line()
    {
        ImpedanceData data = Read("f (Hz),Z' (Ohm),Z'' (Ohm)\n" + Rows([1e5, 1e4, 1e3, 1.2e3, 100, 10]));
        Assert.Single(data.Sweeps);
        string warning = Assert.Single(data.Warnings, w => w.Contains("against the sweep's direction", StringComparison.Ordinal));
        Assert.Contains("line 5", warning, StringComparison.Ordinal);
        Assert.Contains("1000 Hz then 1200 Hz", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Swapped_columns_in_a_headerless_table_are_warned_about()
    {
        var text = new StringBuilder();
        foreach (double f in Decades)
        {
            text.Append(CultureInfo.InvariantCulture, $"{10 + (1 / (1 + f))},{f},{-f / (1 + (f * f))}\n");
        }

        ImpedanceData data = Read(text.ToString());
        Assert.Contains(data.Warnings, w => w.Contains("are the columns in the order f, Z′, Z″?", StringComparison.Ordinal));
        Assert.DoesNotContain(Read(Rows(Decades)).Warnings, w => w.Contains("order f, Z′, Z″", StringComparison.Ordinal));
    }
}
