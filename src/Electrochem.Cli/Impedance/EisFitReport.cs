using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;

namespace Electrochem.Cli.Impedance;

/// <summary>The report of <c>electrochem eis fit</c>: an equivalent-circuit fit, as text or one JSON document.</summary>
internal static class EisFitReport
{
    /// <summary>
    /// The report as text (<paramref name="spectrum"/> is the part of <paramref name="selected"/> (the sweep after --fmin/--fmax) that was fitted): the spectrum, circuit, weighting and global option; the fit table
    /// (<see cref="FitResult.ToTable"/>); where each start came from; identifiability warnings; and a residual summary.
    /// </summary>
    internal static string Text(SelectedSpectrum selected, ImpedanceSpectrum spectrum, CircuitFitOptions options, FitResult<CircuitModel> fit, ImmutableArray<double> automaticStart)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        int available = selected.Spectrum.Count;
        string dropped = spectrum.Count == available ? string.Empty : string.Create(invariant, $" of {available}, {available - spectrum.Count} inductive (Z″ > 0) dropped");
        string cropped = selected.CroppedCount == 0 ? string.Empty : string.Create(invariant, $"; {selected.CroppedCount} of the sweep's {selected.Sweep.Spectrum.Count} points outside --fmin/--fmax");
        text.Append(invariant, $"Equivalent-circuit fit of {selected.Label} ({selected.Data.FormatName}, {spectrum.Count} points{dropped}{cropped}, {Numbers.Significant(spectrum.MinimumFrequency, 4)}–{Numbers.Significant(spectrum.MaximumFrequency, 4)} Hz)\n");
        text.Append(invariant, $"Circuit: {fit.Model.Circuit}\n");
        text.Append(invariant, $"Weighting: {options.Weighting} ({Describe(options.Weighting)}); {Numbers.Percent(options.ConfidenceLevel)} confidence intervals\n");
        text.Append(options.GlobalStarts > 0
            ? string.Create(invariant, $"Global option: the ordinary start and {options.GlobalStarts} random starts (seed {options.Seed}); the lowest χ² is reported\n")
            : "Global option: off (a local fit from the start below; from the second automatic start too if that fit does not converge)\n");
        text.Append('\n').Append(fit.ToTable());
        text.Append("What they are: ").AppendJoin("; ", fit.Model.Circuit.Parameters.Select(p => $"{p.Name} = {p.Definition.Symbol}, {p.Definition.Description}")).Append("\n\n");

        ImmutableArray<CircuitFitStart> starts = CircuitFitStart.Of(fit, options, automaticStart);
        bool otherWon = starts.Any(s => s.FromOtherStart);
        string winner = options.GlobalStarts > 0
            ? "a random start of the global option, or the second automatic start (each arc read at its apex), won"
            : "the fit from the automatic start did not converge, and the second automatic start (each arc read at its apex) reached a lower χ²";
        text.Append(otherWon ? $"Start ({winner}; its values are in the last column):\n" : "Start:\n");
        var table = otherWon ? new TextTable("Parameter", "Start", "From", "Winning start", "Unit") : new TextTable("Parameter", "Start", "From", "Unit");
        foreach (CircuitFitStart start in starts)
        {
            if (otherWon)
            {
                table.Add(start.Name, Numbers.Significant(start.OrdinaryStart, 4), start.Source, Numbers.Significant(start.WinningStart, 4), start.Unit);
            }
            else
            {
                table.Add(start.Name, Numbers.Significant(start.OrdinaryStart, 4), start.Source, start.Unit);
            }
        }

        table.AppendTo(text);
        ImmutableArray<IdentifiabilityWarning> warnings = fit.IdentifiabilityWarnings();
        text.Append('\n').Append(warnings.IsEmpty
            ? "Identifiability: every free parameter is determined (relative SE ≤ 100 %, |ρ| ≤ 0.99).\n"
            : "Identifiability warnings (the spectrum does not pin these down):\n");
        foreach (IdentifiabilityWarning warning in warnings)
        {
            text.Append(invariant, $"  {warning.Parameter}: {warning.Reason}\n");
        }

