using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Cli.Formatting;
using Electrochem.IO.Transport;
using Electrochem.Transport;

namespace Electrochem.Cli.Transference;

/// <summary>
/// A Bruce–Vincent analysis of a chronoamperometry trace (<c>electrochem transference</c>), as text or as one JSON
/// document. With bulk resistances it is <see cref="BruceVincent.Analyze"/> as it stands (I₀ by Ohm's law). Without
/// them, I₀ is extrapolated from the decay and only the quantities that do not involve R_b are reported: Bruce–Vincent
/// and the plain ratio; Abraham, Watanabe and the Ohm's-law I₀ need R_b.
/// </summary>
/// <param name="Result">The core's result.</param>
/// <param name="BulkResistancesGiven">Whether R_b,0 and R_b,ss were given.</param>
internal sealed record TransferenceReport(BruceVincentResult Result, bool BulkResistancesGiven)
{
    /// <summary>Coverage factor of the expanded intervals printed beside t₊ (k = 2, about 95 %).</summary>
    internal const double CoverageFactor = 2;

    /// <summary>Analyses the trace with the request's voltage and resistances.</summary>
    /// <exception cref="ArgumentException">The core rejects the input, including when, without R_b, the exponential fit failed (no I₀ to use).</exception>
    internal static TransferenceReport Create(ChronoamperometryTable trace, TransferenceRequest request)
    {
        ReadOnlySpan<double> time = trace.TimeSeconds.AsSpan();
        ReadOnlySpan<double> current = trace.CurrentAmperes.AsSpan();
        if (request.BulkResistanceInitial is { } rb0 && request.BulkResistanceSteadyState is { } rbss)
        {
            var resistances = new PolarizationResistances(rb0, rbss, request.InterfacialResistanceInitial, request.InterfacialResistanceSteadyState);
            return new TransferenceReport(BruceVincent.Analyze(time, current, request.AppliedVoltage, resistances), true);
        }

        var interfacialOnly = PolarizationResistances.InterfacialOnly(request.InterfacialResistanceInitial, request.InterfacialResistanceSteadyState);
        BruceVincentResult result = BruceVincent.Analyze(time, current, request.AppliedVoltage, interfacialOnly, BruceVincentOptions.Default with { InitialCurrentMethod = InitialCurrentMethod.Extrapolated });
        return new TransferenceReport(result, false);
    }

    /// <summary>The warnings the analysis raised (without R_b the core makes no Ohm's-law comparison).</summary>
    internal ImmutableArray<TransferenceWarning> Warnings => Result.Warnings;

    /// <summary>The variants by name, with their values, or null where they need R_b and it was not given.</summary>
    internal ImmutableArray<(string Name, string Key, Measurement? Value, string Note)> Variants =>
    [
        ("t₊ Bruce–Vincent", "bruceVincent", Result.TransferenceNumber, "t₊ = I_ss·(ΔV − I₀·R_i,0)/(I₀·(ΔV − I_ss·R_i,ss))"),
        ("t₊ Abraham (bulk-corrected)", "abraham", BulkResistancesGiven ? Result.AbrahamTransferenceNumber : null, "Bruce–Vincent × R_b,ss/R_b,0"),
        ("t₊ Watanabe", "watanabe", BulkResistancesGiven ? Result.WatanabeTransferenceNumber : null, "R_b,ss/(ΔV/I_ss − R_i,ss)"),
        ("I_ss/I₀ (plain ratio, not t₊)", "currentRatio", Result.CurrentRatio, "equals t₊ only if R_i = 0"),
    ];

    /// <summary>value ± u.</summary>
    internal static string Text(Measurement m) => Numbers.WithUncertainty(m.Value, m.StandardUncertainty);

    /// <summary>The k = 2 expanded interval of a measurement.</summary>
    internal static string IntervalText(Measurement m)
    {
        (double lower, double upper) = m.ExpandedInterval(CoverageFactor);
        return Numbers.IntervalLike(m.Value, m.StandardUncertainty, lower, upper);
    }

