using System.Globalization;
using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Cycling;

namespace Electrochem.Cli.Gitt;

/// <summary>The reports of <c>gitt</c>: a text table (D in cm²/s, as papers plot it), one JSON document, or a CSV table (SI units).</summary>
internal static class GittReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string Text(GittTitration t, string? lengthDescription)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"{t.SourceName}: {t.Pulses.Length} pulses ({t.ChargePulses.Length} charge, {t.DischargePulses.Length} discharge); rest is |I| ≤ {Numbers.Significant(t.RestCurrentAmperes * 1000, 3)} mA\n");
        text.Append(t.Options.DiffusionLengthMetres is { } l
            ? string.Create(Invariant, $"diffusion length L = {Numbers.WithUncertainty(l.Value * 1e6, l.StandardUncertainty * 1e6)} µm ({lengthDescription}, {(t.Options.Geometry == Diffusion.DiffusionGeometry.Spherical ? "spheres" : "a film")}); D by Weppner–Huggins, (4/(πτ))·L²·(ΔE_s/ΔE_t)², from the √t slope, and corrected for the method's bias at each τD/L²\n")
            : "no diffusion length given (--length, --radius or --mass/--molar-mass/--molar-volume/--area): pulses measured, no D\n");
        text.Append(Invariant, $"√t window: {t.Options.SquareRootWindowStartSeconds:G4} s to {(t.Options.SquareRootWindowEndSeconds is { } e ? e.ToString("G4", Invariant) + " s" : "the pulse end")}; relaxed when |dE/dt| ≤ {t.Options.RelaxedDriftVoltsPerSecond * 3.6e6:G3} mV/h over the rest's last {t.Options.DriftWindowFraction:P0}\n");
        foreach (string w in t.Warnings)
        {
            text.Append("warning: ").Append(w).Append('\n');
        }

        var table = new TextTable("#", "dir", "τ (s)", "I (mA)", "Q (mAh)", "SOC", "E₀ (V)", "E_s (V)", "ΔE_s (mV)", "ΔE_t (mV)", "R (Ω)", "√t R²", "D (cm²/s)", "D √t (cm²/s)", "τD/L²", "D_WH/D", "D corrected (cm²/s)", "concerns");
        foreach (GittPulse p in t.Pulses)
        {
            table.Add(
                p.Index.ToString(Invariant),
                p.Direction == PulseDirection.Charge ? "ch" : "dis",
                p.DurationSeconds.ToString("F1", Invariant),
                (p.CurrentAmperes * 1000).ToString("G4", Invariant),
                (p.CumulativeChargeAmpereHours * 1000).ToString("F4", Invariant),
                p.StateOfCharge is { } soc ? soc.ToString("F3", Invariant) : "–",
                Volts(p.InitialVoltage),
                Volts(p.RelaxedVoltage),
                p.RelaxedVoltageChange is { } es ? (es.Value * 1000).ToString("F2", Invariant) : "–",
                (p.TransientVoltageChange.Value * 1000).ToString("F2", Invariant),
                p.OhmicResistanceOhms is { } r ? Numbers.Significant(r, 4) : "–",
                p.SquareRootFit is { } f ? f.Statistics.RSquared.ToString("F4", Invariant) : "–",
                p.DiffusionCoefficient is { } d ? Numbers.WithUncertainty(d.Value * 1e4, d.StandardUncertainty * 1e4) : "–",
                p.SquareRootDiffusionCoefficient is { } s ? Numbers.WithUncertainty(s.Value * 1e4, s.StandardUncertainty * 1e4) : "–",
                p.TimeRatio is { } q ? Numbers.Significant(q, 2) : "–",
                p.ExpectedRatio is { } x ? x.ToString("F3", Invariant) : "–",
                p.BiasCorrectedDiffusionCoefficient is { } c ? Numbers.WithUncertainty(c.Value * 1e4, c.StandardUncertainty * 1e4) : "–",
                p.Concerns == GittConcerns.None ? string.Empty : p.Concerns.ToString());
        }

        text.Append('\n');
        table.AppendTo(text);
        int usable = t.Pulses.Count(p => p.IsUsable);
        text.Append(Invariant, $"\n{usable} of {t.Pulses.Length} pulses have a D with no concern; concerns: UnrelaxedRest (E_s still drifting), NonlinearSquareRoot (E not linear in √t), TimeRatioTooLarge (τ not ≪ L²/D: expected bias over 5 %), CutShort (ended by a limit), FlatOpenCircuitCurve, OppositeSigns\n");
        return text.ToString();
    }

    internal static string Json(GittTitration t, string? lengthDescription) => JsonOutput.Document(w =>
    {
        w.WriteStartObject();
        w.WriteString("source", t.SourceName);
        JsonOutput.Number(w, "rest_current_A", t.RestCurrentAmperes);
        JsonOutput.NumberOrNull(w, "diffusion_length_m", t.Options.DiffusionLengthMetres?.Value);
        JsonOutput.NumberOrNull(w, "diffusion_length_uncertainty_m", t.Options.DiffusionLengthMetres?.StandardUncertainty);
        JsonOutput.StringOrNull(w, "diffusion_length_from", lengthDescription);
        JsonOutput.StringArray(w, "warnings", t.Warnings);
        w.WriteStartArray("pulses");
        foreach (GittPulse p in t.Pulses)
        {
            w.WriteStartObject();
            foreach ((string name, double? value) in Row(p))
            {
                JsonOutput.NumberOrNull(w, name, value);
            }

            w.WriteString("direction", p.Direction.ToString());
            JsonOutput.StringArray(w, "concerns", Enum.GetValues<GittConcerns>().Where(c => c != GittConcerns.None && p.Concerns.HasFlag(c)).Select(c => c.ToString()));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    internal static void WriteCsv(GittTitration t, TextWriter writer)
    {
        (string Name, double? Value)[] header = Row(t.Pulses.IsEmpty ? null : t.Pulses[0]);
        writer.Write(string.Join(",", header.Select(h => h.Name)));
        writer.Write(",direction,concerns\n");
        foreach (GittPulse p in t.Pulses)
        {
            writer.Write(string.Join(",", Row(p).Select(c => c.Value is { } v && double.IsFinite(v) ? v.ToString("R", Invariant) : string.Empty)));
            writer.Write(string.Create(Invariant, $",{p.Direction},\"{p.Concerns}\"\n"));
        }
    }

    /// <summary>The numeric columns of a pulse, named with their SI units (values null when absent).</summary>
    private static (string Name, double? Value)[] Row(GittPulse? p) =>
    [
        ("index", p?.Index),
        ("start_time_s", p?.StartTime),
        ("duration_s", p?.DurationSeconds),
        ("current_A", p?.CurrentAmperes),
        ("charge_Ah", p?.ChargeAmpereHours),
        ("cumulative_charge_Ah", p?.CumulativeChargeAmpereHours),
        ("state_of_charge", p?.StateOfCharge),
        ("initial_voltage_V", p?.InitialVoltage),
        ("first_pulse_voltage_V", p?.FirstPulseVoltage),
        ("pulse_start_voltage_V", p?.PulseStartVoltage),
        ("pulse_end_voltage_V", p?.PulseEndVoltage),
        ("rest_start_voltage_V", p?.RestStartVoltage),
        ("relaxed_voltage_V", p?.RelaxedVoltage),
        ("rest_s", p?.RestSeconds),
        ("end_of_rest_drift_V_per_s", p?.EndOfRestDriftVoltsPerSecond),
        ("voltage_uncertainty_V", p?.VoltageUncertaintyVolts),
        ("relaxed_voltage_change_V", p?.RelaxedVoltageChange?.Value),
        ("transient_voltage_change_V", p?.TransientVoltageChange.Value),
        ("ohmic_step_V", p?.OhmicStepVolts),
        ("ohmic_resistance_ohm", p?.OhmicResistanceOhms),
        ("sqrt_t_slope_V_per_sqrt_s", p?.SquareRootFit?.Parameters[1].Value),
        ("sqrt_t_slope_se_V_per_sqrt_s", p?.SquareRootFit?.Parameters[1].StandardError),
        ("sqrt_t_r_squared", p?.SquareRootFit?.Statistics.RSquared),
        ("time_ratio", p?.TimeRatio),
        ("expected_ratio", p?.ExpectedRatio),
        ("bias_corrected_diffusion_coefficient_m2_per_s", p?.BiasCorrectedDiffusionCoefficient?.Value),
        ("bias_corrected_diffusion_coefficient_u_m2_per_s", p?.BiasCorrectedDiffusionCoefficient?.StandardUncertainty),
        ("diffusion_coefficient_m2_per_s", p?.DiffusionCoefficient?.Value),
        ("diffusion_coefficient_u_m2_per_s", p?.DiffusionCoefficient?.StandardUncertainty),
        ("sqrt_t_diffusion_coefficient_m2_per_s", p?.SquareRootDiffusionCoefficient?.Value),
        ("sqrt_t_diffusion_coefficient_u_m2_per_s", p?.SquareRootDiffusionCoefficient?.StandardUncertainty),
    ];

    private static string Volts(double? v) => v is { } x ? x.ToString("F6", Invariant) : "–";
}
