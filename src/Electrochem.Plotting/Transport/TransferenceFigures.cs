using Electrochem.Fitting;
using Electrochem.Transport;

namespace Electrochem.Plotting.Transport;

/// <summary>
/// The Bruce–Vincent polarisation: the current of a symmetric cell against time at constant ΔV, with what the analysis
/// took from it — the exponential fit of the decay and its extrapolation back to the step, I₀ (each estimate the result
/// holds, the one used filled), the steady-state window shaded and I_ss — and t₊ as the title. Currents are drawn in
/// A, mA, µA or nA and times in s, min or h, whichever reads best.
/// </summary>
public static class TransferenceFigures
{
    /// <summary>Points of the exponential fit's curve.</summary>
    internal const int CurvePoints = 200;

    /// <summary>I against t with I₀, the fit, the steady-state window and I_ss of a Bruce–Vincent analysis.</summary>
    /// <param name="result">The analysis of this trace.</param>
    /// <param name="timeSeconds">t in s, as analysed.</param>
    /// <param name="current">I in A at each time, as analysed (magnitudes).</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, hold fewer than 2 points, or a value is not finite.</exception>
    public static Figure Chronoamperometry(BruceVincentResult result, ReadOnlySpan<double> timeSeconds, ReadOnlySpan<double> current, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        FigureBuilder.CheckPairs(timeSeconds.Length, current.Length, nameof(timeSeconds), nameof(current), 2);
        double[] t = timeSeconds.ToArray();
        double[] i = current.ToArray();
        if (t.Any(v => !double.IsFinite(v)) || i.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every time and current must be finite to be drawn.", nameof(current));
        }

        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        CurrentRelaxation model = result.RelaxationFit.Model;
        double step = double.IsFinite(model.StepTimeSeconds) ? Math.Min(model.StepTimeSeconds, t[0]) : t[0];
        UnitScale time = UnitScale.Time(t[^1] - step);
        UnitScale amperes = UnitScale.Current(Math.Max(i.Max(Math.Abs), Math.Abs(result.InitialCurrent.Value)));
        double X(double seconds) => (seconds - step) * time.Factor;

        var window = plot.Add.HorizontalSpan(X(result.PlateauWindow.StartSeconds), X(result.PlateauWindow.EndSeconds), style.Colour(2).WithAlpha(0.2));
        window.LineColor = ScottPlot.Colors.Transparent;
        window.LegendText = $"steady-state window ({result.PlateauWindow.PointCount} points)";
        FigureBuilder.Line(plot, [.. t.Select(X)], [.. i.Select(v => v * amperes.Factor)], style.Colour(0), "measured", 1.5f);

        if (result.RelaxationFit.Converged && double.IsFinite(model.TimeConstantSeconds) && model.TimeConstantSeconds > 0)
        {
            double[] fitted = FigureBuilder.Grid(result.FitWindow.StartSeconds, result.FitWindow.EndSeconds, CurvePoints);
            ParameterEstimate constant = result.RelaxationFit[CurrentRelaxation.TimeConstantName];
            string tau = FigureText.WithUncertainty(constant.Value * time.Factor, constant.StandardError * time.Factor) + " " + time.Unit;
            FigureBuilder.Line(plot, [.. fitted.Select(X)], [.. fitted.Select(s => model.Evaluate(s) * amperes.Factor)], style.Colour(5), $"exponential fit, τ = {tau}", 2);
            if (result.FitWindow.StartSeconds > step)
            {
                double[] back = FigureBuilder.Grid(step, result.FitWindow.StartSeconds, CurvePoints / 4);
                FigureBuilder.Line(plot, [.. back.Select(X)], [.. back.Select(s => model.Evaluate(s) * amperes.Factor)], style.Colour(5), string.Empty, 1.5f, ScottPlot.LinePattern.Dashed);
            }
        }

        bool ohmsLawUsed = result.InitialCurrentMethod == InitialCurrentMethod.OhmsLaw;
        InitialCurrent(plot, style, amperes, X(step), result.InitialCurrentOhmsLaw, "Ohm's law", ohmsLawUsed);
        InitialCurrent(plot, style, amperes, X(step), result.InitialCurrentExtrapolated, "extrapolated", !ohmsLawUsed);

        var steady = plot.Add.HorizontalLine(result.SteadyStateCurrent.Value * amperes.Factor, 1.5f, style.Colour(4), ScottPlot.LinePattern.Dashed);
        steady.LegendText = $"I_ss = {Current(result.SteadyStateCurrent, amperes)} ({(result.SteadyStateCurrentMethod == SteadyStateCurrentMethod.Plateau ? "plateau mean" : "fit asymptote")})";

        plot.XLabel($"t − t₀ ({time.Unit})");
        plot.YLabel($"I ({amperes.Unit})");
        FigureBuilder.Title(plot, style, $"t₊ = {FigureText.WithUncertainty(result.TransferenceNumber.Value, result.TransferenceNumber.StandardUncertainty)} (Bruce–Vincent), I_ss/I₀ = {FigureText.Number(result.CurrentRatio.Value, 3)}");
        LegendPlacement.Place(plot, style);
        return new Figure(plot, style);
    }

    /// <summary>An I₀ estimate at the step: filled when it is the one used, open otherwise; nothing when it is NaN.</summary>
    private static void InitialCurrent(ScottPlot.Plot plot, FigureStyle style, UnitScale amperes, double x, Measurement estimate, string method, bool used)
    {
        if (!double.IsFinite(estimate.Value))
        {
            return;
        }

        var marker = plot.Add.Marker(x, estimate.Value * amperes.Factor, used ? ScottPlot.MarkerShape.FilledDiamond : ScottPlot.MarkerShape.OpenDiamond, 12, style.Colour(1));
        marker.LegendText = $"I₀ = {Current(estimate, amperes)} ({method}{(used ? ", used" : string.Empty)})";
    }

    private static string Current(Measurement value, UnitScale amperes) =>
        FigureText.WithUncertainty(value.Value * amperes.Factor, value.StandardUncertainty * amperes.Factor) + " " + amperes.Unit;
}
