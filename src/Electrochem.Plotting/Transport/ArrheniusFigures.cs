using System.Globalization;
using Electrochem.Fitting;
using Electrochem.Transport;

namespace Electrochem.Plotting.Transport;

/// <summary>
/// Conductivity against temperature: the Arrhenius plot, σ (or σ·T in that form) on a logarithmic axis against
/// 1000/T in K⁻¹, with T in °C along the top. The data as points, a fit as a line over the measured range with its
/// confidence band (the fit's own interval of the mean, from its covariance by the delta method — see
/// <see cref="ArrheniusFitResults.Predict"/>), and Eₐ in eV and kJ/mol in the legend. σ keeps the unit it was fitted in,
/// which the caller names.
/// </summary>
public static class ArrheniusFigures
{
    /// <summary>Points of a model's curve across the measured range of 1000/T.</summary>
    internal const int CurvePoints = 120;

    /// <summary>One material's data and Arrhenius fit.</summary>
    /// <param name="temperatureKelvin">T in K, each &gt; 0.</param>
    /// <param name="conductivity">σ at each T, each &gt; 0, in <paramref name="conductivityUnit"/>.</param>
    /// <param name="fit">The Arrhenius fit of these data (either form; σ·T is plotted for the σT form).</param>
    /// <param name="conductivityUnit">The unit σ was measured and fitted in, e.g. <c>S/cm</c> or <c>mS/cm</c>.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or are empty, a value is not positive and finite, or the unit is blank.</exception>
    public static Figure Arrhenius(ReadOnlySpan<double> temperatureKelvin, ReadOnlySpan<double> conductivity, FitResult<Arrhenius> fit, string conductivityUnit, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return Arrhenius([(string.Empty, temperatureKelvin.ToArray(), conductivity.ToArray(), fit)], conductivityUnit, style);
    }

    /// <summary>
    /// Several materials on one Arrhenius plot, each in its own colour and marker with its fit line and band, and one
    /// legend entry per material with its Eₐ. Every fit must be of the same form (σ or σ·T), and σ of every material in
    /// the same unit.
    /// </summary>
    /// <param name="materials">Each material's legend label, T in K, σ and Arrhenius fit (one material without a label is drawn as the single-material overload draws it).</param>
    /// <param name="conductivityUnit">The unit of σ, e.g. <c>S/cm</c>.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">No material, the fits mix the two forms, a material's data are unpaired or not positive, or the unit is blank.</exception>
    public static Figure Arrhenius(IReadOnlyList<(string Label, double[] TemperatureKelvin, double[] Conductivity, FitResult<Arrhenius> Fit)> materials, string conductivityUnit, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(materials);
        ArgumentException.ThrowIfNullOrWhiteSpace(conductivityUnit);
        if (materials.Count == 0)
        {
            throw new ArgumentException("An Arrhenius plot needs at least one material.", nameof(materials));
        }

        ArrheniusForm form = materials[0].Fit?.Model.Form ?? throw new ArgumentException("Material 1 has no fit.", nameof(materials));
        if (materials.Any(m => m.Fit is null || m.Fit.Model.Form != form))
        {
            throw new ArgumentException("Every material's fit must be of the same form (σ or σ·T): one plot has one y axis.", nameof(materials));
        }

        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        bool single = materials.Count == 1 && string.IsNullOrEmpty(materials[0].Label);
        var temperatures = new List<double>();
        var lines = new List<Action>();
        for (int m = 0; m < materials.Count; m++)
        {
            (string label, double[] t, double[] sigma, FitResult<Arrhenius> fit) = materials[m];
            Check(t, sigma);
            temperatures.AddRange(t);
            ScottPlot.Color colour = style.Colour(single ? 0 : m);
            ScottPlot.Color lineColour = single ? style.Colour(5) : colour;
            (double[] x, double[] lower, double[] upper, double[] value) = ArrheniusCurve(t, fit);
            FigureBuilder.Band(plot, x, lower, upper, lineColour, m == 0 ? $"{FigureText.Percent(fit.ConfidenceLevel)} confidence band{(single ? string.Empty : "s")}" : string.Empty);
            FigureBuilder.Points(plot, InverseTemperature(t), LogResponse(t, sigma, form), colour, single ? "data" : label + ": " + ActivationEnergy(fit), Marker(m));
            lines.Add(() => FigureBuilder.Line(plot, x, value, lineColour, single ? "Arrhenius fit: " + ActivationEnergy(fit) : string.Empty));
        }

        lines.ForEach(draw => draw());
        Finish(plot, style, temperatures, form == ArrheniusForm.ConductivityTimesTemperature ? $"σ·T (K·{conductivityUnit})" : $"σ ({conductivityUnit})");
        return new Figure(plot, style);
    }

