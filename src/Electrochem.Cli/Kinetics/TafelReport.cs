using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Cli.Formatting;
using Electrochem.Fitting;
using Electrochem.Kinetics;

namespace Electrochem.Cli.Kinetics;

/// <summary>A Tafel analysis of a polarisation curve (<c>electrochem kinetics tafel</c>), as text or as one JSON document.</summary>
internal static class TafelReport
{
    /// <summary>The equation fitted on each branch.</summary>
    internal const string Equation = "log10|i| = log10 i0 + V/b on each branch far from equilibrium (b = Tafel slope)";

    /// <summary>Runs the core's Tafel analysis for the request's geometry (with E − E_eq when --e-eq was given).</summary>
    internal static TafelResult Analyze(PolarizationCurve curve, KineticsRequest request, VoltageRange? anodicRegion, VoltageRange? cathodicRegion)
    {
        TafelOptions options = TafelOptions.Default with { AnodicRegion = anodicRegion, CathodicRegion = cathodicRegion };
        ReadOnlySpan<double> voltage = curve.Voltage.AsSpan();
        ReadOnlySpan<double> current = curve.Current.AsSpan();
        int n = request.ElectronCount;
        double t = request.TemperatureKelvin;
        return request.Geometry == PolarizationGeometry.SymmetricCell
            ? TafelAnalysis.AnalyzeSymmetricCell(voltage, current, n, t, options)
            : curve.EquilibriumPotential is { } e
                ? TafelAnalysis.AnalyzeElectrodePotential(voltage, e, current, n, t, options)
                : TafelAnalysis.AnalyzeElectrode(voltage, current, n, t, options);
    }

    /// <summary>The name of a branch's transfer coefficient for the geometry.</summary>
    internal static string TransferCoefficientLabel(PolarizationGeometry geometry, TafelBranch branch) => geometry == PolarizationGeometry.SymmetricCell
        ? "α (harmonic mean of α_a, α_c)"
        : branch == TafelBranch.Anodic ? "α_a" : "α_c";

    /// <summary>A branch's region in words.</summary>
    internal static string RegionText(TafelBranchFit branch, string symbol) =>
        $"|{symbol}| = {Numbers.Significant(branch.Region.MinimumMagnitude)}–{Numbers.Significant(branch.Region.MaximumMagnitude)} V, {branch.Voltage.Length} points, " +
        (branch.RegionSelectedAutomatically
            ? string.Create(CultureInfo.InvariantCulture, $"selected automatically (best adjusted R² = {Numbers.Significant(branch.AdjustedRSquared, 6)} of {branch.CandidateWindowCount} candidate windows)")
            : "given by hand");

    /// <summary>The report as text.</summary>
    internal static string Text(PolarizationCurve curve, KineticsRequest request, TafelResult result)
    {
        var text = new StringBuilder();
        string symbol = request.Geometry == PolarizationGeometry.SymmetricCell ? "η_cell" : "η";
        text.Append($"Tafel analysis: {Equation}\n");
        curve.AppendText(text, request);
        text.Append($"\nRegions (an automatic region starts at |{symbol}| ≥ {Numbers.Significant(result.RegionStartThreshold)} V; {result.ExcludedPointCount} point(s) excluded: V = 0, i = 0 or wrong sign)\n");
        foreach ((string name, TafelBranchFit? branch) in Branches(result))
        {
            text.Append($"  {name,-8}  {(branch is null ? "no region found (see warnings)" : RegionText(branch, symbol))}\n");
        }

        text.Append('\n');
        string unit = curve.Unit.Symbol;
        var table = new TextTable("Quantity", "Value ± SE", Numbers.Percent(TafelOptions.Default.ConfidenceLevel) + " CI", "Unit");
        void Row(string name, ParameterEstimate p, string u) =>
            table.Add(name, Numbers.WithUncertainty(p.Value, p.StandardError), Numbers.IntervalLike(p.Value, p.StandardError, p.ConfidenceLower, p.ConfidenceUpper), u);
        foreach ((string name, TafelBranchFit? branch) in Branches(result))
        {
            if (branch is not null)
            {
                Row($"Tafel slope b, {name}", branch.TafelSlope.Scaled(1000, branch.TafelSlope.Name, "mV/decade"), "mV/decade");
                Row($"{TransferCoefficientLabel(request.Geometry, branch.Branch)}, {name}", branch.TransferCoefficient, string.Empty);
                Row($"i₀, {name}", branch.ExchangeCurrentDensity, unit);
            }
        }

        Row("i₀, combined", result.CombinedExchangeCurrentDensity, unit);
        table.AppendTo(text);
        text.Append($"Combined i₀: {result.CombinationMethod}\n");
        if (double.IsFinite(result.LineIntersectionVoltage))
        {
            text.Append($"Tafel lines cross at {symbol} = {Numbers.Significant(result.LineIntersectionVoltage)} V (near 0 when E_eq and the iR correction are right)\n");
        }

        text.Append(WarningsText(result));
        text.Append("\nBranch line fits (TafelResult.ToTable):\n").Append(result.ToTable().ReplaceLineEndings("\n"));
        return text.ToString();
    }

