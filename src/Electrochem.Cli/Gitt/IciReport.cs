using System.Globalization;
using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Cycling;

namespace Electrochem.Cli.Gitt;

/// <summary>The reports of <c>ici</c>: a text table or one JSON document.</summary>
internal static class IciReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string Text(IciTitration t, string? lengthDescription)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"{t.SourceName}: {t.Interruptions.Length} current interruptions; rest is |I| ≤ {Numbers.Significant(t.RestCurrentAmperes * 1000, 3)} mA; ΔE = −I·R − I·k·√t fitted {(t.Options.SubtractCurrentSlope ? "after subtracting the segment's own dE/dt·t" : "as measured")}\n");
        text.Append(t.Options.DiffusionLengthMetres is { } l
            ? string.Create(Invariant, $"diffusion length L = {Numbers.WithUncertainty(l.Value * 1e6, l.StandardUncertainty * 1e6)} µm ({lengthDescription}); D = (4/π)·L²·[(dE/dt)/(I·k)]² with dE/dt the titration's slope between interruptions\n")
            : "no diffusion length given: R and k only\n");
        foreach (string w in t.Warnings)
        {
            text.Append("warning: ").Append(w).Append('\n');
        }

        var table = new TextTable("#", "t (s)", "I (mA)", "Q (mAh)", "E_I (V)", "R (Ω)", "k (Ω s^-½)", "R²", "dE/dt (mV/h)", "D (cm²/s)", "concerns");
        foreach (IciInterruption i in t.Interruptions)
        {
            table.Add(
                i.Index.ToString(Invariant),
                i.StartTime.ToString("F1", Invariant),
                (i.CurrentAmperes * 1000).ToString("G4", Invariant),
                (i.CumulativeChargeAmpereHours * 1000).ToString("F4", Invariant),
                i.VoltageBefore.ToString("F6", Invariant),
                i.ResistanceOhms is { } r ? Numbers.WithUncertainty(r.Value, r.StandardUncertainty) : "–",
                i.DiffusionResistance is { } k ? Numbers.WithUncertainty(k.Value, k.StandardUncertainty) : "–",
                i.RelaxationFit is { } f ? f.Statistics.RSquared.ToString("F4", Invariant) : "–",
                i.TitrationVoltageSlope is { } s ? (s.Value * 3.6e6).ToString("G4", Invariant) : "–",
                i.DiffusionCoefficient is { } d ? Numbers.WithUncertainty(d.Value * 1e4, d.StandardUncertainty * 1e4) : "–",
                i.Concerns == GittConcerns.None ? string.Empty : i.Concerns.ToString());
        }

        text.Append('\n');
        table.AppendTo(text);
        return text.ToString();
    }

    internal static string Json(IciTitration t, string? lengthDescription) => JsonOutput.Document(w =>
    {
        w.WriteStartObject();
        w.WriteString("source", t.SourceName);
        JsonOutput.Number(w, "rest_current_A", t.RestCurrentAmperes);
        JsonOutput.NumberOrNull(w, "diffusion_length_m", t.Options.DiffusionLengthMetres?.Value);
        JsonOutput.StringOrNull(w, "diffusion_length_from", lengthDescription);
        w.WriteBoolean("segment_slope_subtracted", t.Options.SubtractCurrentSlope);
        w.WriteStartArray("interruptions");
        foreach (IciInterruption i in t.Interruptions)
        {
            w.WriteStartObject();
            w.WriteNumber("index", i.Index);
            JsonOutput.Number(w, "start_time_s", i.StartTime);
            JsonOutput.Number(w, "duration_s", i.DurationSeconds);
            JsonOutput.Number(w, "current_A", i.CurrentAmperes);
            JsonOutput.Number(w, "cumulative_charge_Ah", i.CumulativeChargeAmpereHours);
            JsonOutput.Number(w, "voltage_before_V", i.VoltageBefore);
            JsonOutput.NumberOrNull(w, "resistance_ohm", i.ResistanceOhms?.Value);
            JsonOutput.NumberOrNull(w, "resistance_se_ohm", i.ResistanceOhms?.StandardUncertainty);
            JsonOutput.NumberOrNull(w, "diffusion_resistance_ohm_per_sqrt_s", i.DiffusionResistance?.Value);
            JsonOutput.NumberOrNull(w, "diffusion_resistance_se_ohm_per_sqrt_s", i.DiffusionResistance?.StandardUncertainty);
            JsonOutput.NumberOrNull(w, "titration_slope_V_per_s", i.TitrationVoltageSlope?.Value);
            JsonOutput.NumberOrNull(w, "diffusion_coefficient_m2_per_s", i.DiffusionCoefficient?.Value);
            JsonOutput.NumberOrNull(w, "diffusion_coefficient_u_m2_per_s", i.DiffusionCoefficient?.StandardUncertainty);
            w.WriteString("concerns", i.Concerns.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
