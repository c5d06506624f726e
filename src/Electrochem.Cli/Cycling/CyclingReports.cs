using System.Globalization;
using System.Text;
using Electrochem.Cli.Formatting;
using Electrochem.Cycling;
using Electrochem.Fitting;
using Electrochem.Plotting.Cycling;

namespace Electrochem.Cli.Cycling;

/// <summary>The reports of <c>cycling retention</c>, <c>fade</c>, <c>rate</c> and <c>ica</c>; retention, fade and rate also draw their figure when given a <c>--plot</c> path.</summary>
internal static class CyclingReports
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Parses first, cycle:N, max:N, median:N or mean:N.</summary>
    internal static RetentionReference Reference(string text)
    {
        string t = text.Trim().ToLowerInvariant();
        if (t == "first")
        {
            return RetentionReference.First;
        }

        int colon = t.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && int.TryParse(t.AsSpan(colon + 1), NumberStyles.Integer, Invariant, out int n) && n >= 1)
        {
            switch (t[..colon])
            {
                case "cycle": return RetentionReference.AtCycle(n);
                case "max": return RetentionReference.MaximumOfFirst(n);
                case "median": return RetentionReference.MedianOfFirst(n);
                case "mean": return RetentionReference.MeanOfFirst(n);
            }
        }

        throw new ArgumentException($"--reference is '{text}'; expected first, cycle:N, max:N, median:N or mean:N (N ≥ 1).");
    }

    internal static string Retention(CycleTable table, CyclingProtocol protocol, RetentionReference reference, double? reported, bool json, string? plot = null)
    {
        (int[] cycles, double[] capacity) = Series(table, protocol);
        CapacityRetention retention = CapacityRetention.Compute(cycles, capacity, reference);
        PlotOutput.Write(plot, () => CyclingFigures.Retention(retention));
        RetentionExplanation? why = reported is { } r ? CapacityRetention.Explain(cycles, capacity, r) : null;
        (double Mean, double StandardDeviation, double Minimum, double Maximum, int Cycles)? ce = protocol.SeriesCycles.IsEmpty ? null : protocol.SeriesCoulombicEfficiency(table);
        string unit = Unit(table);
        if (json)
        {
            return JsonOutput.Document(w =>
            {
                w.WriteStartObject();
                w.WriteString("source", table.SourceName);
                w.WriteString("reference", reference.ToString());
                JsonOutput.Number(w, "reference_capacity", retention.ReferenceCapacity);
                w.WriteString("capacity_unit", unit);
                w.WriteNumber("final_cycle", retention.Cycles[^1]);
                JsonOutput.Number(w, "final_retention_percent", retention.FinalRetentionPercent);
                if (ce is { } c)
                {
                    JsonOutput.Number(w, "mean_coulombic_efficiency_percent", c.Mean);
                    JsonOutput.Number(w, "coulombic_efficiency_sd_percent", c.StandardDeviation);
                }

                w.WriteStartArray("blocks");
                foreach (ProtocolBlock b in protocol.Blocks)
                {
                    w.WriteStartObject();
                    w.WriteNumber("first_cycle", b.FirstCycle);
                    w.WriteNumber("last_cycle", b.LastCycle);
                    w.WriteNumber("cycles", b.Cycles.Length);
                    JsonOutput.Number(w, "discharge_current_A", b.Current);
                    w.WriteString("role", b.Role.ToString());
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (why is { } e)
                {
                    JsonOutput.Number(w, "reported_percent", e.ReportedPercent);
                    JsonOutput.Number(w, "implied_reference_capacity", e.ImpliedReferenceCapacity);
                    w.WriteStartArray("references_reproducing_it");
                    foreach ((RetentionReference rr, double p) in e.Matches)
                    {
                        w.WriteStringValue(string.Create(Invariant, $"{rr}: {p:F3} %"));
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            });
        }

        var text = new StringBuilder();
        text.Append(Invariant, $"{table.SourceName}: retention of the {(table.Convention == EfficiencyConvention.ChargeFirst ? "discharge" : "charge")} capacity ({unit}), {Convention(table)}\n");
        foreach (string note in protocol.Notes)
        {
            text.Append("protocol: ").Append(note).Append('\n');
        }

        var blocks = new TextTable("cycles", "count", "discharge current (A)", "role");
        foreach (ProtocolBlock b in protocol.Blocks)
        {
            blocks.Add(string.Create(Invariant, $"{b.FirstCycle}–{b.LastCycle}"), b.Cycles.Length.ToString(Invariant), Numbers.Significant(b.Current, 4), b.Role.ToString() + (b.ReturnsToFirstRate ? " (return to the first rate)" : string.Empty));
        }

        text.Append('\n');
        blocks.AppendTo(text);
        text.Append('\n').Append("retention: ").Append(retention.ToString()).Append('\n');
        if (ce is { } s)
        {
            text.Append(Invariant, $"coulombic efficiency over {s.Cycles} series cycles: mean {s.Mean:F3} %, SD {s.StandardDeviation:F3} %, min {s.Minimum:F3} %, max {s.Maximum:F3} %\n");
        }

        if (why is { } x)
        {
            text.Append(Invariant, $"the reported {x.ReportedPercent:F2} % implies a reference of {x.ImpliedReferenceCapacity:G6} {unit}; against the first cycle the series shows {x.AgainstFirstCyclePercent:F3} %\n");
            text.Append(x.Matches.IsEmpty ? "no standard reference (a cycle among the first 50, or the max, median or mean of the first n) reproduces it\n" : "references that reproduce it: " + string.Join("; ", x.Matches.Take(8).Select(m => string.Create(Invariant, $"{m.Reference} ({m.Percent:F3} %)"))) + (x.Matches.Length > 8 ? $"; and {x.Matches.Length - 8} more" : string.Empty) + "\n");
        }

        return text.ToString();
    }

    internal static string Fade(CycleTable table, RetentionReference reference, double eolFraction, bool json, string? plot, CancellationToken cancellationToken)
    {
        CyclingProtocol protocol = CyclingProtocol.Segment(table);
        (int[] cycles, double[] capacity) = Series(table, protocol);
        double[] n = [.. cycles.Select(c => (double)c)];
        FadeModelRanking ranking = FadeModelRanking.Rank(n, capacity, default, null, cancellationToken);
        CapacityRetention retention = CapacityRetention.Compute(cycles, capacity, reference);
        RankedFade best = ranking.Best;
        EndOfLife eol = EndOfLife.FromFit(best.Fit, retention.ReferenceCapacity, $"{reference} ({retention.ReferenceCapacity:G6} {Unit(table)})", eolFraction);
        int? beep = cycles.Length >= 2 ? EndOfLife.FirstBelowMedian(cycles, capacity, eolFraction) : null;
        PlotOutput.Write(plot, () => CyclingFigures.Capacity(table, best.Fit, eol));
        if (json)
        {
            return JsonOutput.Document(w =>
            {
                w.WriteStartObject();
                w.WriteString("source", table.SourceName);
                w.WriteStartArray("laws");
                foreach (RankedFade r in ranking.Ranked)
                {
                    w.WriteStartObject();
                    w.WriteString("law", r.Kind.ToString());
                    JsonOutput.Number(w, "delta_aicc", r.DeltaAicc);
                    JsonOutput.Number(w, "akaike_weight", r.AkaikeWeight);
                    JsonOutput.Fit(w, "fit", r.Fit);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteString("end_of_life_definition", eol.Description);
                JsonOutput.NumberOrNull(w, "end_of_life_cycle", eol.Cycle);
                JsonOutput.Number(w, "end_of_life_lower", eol.Lower);
                JsonOutput.Number(w, "end_of_life_upper", eol.Upper);
                w.WriteBoolean("end_of_life_is_extrapolation", eol.IsExtrapolation);
                if (beep is { } b)
                {
                    w.WriteNumber("beep_end_of_life_cycle", b);
                }
                else
                {
                    w.WriteNull("beep_end_of_life_cycle");
                }

                w.WriteEndObject();
            });
        }

        var text = new StringBuilder();
        text.Append(Invariant, $"{table.SourceName}: fade of the series' reversible capacity ({Unit(table)}), {cycles.Length} cycles\n\n");
        var laws = new TextTable("law", "ΔAICc", "weight", "status", "parameters");
        foreach (RankedFade r in ranking.Ranked)
        {
            laws.Add(r.Kind.ToString(), double.IsNaN(r.DeltaAicc) ? "—" : r.DeltaAicc.ToString("F2", Invariant), r.AkaikeWeight.ToString("F3", Invariant), r.Fit.Status.ToString(), string.Join(", ", r.Fit.Parameters.Select(p => $"{p.Name} = {Numbers.WithUncertainty(p.Value, p.StandardError)}")));
        }

        laws.AppendTo(text);
        foreach ((FadeModelKind kind, string reason) in ranking.Skipped)
        {
            text.Append(Invariant, $"not fitted: {kind} ({reason})\n");
        }

        text.Append('\n').Append("end of life: ").Append(eol.Description).Append('\n');
        text.Append(eol.Cycle is { } c
            ? string.Create(Invariant, $"  cycle {c:F0} (95 % CI {eol.Lower:F0} to {eol.Upper:F0}){(eol.IsExtrapolation ? ", an extrapolation beyond the data" : string.Empty)}\n")
            : "  not reached\n");
        text.Append(beep is { } first
            ? string.Create(Invariant, $"beep's definition (first cycle below {eolFraction:P0} of the median of the first 40): cycle {first}\n")
            : string.Create(Invariant, $"beep's definition (first cycle below {eolFraction:P0} of the median of the first 40): not reached in the data\n"));
        return text.ToString();
    }

    internal static string Rate(CycleTable table, bool json, string? plot, CancellationToken cancellationToken)
    {
        if (table.NominalCapacityAmpereHours is not { } nominal)
        {
            throw new ArgumentException("C-rates need a nominal capacity: give --nominal-capacity (A·h); the file states none.");
        }

        CycleSummary[] rated = [.. table.Cycles.Where(c => c.DischargeCurrent is not null && c.Anomalies == CycleAnomalies.None)];
        double[] rates = [.. rated.Select(c => c.DischargeCurrent!.Value / nominal)];
        double[] capacity = [.. rated.Select(c => Capacity(table, c))];
        CyclingProtocol protocol = CyclingProtocol.Segment([.. rated.Select(c => c.Cycle)], rates);
        FitResult<RateCapability> tian = RateCapability.Fit(rates, capacity, default, null, cancellationToken);
        FitResult logLinear = RateCapability.LogLinear(rates, capacity);
        ProtocolBlock first = protocol.Blocks[0];
        ProtocolBlock? back = protocol.Blocks.Skip(1).LastOrDefault(b => b.ReturnsToFirstRate);
        double? recovery = back is null ? null : RateCapability.Recovery(BlockCapacities(rated, capacity, first), BlockCapacities(rated, capacity, back));
        ParameterEstimate tau = RateCapability.CharacteristicTime(tian);
        string unit = Unit(table);
        PlotOutput.Write(plot, () => CyclingFigures.RateCapability(rates, capacity, unit, tian));
        if (json)
        {
            return JsonOutput.Document(w =>
            {
                w.WriteStartObject();
                w.WriteString("source", table.SourceName);
                JsonOutput.Number(w, "nominal_capacity_Ah", nominal);
                w.WriteString("capacity_unit", unit);
                JsonOutput.Fit(w, "tian", tian);
                JsonOutput.Estimate(w, "characteristic_time", tau, "h");
                JsonOutput.Fit(w, "log_linear", logLinear);
                JsonOutput.NumberOrNull(w, "recovery", recovery);
                w.WriteEndObject();
            });
        }

        var text = new StringBuilder();
        text.Append(Invariant, $"{table.SourceName}: rate capability, C-rate = discharge current / {nominal:G6} A·h, capacity in {unit}\n\n");
        var blocks = new TextTable("cycles", "C-rate", "mean capacity");
        foreach (ProtocolBlock b in protocol.Blocks)
        {
            blocks.Add(string.Create(Invariant, $"{b.FirstCycle}–{b.LastCycle}"), Numbers.Significant(b.Current, 3) + (b.ReturnsToFirstRate ? " (return)" : string.Empty), Numbers.Significant(BlockCapacities(rated, capacity, b).Average(), 5));
        }

        blocks.AppendTo(text);
        text.Append(Invariant, $"\nTian et al.: Q_M = {Numbers.WithUncertainty(tian.Model.MaximumCapacity, tian.Parameters[0].StandardError)} {unit}, τ = {Numbers.Significant(tau.Value * 3600, 4)} s (95 % CI {Numbers.Significant(tau.ConfidenceLower * 3600, 3)} to {Numbers.Significant(tau.ConfidenceUpper * 3600, 3)} s), n = {Numbers.WithUncertainty(tian.Model.Exponent, tian.Parameters[2].StandardError)}; {tian.Status}, residual SE {Numbers.Significant(tian.Statistics.ResidualStandardError, 3)} {unit}\n");
        text.Append(Invariant, $"log-linear: Q = {Numbers.WithUncertainty(logLinear.Parameters[0].Value, logLinear.Parameters[0].StandardError)} − {Numbers.WithUncertainty(logLinear.Parameters[1].Value, logLinear.Parameters[1].StandardError)}·ln(C-rate) {unit}\n");
        text.Append(recovery is { } rec ? string.Create(Invariant, $"capacity on returning to the first rate: {rec * 100:F2} % of the first block's\n") : "no return to the first rate\n");
        return text.ToString();
    }

    internal static string Ica(CycleTable table, int cycle, bool charge, DifferentialCurve curve)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"{table.SourceName}: dQ/dV of cycle {cycle}'s {(charge ? "charge" : "discharge")} ({curve.Description}), {curve.Voltage.Length} grid points\n\n");
        var peaks = new TextTable("V (V)", "dQ/dV (Ah/V)", "area (mAh)", "from (V)", "to (V)");
        foreach (DifferentialPeak p in curve.Peaks)
        {
            peaks.Add(p.Voltage.ToString("F4", Invariant), Numbers.Significant(p.Height, 4), Numbers.Significant(p.Area * 1000, 4), p.LowerVoltage.ToString("F4", Invariant), p.UpperVoltage.ToString("F4", Invariant));
        }

        peaks.AppendTo(text);
        return text.ToString();
    }

    /// <summary>The series' cycles and reversible capacities (all complete cycles when the test has no series).</summary>
    private static (int[] Cycles, double[] Capacity) Series(CycleTable table, CyclingProtocol protocol)
    {
        HashSet<int> series = protocol.SeriesCycles.IsEmpty ? [.. table.Cycles.Where(c => c.Anomalies == CycleAnomalies.None).Select(c => c.Cycle)] : [.. protocol.SeriesCycles];
        CycleSummary[] chosen = [.. table.Cycles.Where(c => series.Contains(c.Cycle) && c.Anomalies == CycleAnomalies.None)];
        if (chosen.Length == 0)
        {
            throw new ArgumentException($"{table.SourceName} has no complete cycle to compute retention over.");
        }

        return ([.. chosen.Select(c => c.Cycle)], [.. chosen.Select(c => Capacity(table, c))]);
    }

    private static double Capacity(CycleTable table, CycleSummary c) => table.ActiveMassGrams is { } g
        ? (table.Convention == EfficiencyConvention.ChargeFirst ? c.DischargeCapacity : c.ChargeCapacity) * 1000 / g
        : table.Convention == EfficiencyConvention.ChargeFirst ? c.DischargeCapacity : c.ChargeCapacity;

    private static string Unit(CycleTable table) => table.ActiveMassGrams is null ? "A·h" : "mA·h/g";

    private static string Convention(CycleTable table) => table.Convention == EfficiencyConvention.ChargeFirst ? "charge-first" : "discharge-first";

    private static double[] BlockCapacities(CycleSummary[] rated, double[] capacity, ProtocolBlock block)
    {
        var wanted = block.Cycles.ToHashSet();
        return [.. rated.Select((c, i) => (c, i)).Where(p => wanted.Contains(p.c.Cycle)).Select(p => capacity[p.i])];
    }
}