    /// <summary>The warnings as lines, or <c>Warnings: none</c>.</summary>
    internal static string WarningsText(TafelResult result) => result.Warnings.IsEmpty
        ? "Warnings: none\n"
        : "Warnings:\n" + string.Concat(result.Warnings.Select(w => $"  [{w.Kind}] {w.Message}\n"));

    /// <summary>The report as one JSON document.</summary>
    internal static string Json(PolarizationCurve curve, KineticsRequest request, TafelResult result) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("command", "kinetics tafel");
        json.WriteString("equation", Equation);
        curve.WriteJson(json, request);
        json.WriteStartObject("units");
        json.WriteString("voltage", "V");
        json.WriteString("tafelSlope", "mV/decade");
        json.WriteString("exchangeCurrentDensity", curve.Unit.Symbol);
        json.WriteEndObject();
        JsonOutput.Number(json, "regionStartThresholdVolts", result.RegionStartThreshold);
        foreach ((string name, TafelBranchFit? branch) in Branches(result))
        {
            WriteBranch(json, name, branch, curve.Unit.Symbol);
        }

        JsonOutput.Estimate(json, "exchangeCurrentDensity", result.CombinedExchangeCurrentDensity, curve.Unit.Symbol);
        json.WriteString("combinationMethod", result.CombinationMethod);
        JsonOutput.Number(json, "lineIntersectionVoltage", result.LineIntersectionVoltage);
        WriteWarnings(json, result);
        json.WritePropertyName("tafel");
        json.WriteRawValue(result.ToJson(indented: false));
        json.WriteEndObject();
    });

    /// <summary>The warnings as the JSON array <c>warnings</c>.</summary>
    internal static void WriteWarnings(Utf8JsonWriter json, TafelResult result)
    {
        json.WriteStartArray("warnings");
        foreach (KineticsWarning warning in result.Warnings)
        {
            json.WriteStartObject();
            json.WriteString("kind", warning.Kind.ToString());
            json.WriteString("message", warning.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static (string Name, TafelBranchFit? Branch)[] Branches(TafelResult result) => [("anodic", result.Anodic), ("cathodic", result.Cathodic)];

    private static void WriteBranch(Utf8JsonWriter json, string name, TafelBranchFit? branch, string unit)
    {
        if (branch is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteStartObject("region");
        JsonOutput.Number(json, "minimumMagnitudeVolts", branch.Region.MinimumMagnitude);
        JsonOutput.Number(json, "maximumMagnitudeVolts", branch.Region.MaximumMagnitude);
        json.WriteNumber("points", branch.Voltage.Length);
        json.WriteBoolean("selectedAutomatically", branch.RegionSelectedAutomatically);
        JsonOutput.Number(json, "adjustedRSquared", branch.AdjustedRSquared);
        json.WriteEndObject();
        JsonOutput.Estimate(json, "tafelSlope", branch.TafelSlope.Scaled(1000, branch.TafelSlope.Name, "mV/decade"), "mV/decade");
        JsonOutput.Estimate(json, "transferCoefficient", branch.TransferCoefficient, string.Empty);
        JsonOutput.Estimate(json, "exchangeCurrentDensity", branch.ExchangeCurrentDensity, unit);
        json.WriteEndObject();
    }
}
