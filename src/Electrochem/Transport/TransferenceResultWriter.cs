using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Fitting;

namespace Electrochem.Transport;

/// <summary>Writes a <see cref="BruceVincentResult"/> as text or JSON (no reflection, so trimming-safe).</summary>
internal static class TransferenceResultWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string ToTable(BruceVincentResult result)
    {
        var text = new StringBuilder();
        text.Append("Bruce–Vincent transference number").AppendLine();
        Row(text, "ΔV", result.AppliedVoltage, "V");
        PolarizationResistances r = result.Resistances;
        Row(text, "R_b,0", r.BulkResistanceInitial, "Ω");
        Row(text, "R_b,ss", r.BulkResistanceSteadyState, "Ω");
        Row(text, "R_i,0 (interfacial)", r.InterfacialResistanceInitial, "Ω");
        Row(text, "R_i,ss (interfacial)", r.InterfacialResistanceSteadyState, "Ω");
        Row(text, "I₀ (Ohm's law)", result.InitialCurrentOhmsLaw, "A");
        Row(text, "I₀ (extrapolated)", result.InitialCurrentExtrapolated, "A");
        Row(text, $"I₀ used: {result.InitialCurrentMethod}", result.InitialCurrent, "A");
        Row(text, "I_ss (plateau)", result.SteadyStateCurrentPlateau, "A");
        Row(text, "I_ss (exponential fit)", result.SteadyStateCurrentExponential, "A");
        Row(text, $"I_ss used: {result.SteadyStateCurrentMethod}", result.SteadyStateCurrent, "A");
        text.Append(Invariant, $"Plateau window: {G(result.PlateauWindow.StartSeconds)}–{G(result.PlateauWindow.EndSeconds)} s, {result.PlateauWindow.PointCount} points, relative drift {G(result.PlateauRelativeDrift)}").AppendLine();
        text.Append(Invariant, $"Exponential fit window: {G(result.FitWindow.StartSeconds)}–{G(result.FitWindow.EndSeconds)} s, {result.FitWindow.PointCount} points, status {result.RelaxationFit.Status}").AppendLine();
        Row(text, "t₊ Bruce–Vincent", result.TransferenceNumber, string.Empty);
        Row(text, "t₊ Abraham (bulk-corrected)", result.AbrahamTransferenceNumber, string.Empty);
        Row(text, "t₊ Watanabe", result.WatanabeTransferenceNumber, string.Empty);
        Row(text, "I_ss/I₀ (plain ratio)", result.CurrentRatio, string.Empty);
        text.Append(Invariant, $"Warnings: {(result.Warnings.IsEmpty ? "none" : result.Warnings.Length.ToString(Invariant))}").AppendLine();
        foreach (TransferenceWarning warning in result.Warnings)
        {
            text.Append("  [").Append(warning.Kind.ToString()).Append("] ").Append(warning.Message).AppendLine();
        }

        text.AppendLine().Append("Exponential fit of the decay:").AppendLine().Append(result.RelaxationFit.ToTable());
        return text.ToString();
    }

    internal static string ToJson(BruceVincentResult result, bool indented)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("analysis", "BruceVincent");
            Measure(json, "appliedVoltageVolts", result.AppliedVoltage);
            PolarizationResistances r = result.Resistances;
            Measure(json, "bulkResistanceInitialOhms", r.BulkResistanceInitial);
            Measure(json, "bulkResistanceSteadyStateOhms", r.BulkResistanceSteadyState);
            Measure(json, "interfacialResistanceInitialOhms", r.InterfacialResistanceInitial);
            Measure(json, "interfacialResistanceSteadyStateOhms", r.InterfacialResistanceSteadyState);
            json.WriteString("initialCurrentMethod", result.InitialCurrentMethod.ToString());
            Measure(json, "initialCurrentAmperes", result.InitialCurrent);
            Measure(json, "initialCurrentOhmsLawAmperes", result.InitialCurrentOhmsLaw);
            Measure(json, "initialCurrentExtrapolatedAmperes", result.InitialCurrentExtrapolated);
            json.WriteString("steadyStateCurrentMethod", result.SteadyStateCurrentMethod.ToString());
            Measure(json, "steadyStateCurrentAmperes", result.SteadyStateCurrent);
            Measure(json, "steadyStateCurrentPlateauAmperes", result.SteadyStateCurrentPlateau);
            Measure(json, "steadyStateCurrentExponentialAmperes", result.SteadyStateCurrentExponential);
            Window(json, "plateauWindow", result.PlateauWindow);
            FitResultWriter.Number(json, "plateauRelativeDrift", result.PlateauRelativeDrift);
            Window(json, "fitWindow", result.FitWindow);
            Measure(json, "transferenceNumber", result.TransferenceNumber);
            Measure(json, "abrahamTransferenceNumber", result.AbrahamTransferenceNumber);
            Measure(json, "watanabeTransferenceNumber", result.WatanabeTransferenceNumber);
            Measure(json, "currentRatio", result.CurrentRatio);
            json.WriteStartArray("warnings");
            foreach (TransferenceWarning warning in result.Warnings)
            {
                json.WriteStartObject();
                json.WriteString("kind", warning.Kind.ToString());
                json.WriteString("message", warning.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("relaxationFit");
            FitResultWriter.WriteTo(json, result.RelaxationFit, includeResiduals: false);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Row(StringBuilder text, string name, Measurement? value, string unit) =>
        (value is { } v
            ? text.Append(Invariant, $"{name,-34} {G(v.Value),14} ± {G(v.StandardUncertainty),-12} {unit}")
            : text.Append(Invariant, $"{name,-34} {"not given",14}")).AppendLine();

    private static void Measure(Utf8JsonWriter json, string name, Measurement? given)
    {
        if (given is not { } value)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        FitResultWriter.Number(json, "value", value.Value);
        FitResultWriter.Number(json, "standardUncertainty", value.StandardUncertainty);
        json.WriteEndObject();
    }

    private static void Window(Utf8JsonWriter json, string name, TimeWindow window)
    {
        json.WriteStartObject(name);
        FitResultWriter.Number(json, "startSeconds", window.StartSeconds);
        FitResultWriter.Number(json, "endSeconds", window.EndSeconds);
        json.WriteNumber("pointCount", window.PointCount);
        json.WriteEndObject();
    }

    private static string G(double value) => value.ToString("G6", Invariant);
}
