using System.Globalization;
using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Cycling;
using Electrochem.Fitting;
using Electrochem.Voltammetry;

namespace Electrochem.Cli.Voltammetry;

/// <summary>The reports of <c>voltammetry lsv|cv</c> and <c>symmetric cycling|ccd</c>.</summary>
internal static class VoltammetryReports
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    internal static string Lsv(string source, StabilityWindow w, bool json)
    {
        if (json)
        {
            return JsonOutput.Document(j =>
            {
                j.WriteStartObject();
                j.WriteString("source", source);
                j.WriteString("direction", w.Direction.ToString());
                JsonOutput.NumberOrNull(j, "scan_rate_V_per_s", w.ScanRateVoltsPerSecond);
                JsonOutput.NumberOrNull(j, "area_m2", w.Options.AreaSquareMetres);
                JsonOutput.Number(j, w.Options.AreaSquareMetres is null ? "baseline_current_A" : "baseline_current_density_A_per_m2", w.BaselineIntercept);
                j.WriteStartArray("onsets");
                foreach (StabilityOnset o in w.Onsets)
                {
                    j.WriteStartObject();
                    j.WriteString("criterion", o.Criterion);
                    JsonOutput.NumberOrNull(j, "potential_V", o.PotentialVolts);
                    j.WriteString("note", o.Note);
                    j.WriteEndObject();
                }

                j.WriteEndArray();
                JsonOutput.StringArray(j, "warnings", w.Warnings);
                j.WriteEndObject();
            });
        }

        var text = new StringBuilder();
        text.Append(Invariant, $"{source}: {(w.Direction == SweepDirection.Anodic ? "anodic (oxidation)" : "cathodic (reduction)")} sweep{(w.ScanRateVoltsPerSecond is { } v ? string.Create(Invariant, $" at {v * 1000:G3} mV/s") : string.Empty)}; baseline {(w.Options.AreaSquareMetres is null ? Numbers.Significant(w.BaselineIntercept * 1e6, 3) + " µA" : Numbers.Significant(w.BaselineIntercept * 100, 3) + " µA/cm²")} at the start\n");
        var table = new TextTable("criterion", "onset (V)", "how");
        foreach (StabilityOnset o in w.Onsets)
        {
            table.Add(o.Criterion, o.PotentialVolts is { } p ? p.ToString("F3", Invariant) : "–", o.Note);
        }

        table.AppendTo(text);
        foreach (string warning in w.Warnings)
        {
            text.Append("warning: ").Append(warning).Append('\n');
        }

        return text.ToString();
    }

    internal static string Cv(IReadOnlyList<(string Source, CyclicVoltammogram Cv)> cvs, (FitResult Line, ParameterEstimate D)? randles, FitResult? exponent, bool json)
    {
        if (json)
        {
            return JsonOutput.Document(j =>
            {
                j.WriteStartObject();
                j.WriteStartArray("voltammograms");
                foreach ((string source, CyclicVoltammogram cv) in cvs)
                {
                    j.WriteStartObject();
                    j.WriteString("source", source);
                    j.WriteNumber("cycle", cv.Cycle);
                    j.WriteNumber("cycles", cv.Cycles);
                    JsonOutput.NumberOrNull(j, "scan_rate_V_per_s", cv.ScanRateVoltsPerSecond);
                    Peak(j, "anodic", cv.Anodic);
                    Peak(j, "cathodic", cv.Cathodic);
                    JsonOutput.NumberOrNull(j, "peak_separation_V", cv.PeakSeparationVolts);
                    JsonOutput.NumberOrNull(j, "peak_current_ratio", cv.PeakCurrentRatio);
                    JsonOutput.StringArray(j, "warnings", cv.Notes);
                    j.WriteEndObject();
                }

                j.WriteEndArray();
                if (randles is { } r)
                {
                    JsonOutput.Estimate(j, "randles_sevcik_diffusion_coefficient", r.D, "m^2/s");
                    JsonOutput.Fit(j, "randles_sevcik_line", r.Line);
                }

                if (exponent is { } e)
                {
                    JsonOutput.Estimate(j, "scan_rate_exponent", e.Parameters[1], "1");
                }

                j.WriteEndObject();
            });
        }

        var text = new StringBuilder();
        var table = new TextTable("file", "cycle", "v (mV/s)", "E_pa (V)", "i_pa (µA)", "E_pc (V)", "i_pc (µA)", "ΔE_p (mV)", "|i_pc/i_pa|");
        foreach ((string source, CyclicVoltammogram cv) in cvs)
        {
            table.Add(
                Path.GetFileName(source),
                string.Create(Invariant, $"{cv.Cycle + 1} of {cv.Cycles}"),
                cv.ScanRateVoltsPerSecond is { } v ? (v * 1000).ToString("G4", Invariant) : "–",
                cv.Anodic is { } a ? a.PotentialVolts.ToString("F4", Invariant) : "–",
                cv.Anodic is { } a2 ? (a2.HeightAmperes * 1e6).ToString("G4", Invariant) : "–",
                cv.Cathodic is { } c ? c.PotentialVolts.ToString("F4", Invariant) : "–",
                cv.Cathodic is { } c2 ? (c2.HeightAmperes * 1e6).ToString("G4", Invariant) : "–",
                cv.PeakSeparationVolts is { } d ? (d * 1000).ToString("F1", Invariant) : "–",
                cv.PeakCurrentRatio is { } q ? q.ToString("F3", Invariant) : "–");
        }

        table.AppendTo(text);
        foreach ((string source, CyclicVoltammogram cv) in cvs)
        {
            foreach (string note in cv.Notes)
            {
                text.Append(Path.GetFileName(source)).Append(": ").Append(note).Append('\n');
            }
        }

        if (exponent is { } ex)
        {
            text.Append("i_p ∝ v^b: b = ").Append(Numbers.Estimate(ex.Parameters[1], ex.ConfidenceLevel, string.Empty)).Append(" (0.5 diffusion-controlled, 1.0 capacitive)\n");
        }

        if (randles is { } rs)
        {
            text.Append("Randles–Ševčík (reversible, anodic peaks): D = ").Append(Numbers.Estimate(rs.D, rs.Line.ConfidenceLevel, "m²/s")).Append('\n');
        }

        return text.ToString();
    }

    internal static string Symmetric(SymmetricCycling c, bool json)
    {
        if (json)
        {
            return JsonOutput.Document(j =>
            {
                j.WriteStartObject();
                j.WriteString("source", c.SourceName);
                JsonOutput.Number(j, "hours", c.Hours);
                JsonOutput.Number(j, "median_plateau_V", c.MedianPlateauVolts);
                ShortJson(j, c.FirstShort);
                j.WriteStartArray("half_cycles");
                foreach (PolarizationHalfCycle h in c.HalfCycles)
                {
                    j.WriteStartObject();
                    j.WriteNumber("index", h.Index);
                    JsonOutput.Number(j, "start_time_s", h.StartTime);
                    JsonOutput.Number(j, "current_A", h.CurrentAmperes);
                    JsonOutput.NumberOrNull(j, "current_density_A_per_m2", h.CurrentDensity);
                    JsonOutput.Number(j, "plateau_V", h.PlateauVolts);
                    JsonOutput.Number(j, "peak_V", h.PeakVolts);
                    JsonOutput.Number(j, "end_V", h.EndVolts);
                    JsonOutput.Number(j, "noise_V", h.NoiseVolts);
                    JsonOutput.Number(j, "polarity_agreement", h.PolarityAgreement);
                    JsonOutput.Number(j, "cumulative_capacity_Ah", h.CumulativeCapacityAmpereHours);
                    j.WriteString("signatures", h.Signatures.ToString());
                    j.WriteEndObject();
                }

                j.WriteEndArray();
                j.WriteEndObject();
            });
        }

        var text = new StringBuilder();
        text.Append(Invariant, $"{c.SourceName}: {c.HalfCycles.Length} half-cycles over {c.Hours:F1} h; median plateau overpotential {c.MedianPlateauVolts * 1000:F1} mV{(c.FirstShort is null ? string.Empty : " before the short")}\n");
        text.Append(Invariant, $"criteria against the median of the preceding {c.Options.HistoryLength} half-cycles: collapse below {c.Options.CollapseFraction:P0} of the plateau, noise above {c.Options.NoiseFactor:G3}× (and {c.Options.NoiseFloorVolts * 1000:G3} mV), polarity on fewer than {c.Options.PolarityFraction:P0} of the samples\n");
        text.Append(c.FirstShort is { } s
            ? string.Create(Invariant, $"short: half-cycle {s.HalfCycle} at {s.Hours:F1} h after {s.CumulativeCapacityAmpereHours * 1000:G4} mAh{(s.CumulativeArealCapacity is { } a ? string.Create(Invariant, $" ({a * 0.1:G4} mAh/cm²)") : string.Empty)}, by {s.Criteria}\n")
            : "no short by these criteria\n");
        var table = new TextTable("hours", "half-cycles", "plateau (mV)", "peak (mV)", "end (mV)", "noise (mV)");
        int stride = Math.Max(1, c.HalfCycles.Length / 20);
        for (int k = 0; k < c.HalfCycles.Length; k += stride)
        {
            PolarizationHalfCycle[] block = [.. c.HalfCycles.Skip(k).Take(stride)];
            table.Add(
                ((block[0].StartTime - c.HalfCycles[0].StartTime) / 3600).ToString("F0", Invariant),
                string.Create(Invariant, $"{block[0].Index}–{block[^1].Index}"),
                (block.Average(h => h.PlateauVolts) * 1000).ToString("F2", Invariant),
                (block.Average(h => h.PeakVolts) * 1000).ToString("F2", Invariant),
                (block.Average(h => h.EndVolts) * 1000).ToString("F2", Invariant),
                (block.Average(h => h.NoiseVolts) * 1000).ToString("F3", Invariant));
        }

        text.Append('\n');
        table.AppendTo(text);
        return text.ToString();
    }

    internal static string Ccd(CriticalCurrentDensity ccd, bool json)
    {
        if (json)
        {
            return JsonOutput.Document(j =>
            {
                j.WriteStartObject();
                j.WriteString("source", ccd.Cycling.SourceName);
                JsonOutput.NumberOrNull(j, "critical_current_density_A_per_m2", ccd.CriticalDensity);
                JsonOutput.NumberOrNull(j, "critical_current_A", ccd.CriticalCurrentAmperes);
                j.WriteBoolean("survived_all_steps", ccd.SurvivedAll);
                ShortJson(j, ccd.Cycling.FirstShort);
                j.WriteStartArray("steps");
                foreach (CurrentDensityStep s in ccd.Steps)
                {
                    j.WriteStartObject();
                    j.WriteNumber("index", s.Index);
                    JsonOutput.Number(j, "current_A", s.CurrentAmperes);
                    JsonOutput.NumberOrNull(j, "current_density_A_per_m2", s.CurrentDensity);
                    JsonOutput.NumberOrNull(j, "areal_capacity_Ah_per_m2", s.ArealCapacity);
                    JsonOutput.Number(j, "mean_plateau_V", s.MeanPlateauVolts);
                    j.WriteNumber("half_cycles", s.HalfCycles);
                    j.WriteBoolean("failed", s.Failed);
                    j.WriteEndObject();
                }

                j.WriteEndArray();
                j.WriteEndObject();
            });
        }

        var text = new StringBuilder();
        text.Append(ccd.SurvivedAll
            ? $"{ccd.Cycling.SourceName}: no short in {ccd.Steps.Length} steps; the critical current density lies above the last step\n"
            : ccd.CriticalDensity is { } d
                ? string.Create(Invariant, $"{ccd.Cycling.SourceName}: critical current density {d * 0.1:G4} mA/cm² (the last step completed); shorted in step {ccd.FailedStep!.Index + 1} by {ccd.Cycling.FirstShort!.Criteria}\n")
                : $"{ccd.Cycling.SourceName}: shorted in step {ccd.FailedStep!.Index + 1}; {(ccd.CriticalCurrentAmperes is { } a ? string.Create(Invariant, $"the last step completed carried {a * 1000:G4} mA (give --area for a density)") : "no step was completed")}\n");
        var table = new TextTable("step", "I (mA)", "j (mA/cm²)", "mAh/cm² per half-cycle", "plateau (mV)", "half-cycles", "");
        foreach (CurrentDensityStep s in ccd.Steps)
        {
            table.Add(
                (s.Index + 1).ToString(Invariant),
                (s.CurrentAmperes * 1000).ToString("G4", Invariant),
                s.CurrentDensity is { } j ? (j * 0.1).ToString("G4", Invariant) : "–",
                s.ArealCapacity is { } q ? (q * 0.1).ToString("G4", Invariant) : "–",
                (s.MeanPlateauVolts * 1000).ToString("F1", Invariant),
                s.HalfCycles.ToString(Invariant),
                s.Failed ? "short" : string.Empty);
        }

        table.AppendTo(text);
        return text.ToString();
    }

    private static void ShortJson(System.Text.Json.Utf8JsonWriter j, ShortCircuit? s)
    {
        if (s is null)
        {
            j.WriteNull("short");
            return;
        }

        j.WriteStartObject("short");
        j.WriteNumber("half_cycle", s.HalfCycle);
        JsonOutput.Number(j, "hours", s.Hours);
        JsonOutput.Number(j, "cumulative_capacity_Ah", s.CumulativeCapacityAmpereHours);
        JsonOutput.NumberOrNull(j, "cumulative_areal_capacity_Ah_per_m2", s.CumulativeArealCapacity);
        j.WriteString("criteria", s.Criteria.ToString());
        j.WriteEndObject();
    }

    private static void Peak(System.Text.Json.Utf8JsonWriter j, string name, VoltammetricPeak? p)
    {
        if (p is null)
        {
            j.WriteNull(name);
            return;
        }

        j.WriteStartObject(name);
        JsonOutput.Number(j, "potential_V", p.PotentialVolts);
        JsonOutput.Number(j, "current_A", p.CurrentAmperes);
        JsonOutput.Number(j, "baseline_A", p.BaselineAmperes);
        JsonOutput.Number(j, "height_A", p.HeightAmperes);
        j.WriteEndObject();
    }
}