        CircuitFitResiduals residuals = CircuitFitResiduals.Of(fit.Model, spectrum);
        text.Append(invariant, $"Residuals (Z − Ẑ)/|Z|: RMS {Numbers.Significant(residuals.RootMeanSquareReal, 3)} (real), {Numbers.Significant(residuals.RootMeanSquareImaginary, 3)} (imaginary); largest {Numbers.Significant(residuals.Largest, 3)} at {Numbers.Significant(residuals.LargestAtHertz, 4)} Hz\n");
        return text.ToString();
    }

    /// <summary>
    /// The report as one JSON document: file, format, circuit, weighting, the starts, the identifiability warnings, the
    /// residual summary, the fit (<see cref="FitResult.ToJson"/>) and the fitted model (<see cref="CircuitModel.ToJson"/>).
    /// </summary>
    internal static string Json(SelectedSpectrum selected, ImpedanceSpectrum spectrum, CircuitFitOptions options, FitResult<CircuitModel> fit, ImmutableArray<double> automaticStart) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("command", "eis fit");
        json.WriteString("file", selected.Data.SourceName);
        json.WriteNumber("spectrum", selected.Sweep.Index);
        json.WriteString("format", selected.Data.FormatName);
        json.WriteNumber("pointCount", selected.Spectrum.Count);
        json.WriteNumber("fittedPointCount", spectrum.Count);
        json.WriteString("circuit", fit.Model.Circuit.ToString());
        json.WriteString("weighting", options.Weighting.ToString());
        JsonOutput.Number(json, "confidenceLevel", options.ConfidenceLevel);
        json.WriteNumber("globalStarts", options.GlobalStarts);
        json.WriteNumber("seed", options.Seed);
        json.WriteStartArray("start");
        foreach (CircuitFitStart start in CircuitFitStart.Of(fit, options, automaticStart))
        {
            json.WriteStartObject();
            json.WriteString("name", start.Name);
            json.WriteString("unit", start.Unit);
            json.WriteString("source", start.Source);
            JsonOutput.Number(json, "value", start.OrdinaryStart);
            JsonOutput.Number(json, "winningValue", start.WinningStart);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("identifiabilityWarnings");
        foreach (IdentifiabilityWarning warning in fit.IdentifiabilityWarnings())
        {
            json.WriteStartObject();
            json.WriteString("parameter", warning.Parameter);
            json.WriteString("reason", warning.Reason);
            JsonOutput.Number(json, "relativeStandardError", warning.RelativeStandardError);
            JsonOutput.StringOrNull(json, "correlatedWith", warning.CorrelatedWith);
            JsonOutput.Number(json, "correlation", warning.Correlation);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        CircuitFitResiduals residuals = CircuitFitResiduals.Of(fit.Model, spectrum);
        json.WriteStartObject("relativeResiduals");
        JsonOutput.Number(json, "rootMeanSquareReal", residuals.RootMeanSquareReal);
        JsonOutput.Number(json, "rootMeanSquareImaginary", residuals.RootMeanSquareImaginary);
        JsonOutput.Number(json, "largest", residuals.Largest);
        JsonOutput.Number(json, "largestAtHertz", residuals.LargestAtHertz);
        json.WriteEndObject();
        json.WriteStartArray("parameterMeanings");
        foreach (CircuitParameter parameter in fit.Model.Circuit.Parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", parameter.Name);
            json.WriteString("element", parameter.ElementName);
            json.WriteString("symbol", parameter.Definition.Symbol);
            json.WriteString("description", parameter.Definition.Description);
            json.WriteString("unit", parameter.Unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        JsonOutput.Fit(json, "fit", fit);
        json.WritePropertyName("model");
        json.WriteRawValue(fit.Model.ToJson(indented: false));
        json.WriteEndObject();
    });

    private static string Describe(ImpedanceWeighting weighting) => weighting switch
    {
        ImpedanceWeighting.Unit => "absolute residuals in Ω; the large-|Z| end dominates",
        ImpedanceWeighting.Modulus => "each residual relative to |Z|; every decade counts alike",
        ImpedanceWeighting.Proportional => "real and imaginary residuals each relative to their own part",
        _ => "per-point standard deviations",
    };
}