    /// <summary>
    /// The Arrhenius and VTF fits of a model comparison over the same data: Arrhenius (σ form) as a solid line with its
    /// band, VTF as a dashed curve with its band, each with its energy (and T₀) and Akaike weight, and ΔAICc as the title.
    /// </summary>
    /// <param name="temperatureKelvin">T in K, each &gt; 0.</param>
    /// <param name="conductivity">σ at each T, each &gt; 0.</param>
    /// <param name="comparison">The comparison of these data.</param>
    /// <param name="conductivityUnit">The unit of σ, e.g. <c>S/cm</c>.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or are empty, a value is not positive and finite, or the unit is blank.</exception>
    public static Figure Arrhenius(ReadOnlySpan<double> temperatureKelvin, ReadOnlySpan<double> conductivity, ConductivityModelComparison comparison, string conductivityUnit, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentException.ThrowIfNullOrWhiteSpace(conductivityUnit);
        double[] t = temperatureKelvin.ToArray();
        double[] sigma = conductivity.ToArray();
        Check(t, sigma);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        (double[] x, double[] lower, double[] upper, double[] arrhenius) = ArrheniusCurve(t, comparison.Arrhenius);
        FigureBuilder.Band(plot, x, lower, upper, style.Colour(5), $"{FigureText.Percent(comparison.Arrhenius.ConfidenceLevel)} confidence bands");
        (double[] vtfLower, double[] vtfUpper, double[] vtf) = VtfCurve(x, comparison.Vtf);
        FigureBuilder.Band(plot, x, vtfLower, vtfUpper, style.Colour(4), string.Empty);
        FigureBuilder.Points(plot, InverseTemperature(t), LogResponse(t, sigma, ArrheniusForm.Conductivity), style.Colour(0), "data");
        FigureBuilder.Line(plot, x, arrhenius, style.Colour(5), string.Create(CultureInfo.InvariantCulture, $"Arrhenius (Akaike weight {comparison.ArrheniusAkaikeWeight:0.00})\n{ActivationEnergy(comparison.Arrhenius)}"));
        FigureBuilder.Line(plot, x, vtf, style.Colour(4), string.Create(CultureInfo.InvariantCulture, $"VTF (Akaike weight {comparison.VtfAkaikeWeight:0.00})\n{VtfParameters(comparison.Vtf)}"), 2, ScottPlot.LinePattern.Dashed);
        FigureBuilder.Title(plot, style, $"ΔAICc (VTF − Arrhenius) = {FigureText.Number(comparison.DeltaAicc, 3)}: {comparison.PreferredModel} preferred");
        Finish(plot, style, t, $"σ ({conductivityUnit})");
        return new Figure(plot, style);
    }

