using System.Globalization;
using Electrochem.Fitting;
using Electrochem.Impedance;

namespace Electrochem.Plotting.Impedance;

/// <summary>
/// Impedance figures: Nyquist (−Z″ vs Z′ on equal scales, data as points, a model as a line, one frequency per decade
/// labelled), Bode (|Z| and phase against frequency on a logarithmic axis) and relative residuals against frequency.
/// Frequencies in Hz, impedances in Ω, phase in degrees, residuals in % of |Z|.
/// </summary>
public static class ImpedanceFigures
{
    /// <summary>Points of a fitted model's curve per decade of frequency.</summary>
    internal const int CurvePointsPerDecade = 20;

    /// <summary>A Nyquist plot of the data with a circuit fit drawn as a smooth curve over the data's frequency range.</summary>
    /// <param name="data">The measured spectrum.</param>
    /// <param name="fit">The circuit fit of the data.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    public static Figure Nyquist(ImpedanceSpectrum data, FitResult<CircuitModel> fit, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Nyquist(data, Curve(data, fit.Model), fit.Model.Circuit.ToString(), style);
    }

    /// <summary>A Nyquist plot: −Z″ against Z′ on equal scales, the data as points, an optional model as a line.</summary>
    /// <param name="data">The measured spectrum.</param>
    /// <param name="model">A model's spectrum (a fit's curve, a DRT's reconstruction), or null.</param>
    /// <param name="modelLabel">The model's legend entry.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    public static Figure Nyquist(ImpedanceSpectrum data, ImpedanceSpectrum? model = null, string modelLabel = "model", FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        var points = plot.Add.ScatterPoints(data.Real.ToArray(), Negated(data.Imaginary));
        points.Color = style.Colour(0);
        points.MarkerSize = 6;
        points.LegendText = "data";
        if (model is not null)
        {
            var line = plot.Add.ScatterLine(model.Real.ToArray(), Negated(model.Imaginary));
            line.Color = style.Colour(5);
            line.LineWidth = 2;
            line.LegendText = modelLabel;
        }

        LabelDecades(plot, data, style);
        plot.XLabel("Z′ (Ω)");
        plot.YLabel("−Z″ (Ω)");
        plot.Axes.SquareUnits();
        plot.ShowLegend();
        return new Figure(plot, style);
    }

    /// <summary>A Bode plot of the data with a circuit fit's curve.</summary>
    /// <param name="data">The measured spectrum.</param>
    /// <param name="fit">The circuit fit of the data.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    public static Figure Bode(ImpedanceSpectrum data, FitResult<CircuitModel> fit, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Bode(data, Curve(data, fit.Model), fit.Model.Circuit.ToString(), style);
    }

    /// <summary>A Bode plot: |Z| (left, logarithmic) and the phase of Z (right, degrees) against log f; data as points, an optional model as lines.</summary>
    /// <param name="data">The measured spectrum.</param>
    /// <param name="model">A model's spectrum, or null.</param>
    /// <param name="modelLabel">The model's legend entry.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    public static Figure Bode(ImpedanceSpectrum data, ImpedanceSpectrum? model = null, string modelLabel = "model", FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        double[] logF = [.. data.Frequency.ToArray().Select(Math.Log10)];
        var magnitude = plot.Add.ScatterPoints(logF, Magnitudes(data));
        magnitude.Color = style.Colour(0);
        magnitude.MarkerSize = 6;
        magnitude.LegendText = "|Z|";
        var phase = plot.Add.ScatterPoints(logF, Phases(data));
        phase.Color = style.Colour(4);
        phase.MarkerShape = ScottPlot.MarkerShape.OpenCircle;
        phase.MarkerSize = 6;
        phase.LegendText = "phase";
        phase.Axes.YAxis = plot.Axes.Right;
        if (model is not null)
        {
            double[] logModel = [.. model.Frequency.ToArray().Select(Math.Log10)];
            var m = plot.Add.ScatterLine(logModel, Magnitudes(model));
            m.Color = style.Colour(5);
            m.LineWidth = 2;
            m.LegendText = $"{modelLabel}: |Z|";
            var p = plot.Add.ScatterLine(logModel, Phases(model));
            p.Color = style.Colour(5);
            p.LineWidth = 2;
            p.LinePattern = ScottPlot.LinePattern.Dashed;
            p.LegendText = $"{modelLabel}: phase";
            p.Axes.YAxis = plot.Axes.Right;
        }

        FigureBuilder.LogarithmicBottom(plot);
        FigureBuilder.LogarithmicLeft(plot);
        plot.XLabel("f (Hz)");
        plot.YLabel("|Z| (Ω)");
        plot.Axes.Right.Label.Text = "phase of Z (°)";
        plot.ShowLegend();
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    /// <summary>The relative residuals of a circuit fit, (Z − Ẑ)/|Z| in %, against frequency.</summary>
    /// <param name="data">The spectrum that was fitted.</param>
    /// <param name="fit">The circuit fit.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    public static Figure Residuals(ImpedanceSpectrum data, FitResult<CircuitModel> fit, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        ImpedanceSpectrum predicted = fit.Model.Predict(data.Frequency);
        double[] real = new double[data.Count];
        double[] imaginary = new double[data.Count];
        for (int i = 0; i < data.Count; i++)
        {
            double modulus = Math.Sqrt((data.Real[i] * data.Real[i]) + (data.Imaginary[i] * data.Imaginary[i]));
            real[i] = (data.Real[i] - predicted.Real[i]) / modulus;
            imaginary[i] = (data.Imaginary[i] - predicted.Imaginary[i]) / modulus;
        }

        return Residuals(data.Frequency, real, imaginary, $"fit of {fit.Model.Circuit}", style);
    }

    /// <summary>The relative residuals of a Lin-KK test against frequency.</summary>
    /// <param name="data">The spectrum that was tested.</param>
    /// <param name="test">The Lin-KK result.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    public static Figure Residuals(ImpedanceSpectrum data, LinearKramersKronigResult test, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(test);
        return Residuals(data.Frequency, test.ResidualsReal.AsSpan(), test.ResidualsImaginary.AsSpan(), string.Create(CultureInfo.InvariantCulture, $"Lin-KK, M = {test.ElementCount}"), style);
    }

    /// <summary>Relative residuals Δ′ and Δ″ (fractions of |Z|, drawn in %) against log f.</summary>
    /// <param name="frequencyHertz">The frequencies, Hz.</param>
    /// <param name="real">Δ′ at each frequency (a fraction, e.g. 0.01 for 1 %).</param>
    /// <param name="imaginary">Δ″ at each frequency.</param>
    /// <param name="title">What the residuals are of (shown as the title).</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The lengths differ or a frequency is not positive.</exception>
    public static Figure Residuals(ReadOnlySpan<double> frequencyHertz, ReadOnlySpan<double> real, ReadOnlySpan<double> imaginary, string title, FigureStyle? style = null)
    {
        if (real.Length != frequencyHertz.Length || imaginary.Length != frequencyHertz.Length)
        {
            throw new ArgumentException($"Residuals need one Δ′ and one Δ″ per frequency; got {frequencyHertz.Length} frequencies, {real.Length} Δ′ and {imaginary.Length} Δ″.", nameof(real));
        }

        foreach (double f in frequencyHertz)
        {
            if (!(f > 0) || !double.IsFinite(f))
            {
                throw new ArgumentException($"Frequencies must be finite and > 0 Hz for a logarithmic axis; found {f}.", nameof(frequencyHertz));
            }
        }

        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        double[] logF = [.. frequencyHertz.ToArray().Select(Math.Log10)];
        var re = plot.Add.Scatter(logF, [.. real.ToArray().Select(r => 100 * r)]);
        re.Color = style.Colour(2);
        re.MarkerSize = 6;
        re.LegendText = "Δ′";
        var im = plot.Add.Scatter(logF, [.. imaginary.ToArray().Select(r => 100 * r)]);
        im.Color = style.Colour(1);
        im.MarkerShape = ScottPlot.MarkerShape.FilledSquare;
        im.MarkerSize = 6;
        im.LegendText = "Δ″";
        plot.Add.HorizontalLine(0, 1, ScottPlot.Colors.Gray);
        FigureBuilder.LogarithmicBottom(plot);
        plot.XLabel("f (Hz)");
        plot.YLabel("residual (% of |Z|)");
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = style.FontSize + 2;
        plot.Axes.Title.Label.Bold = false;
        plot.ShowLegend();
        return new Figure(plot, style);
    }

    /// <summary>A circuit model's spectrum on a grid of 20 points per decade spanning the data's range.</summary>
    internal static ImpedanceSpectrum Curve(ImpedanceSpectrum data, CircuitModel model)
    {
        ArgumentNullException.ThrowIfNull(data);
        double low = data.MinimumFrequency;
        double high = data.MaximumFrequency;
        int intervals = Math.Max(1, (int)Math.Ceiling(Math.Log10(high / low) * CurvePointsPerDecade));
        double[] grid = [.. Enumerable.Range(0, intervals + 1).Select(i => low * Math.Pow(high / low, (double)i / intervals))];
        return model.Predict(grid);
    }

    /// <summary>Labels the data point nearest each whole decade of frequency (1 Hz, 10 Hz, …), skipping a label that would sit within 6 % of the plot's span of one already placed.</summary>
    private static void LabelDecades(ScottPlot.Plot plot, ImpedanceSpectrum data, FigureStyle style)
    {
        double span = Math.Max(data.Real.ToArray().Max() - data.Real.ToArray().Min(), data.Imaginary.ToArray().Max() - data.Imaginary.ToArray().Min());
        var placed = new List<(double X, double Y)>();
        int first = (int)Math.Ceiling(Math.Log10(data.MinimumFrequency) - 1e-9);
        int last = (int)Math.Floor(Math.Log10(data.MaximumFrequency) + 1e-9);
        for (int decade = last; decade >= first; decade--)
        {
            int nearest = 0;
            for (int i = 1; i < data.Count; i++)
            {
                if (Math.Abs(Math.Log10(data.Frequency[i]) - decade) < Math.Abs(Math.Log10(data.Frequency[nearest]) - decade))
                {
                    nearest = i;
                }
            }

            (double x, double y) = (data.Real[nearest], -data.Imaginary[nearest]);
            if (Math.Abs(Math.Log10(data.Frequency[nearest]) - decade) > 0.15 || placed.Any(p => Math.Sqrt(((p.X - x) * (p.X - x)) + ((p.Y - y) * (p.Y - y))) < 0.06 * span))
            {
                continue;
            }

            placed.Add((x, y));
            var label = plot.Add.Text(Hertz(decade), data.Real[nearest], -data.Imaginary[nearest]);
            label.LabelFontSize = style.FontSize - 2;
            label.LabelFontColor = ScottPlot.Color.FromHex("#555555");
            label.LabelAlignment = ScottPlot.Alignment.LowerLeft;
            label.OffsetX = 4;
            label.OffsetY = -4;
        }
    }

    /// <summary>10^decade Hz as "1 mHz", "10 Hz", "100 kHz", ….</summary>
    internal static string Hertz(int decade)
    {
        (string prefix, int power) = decade switch
        {
            < -3 => ("µ", -6),
            < 0 => ("m", -3),
            < 3 => (string.Empty, 0),
            < 6 => ("k", 3),
            < 9 => ("M", 6),
            _ => ("G", 9),
        };
        double value = Math.Pow(10, decade - power);
        return string.Create(CultureInfo.InvariantCulture, $"{value:0.###} {prefix}Hz");
    }

    private static double[] Negated(ReadOnlySpan<double> values) => [.. values.ToArray().Select(v => -v)];

    private static double[] Magnitudes(ImpedanceSpectrum spectrum) =>
        [.. Enumerable.Range(0, spectrum.Count).Select(i => Math.Log10(Math.Sqrt((spectrum.Real[i] * spectrum.Real[i]) + (spectrum.Imaginary[i] * spectrum.Imaginary[i]))))];

    private static double[] Phases(ImpedanceSpectrum spectrum) =>
        [.. Enumerable.Range(0, spectrum.Count).Select(i => Math.Atan2(spectrum.Imaginary[i], spectrum.Real[i]) * 180 / Math.PI)];
}