    /// <summary>How I₀ was obtained, in words.</summary>
    internal string InitialCurrentMethodText => Result.InitialCurrentMethod == InitialCurrentMethod.OhmsLaw
        ? "Ohm's law ΔV/(R_b,0 + R_i,0)"
        : BulkResistancesGiven ? "extrapolated from the exponential fit to the step time" : "extrapolated from the exponential fit to the step time (no R_b given, so not Ohm's law)";

    /// <summary>How I_ss was obtained, in words, with the window.</summary>
    internal string SteadyStateMethodText => Result.SteadyStateCurrentMethod == SteadyStateCurrentMethod.Plateau
        ? $"mean of the plateau window {WindowText(Result.PlateauWindow)}"
        : $"asymptote of the exponential fit over {WindowText(Result.FitWindow)}";

    /// <summary>A time window in words.</summary>
    internal static string WindowText(TimeWindow window) =>
        string.Create(CultureInfo.InvariantCulture, $"{Numbers.Significant(window.StartSeconds, 5)}–{Numbers.Significant(window.EndSeconds, 5)} s ({window.PointCount} points)");

    /// <summary>The report as text.</summary>
    internal string Text(ChronoamperometryTable trace, TransferenceRequest request)
    {
        var text = new StringBuilder();
        BruceVincentResult r = Result;
        text.Append("Li⁺ transference number by Bruce–Vincent: potentiostatic polarisation of a symmetric cell, whole-cell resistances\n");
        text.Append($"Data: {trace.SourceName}, {trace.Count} rows\n");
        text.Append($"  t: column '{trace.TimeHeader.Text}' in {trace.TimeUnitInFile}, {Numbers.Significant(trace.TimeSeconds[0], 5)}–{Numbers.Significant(trace.TimeSeconds[^1], 5)} s\n");
        text.Append($"  I: column '{trace.CurrentHeader.Text}' in {trace.CurrentUnitInFile.Symbol}{(trace.CurrentUnitInFile.AmperesPerUnit == 1 ? string.Empty : ", converted to A")}\n");
        foreach (string source in request.ResistanceSources)
        {
            text.Append($"Resistances from {source}\n");
        }

        text.Append($"Inputs: ΔV = {Text(request.AppliedVoltage)} V; R_i,0 = {Text(request.InterfacialResistanceInitial)} Ω ({(request.ResistanceSources.IsEmpty ? "--r0" : "--eis-before")}), R_i,ss = {Text(request.InterfacialResistanceSteadyState)} Ω ({(request.ResistanceSources.IsEmpty ? "--rss" : "--eis-after")})");
        text.Append(BulkResistancesGiven
            ? $"; R_b,0 = {Text(r.Resistances.BulkResistanceInitial!.Value)} Ω ({(request.ResistanceSources.IsEmpty ? "--rb0" : "--eis-before")}), R_b,ss = {Text(r.Resistances.BulkResistanceSteadyState!.Value)} Ω ({(request.ResistanceSources.IsEmpty ? "--rbss" : "--eis-after")})\n"
            : "; no bulk resistances (--rb0/--rbss), so Abraham and Watanabe are not computed\n");
        text.Append('\n');
        var currents = new TextTable("Current", "Value ± u (A)", "Method / window");
        currents.Add("I₀ used", Text(r.InitialCurrent), InitialCurrentMethodText);
        if (BulkResistancesGiven)
        {
            currents.Add("I₀ (Ohm's law)", Text(r.InitialCurrentOhmsLaw), "ΔV/(R_b,0 + R_i,0)");
        }

        currents.Add("I₀ (extrapolated)", Text(r.InitialCurrentExtrapolated), $"exponential fit over {WindowText(r.FitWindow)}, status {r.RelaxationFit.Status}");
        currents.Add("I_ss used", Text(r.SteadyStateCurrent), SteadyStateMethodText);
        currents.Add("I_ss (plateau)", Text(r.SteadyStateCurrentPlateau), string.Create(CultureInfo.InvariantCulture, $"last {BruceVincentOptions.Default.PlateauFraction:P0} of the trace, {WindowText(r.PlateauWindow)}, relative drift {Numbers.Significant(r.PlateauRelativeDrift, 3)}"));
        currents.Add("I_ss (exponential fit)", Text(r.SteadyStateCurrentExponential), "asymptote I_ss of I(t) = I_ss + (I₀ − I_ss)·exp(−(t − t₀)/τ)");
        currents.AppendTo(text);
        text.Append('\n');
        var table = new TextTable("Quantity", "Value ± u", $"k = {CoverageFactor.ToString(CultureInfo.InvariantCulture)} interval", "Formula");
        foreach ((string name, _, Measurement? value, string note) in Variants)
        {
            table.Add(name, value is { } m ? Text(m) : "n/a (needs --rb0/--rbss)", value is { } v ? IntervalText(v) : string.Empty, note);
        }

        table.AppendTo(text);
        text.Append("(uncertainties propagated to first order from ΔV, the resistances and the currents)\n");
        ImmutableArray<TransferenceWarning> warnings = Warnings;
        text.Append(warnings.IsEmpty ? "Warnings: none\n" : "Warnings:\n" + string.Concat(warnings.Select(w => $"  [{w.Kind}] {w.Message}\n")));
        text.Append("\nExponential fit of the decay:\n").Append(r.RelaxationFit.ToTable().ReplaceLineEndings("\n"));
        return text.ToString();
    }