    /// <summary>A VTF fit over its data on Arrhenius axes (log σ against 1000/T), with its confidence band, B (and k_B·B in eV) and T₀ in the legend.</summary>
    /// <param name="temperatureKelvin">T in K, each &gt; 0.</param>
    /// <param name="conductivity">σ at each T, each &gt; 0.</param>
    /// <param name="fit">The VTF fit of these data.</param>
    /// <param name="conductivityUnit">The unit of σ, e.g. <c>S/cm</c>.</param>
    /// <param name="style">The style; null for <see cref="FigureStyle.Default"/>.</param>
    /// <returns>The figure.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or are empty, a value is not positive and finite, or the unit is blank.</exception>
    public static Figure Vtf(ReadOnlySpan<double> temperatureKelvin, ReadOnlySpan<double> conductivity, FitResult<VogelTammannFulcher> fit, string conductivityUnit, FigureStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentException.ThrowIfNullOrWhiteSpace(conductivityUnit);
        double[] t = temperatureKelvin.ToArray();
        double[] sigma = conductivity.ToArray();
        Check(t, sigma);
        style ??= FigureStyle.Default;
        ScottPlot.Plot plot = FigureBuilder.Create(style);
        double[] x = FigureBuilder.Grid(1000 / t.Max(), 1000 / t.Min(), CurvePoints);
        (double[] lower, double[] upper, double[] value) = VtfCurve(x, fit);
        FigureBuilder.Band(plot, x, lower, upper, style.Colour(4), $"{FigureText.Percent(fit.ConfidenceLevel)} confidence band");
        FigureBuilder.Points(plot, InverseTemperature(t), LogResponse(t, sigma, ArrheniusForm.Conductivity), style.Colour(0), "data");
        FigureBuilder.Line(plot, x, value, style.Colour(4), VtfLabel(fit), 2, ScottPlot.LinePattern.Dashed);
        Finish(plot, style, t, $"σ ({conductivityUnit})");
        return new Figure(plot, style);
    }

    /// <summary>"VTF: B = … K (… eV), T₀ = … K".</summary>
    private static string VtfLabel(FitResult<VogelTammannFulcher> fit) => "VTF: " + VtfParameters(fit);

    /// <summary>"B = … K (… eV), T₀ = … K": the pseudo-activation temperature with its energy k_B·B, and T₀.</summary>
    private static string VtfParameters(FitResult<VogelTammannFulcher> fit) =>
        $"B = {FigureText.Estimate(fit[VogelTammannFulcher.PseudoActivationTemperatureName], "K")} ({FigureText.Estimate(fit.PseudoActivationEnergyElectronVolts(), "eV")}), T₀ = {FigureText.Estimate(fit[VogelTammannFulcher.IdealGlassTransitionTemperatureName], "K")}";

    /// <summary>The VTF fit's log₁₀ σ and band at each 1000/T of the grid.</summary>
    private static (double[] Lower, double[] Upper, double[] Value) VtfCurve(double[] x, FitResult<VogelTammannFulcher> fit)
    {
        var lower = new double[x.Length];
        var upper = new double[x.Length];
        var value = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            Prediction p = fit.Predict(1000 / x[i]);
            (value[i], lower[i], upper[i]) = (Math.Log10(p.Value), Math.Log10(p.ConfidenceLower), Math.Log10(p.ConfidenceUpper));
        }

