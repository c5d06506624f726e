using System.Globalization;
using System.Numerics;
using Electrochem.Fitting;
using Electrochem.Impedance;

namespace Electrochem.Cli.Impedance;

/// <summary>
/// <c>eis fit --curve FILE</c>: the fitted model's impedance as CSV, for plotting over the data — at the data's
/// frequencies (<c>grid = data</c>) and on a fine logarithmic grid over the same range (<c>grid = fine</c>,
/// <see cref="PointsPerDecade"/> per decade, both ends included); one block per fitted spectrum.
/// </summary>
internal static class FittedCurve
{
    /// <summary>Points per decade of the fine grid.</summary>
    internal const int PointsPerDecade = 20;

    /// <summary>Writes <c>file,spectrum,grid,frequency_Hz,Z_real_Ohm,Z_imag_Ohm</c> rows for every fit that has a result.</summary>
    internal static void Write(TextWriter writer, IEnumerable<(SelectedSpectrum Spectrum, ImpedanceSpectrum Fitted, FitResult<CircuitModel> Fit)> fits)
    {
        writer.Write("file,spectrum,grid,frequency_Hz,Z_real_Ohm,Z_imag_Ohm\n");
        foreach ((SelectedSpectrum selected, ImpedanceSpectrum fitted, FitResult<CircuitModel> fit) in fits)
        {
            string prefix = string.Create(CultureInfo.InvariantCulture, $"{Formatting.ResultTable.Quote(selected.Data.SourceName)},{selected.Sweep.Index}");
            foreach (double f in fitted.Frequency)
            {
                Row(writer, prefix, "data", f, fit.Model);
            }

            foreach (double f in Grid(fitted.MinimumFrequency, fitted.MaximumFrequency))
            {
                Row(writer, prefix, "fine", f, fit.Model);
            }
        }
    }

    /// <summary>Frequencies from low to high, evenly spaced in log f, <see cref="PointsPerDecade"/> per decade, both ends included.</summary>
    internal static double[] Grid(double low, double high)
    {
        int intervals = Math.Max(1, (int)Math.Ceiling(Math.Log10(high / low) * PointsPerDecade));
        double step = Math.Log10(high / low) / intervals;
        var grid = new double[intervals + 1];
        for (int i = 0; i <= intervals; i++)
        {
            grid[i] = low * Math.Pow(10, i * step);
        }

        grid[^1] = high;
        return grid;
    }

    private static void Row(TextWriter writer, string prefix, string grid, double frequency, CircuitModel model)
    {
        Complex z = model.Circuit.Impedance(2 * Math.PI * frequency, model.Values.AsSpan());
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"{prefix},{grid},{frequency:R},{z.Real:R},{z.Imaginary:R}\n"));
    }
}