    /// <summary>The report as one JSON document.</summary>
    internal string Json(ChronoamperometryTable trace, TransferenceRequest request) => JsonOutput.Document(json =>
    {
        BruceVincentResult r = Result;
        json.WriteStartObject();
        json.WriteString("command", "transference");
        json.WriteString("method", "Bruce-Vincent");
        json.WriteStartObject("data");
        json.WriteString("source", trace.SourceName);
        json.WriteNumber("rows", trace.Count);
        json.WriteString("timeColumn", trace.TimeHeader.Text);
        json.WriteString("timeUnitInFile", trace.TimeUnitInFile);
        json.WriteString("currentColumn", trace.CurrentHeader.Text);
        json.WriteString("currentUnitInFile", trace.CurrentUnitInFile.Symbol);
        json.WriteEndObject();
        json.WriteStartObject("units");
        json.WriteString("time", "s");
        json.WriteString("current", "A");
        json.WriteString("voltage", "V");
        json.WriteString("resistance", "ohm");
        json.WriteEndObject();
        json.WriteStartArray("resistanceSources");
        foreach (string source in request.ResistanceSources)
        {
            json.WriteStringValue(source);
        }

        json.WriteEndArray();
        json.WriteStartObject("inputs");
        Measure(json, "appliedVoltage", request.AppliedVoltage);
        Measure(json, "interfacialResistanceInitial", request.InterfacialResistanceInitial);
        Measure(json, "interfacialResistanceSteadyState", request.InterfacialResistanceSteadyState);
        Measure(json, "bulkResistanceInitial", request.BulkResistanceInitial);
        Measure(json, "bulkResistanceSteadyState", request.BulkResistanceSteadyState);
        json.WriteEndObject();
        // The analysis in the library's own schema (BruceVincentResult.ToJson), so there is one JSON form of the result.
        json.WritePropertyName("analysis");
        json.WriteRawValue(r.ToJson(indented: false));
        json.WriteEndObject();
    });

    private static void Measure(Utf8JsonWriter json, string name, Measurement? m)
    {
        if (m is not { } value)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        JsonOutput.Number(json, "value", value.Value);
        JsonOutput.Number(json, "standardUncertainty", value.StandardUncertainty);
        json.WriteEndObject();
    }

}