        return (lower, upper, value);
    }

    /// <summary>Eₐ as "0.452 ± 0.010 eV (43.6 ± 1.0 kJ/mol)".</summary>
    private static string ActivationEnergy(FitResult<Arrhenius> fit) =>
        $"Eₐ = {FigureText.Estimate(fit.ActivationEnergyElectronVolts(), "eV")} ({FigureText.Estimate(fit.ActivationEnergyKilojoulesPerMole(), "kJ/mol")})";

    /// <summary>The Arrhenius fit on a grid over the measured 1000/T range: x, and log₁₀ of the band's ends and of the value (σ·T in that form).</summary>
    private static (double[] X, double[] Lower, double[] Upper, double[] Value) ArrheniusCurve(double[] t, FitResult<Arrhenius> fit)
    {
        double[] x = FigureBuilder.Grid(1000 / t.Max(), 1000 / t.Min(), CurvePoints);
        var lower = new double[x.Length];
        var upper = new double[x.Length];
        var value = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double kelvin = 1000 / x[i];
            Prediction p = fit.Predict(kelvin);
            double factor = fit.Model.Form == ArrheniusForm.ConductivityTimesTemperature ? kelvin : 1;
            (value[i], lower[i], upper[i]) = (Math.Log10(p.Value * factor), Math.Log10(p.ConfidenceLower * factor), Math.Log10(p.ConfidenceUpper * factor));
        }

        return (x, lower, upper, value);
    }

    /// <summary>Axis titles, the logarithmic σ axis, °C along the top, limits with a margin, the legend where it hides no data (last: it lays the figure out).</summary>
    private static void Finish(ScottPlot.Plot plot, FigureStyle style, IReadOnlyCollection<double> temperatures, string yLabel)
    {
        FigureBuilder.LogarithmicLeft(plot);
        plot.XLabel("1000/T (K⁻¹)");
        plot.YLabel(yLabel);
        double left = 1000 / temperatures.Max();
        double right = 1000 / temperatures.Min();
        double margin = 0.05 * Math.Max(right - left, 0.01);
        (left, right) = (left - margin, right + margin);
        plot.Axes.SetLimitsX(left, right);
        plot.Axes.SetLimitsX(left, right, plot.Axes.Top);
        plot.Axes.Top.TickGenerator = CelsiusTicks(left, right);
        plot.Axes.Top.TickLabelStyle.FontSize = style.FontSize;
        plot.Axes.Top.Label.Text = "T (°C)";
        plot.Axes.Top.Label.FontSize = style.FontSize + 2;
        plot.Axes.Top.Label.Bold = false;
        plot.Axes.Top.Label.OffsetY = 18;
        LegendPlacement.Place(plot, style);
    }

    /// <summary>Round temperatures in °C placed at their 1000/T, about five across the range.</summary>
    private static ScottPlot.TickGenerators.NumericManual CelsiusTicks(double left, double right)
    {
        const double zero = 273.15;
        double hot = (1000 / left) - zero;
        double cold = (1000 / right) - zero;
        double step = new[] { 1.0, 2, 5, 10, 20, 25, 50, 100, 200, 500 }.FirstOrDefault(s => (hot - cold) / s <= 7, 1000);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (double celsius = Math.Ceiling(cold / step) * step; celsius <= hot; celsius += step)
        {
            double rounded = Math.Round(celsius, 6);
            ticks.AddMajor(1000 / (celsius + zero), rounded == 0 ? "0" : rounded.ToString("0.#", CultureInfo.InvariantCulture).Replace('-', '−'));
        }

        return ticks;
    }

    private static double[] InverseTemperature(double[] t) => [.. t.Select(k => 1000 / k)];

    private static double[] LogResponse(double[] t, double[] sigma, ArrheniusForm form) =>
        [.. t.Zip(sigma, (k, s) => Math.Log10(form == ArrheniusForm.ConductivityTimesTemperature ? s * k : s))];

    private static ScottPlot.MarkerShape Marker(int index) => (index % 4) switch
    {
        0 => ScottPlot.MarkerShape.FilledCircle,
        1 => ScottPlot.MarkerShape.FilledSquare,
        2 => ScottPlot.MarkerShape.FilledTriangleUp,
        _ => ScottPlot.MarkerShape.FilledDiamond,
    };

    private static void Check(double[] temperatureKelvin, double[] conductivity)
    {
        ArgumentNullException.ThrowIfNull(temperatureKelvin);
        ArgumentNullException.ThrowIfNull(conductivity);
        FigureBuilder.CheckPairs(temperatureKelvin.Length, conductivity.Length, nameof(temperatureKelvin), nameof(conductivity));
        for (int i = 0; i < temperatureKelvin.Length; i++)
        {
            if (!(temperatureKelvin[i] > 0) || !double.IsFinite(temperatureKelvin[i]) || !(conductivity[i] > 0) || !double.IsFinite(conductivity[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Point {i + 1} has T = {temperatureKelvin[i]} K and σ = {conductivity[i]}; an Arrhenius plot needs finite T > 0 K and σ > 0 (a logarithmic axis)."),
                    nameof(conductivity));
            }
        }
    }
}
