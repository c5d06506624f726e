using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cli.Formatting;
using Electrochem.Cycling;
using Electrochem.Fitting;

using Electrochem.Plotting.Cycling;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>
/// Rate capability of ISPN-PTA full cells: Tian et al.'s law fitted to every cycle's (C-rate, capacity), and the
/// capacity recovered on returning to the first rate — the same pipeline as <c>electrochem cycling rate</c>.
/// </summary>
internal sealed class RateCapabilitySection : IDemoSection
{
    /// <inheritdoc/>
    public string Title => "Rate capability, full cells: Tian et al. Q(R) = Q_M·[1 − (Rτ)ⁿ(1 − exp(−(Rτ)⁻ⁿ))] (RateCapability.Fit; ± SE)";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data) =>
    [
        .. Rows("LFP‖Li", data.LfpRate, CyclingDemoData.LfpNominalAmpereHours, "139 … 81.9 mAh/g at 2 … 20 C"),
        .. Rows("NCM622‖Li", data.NcmRate, CyclingDemoData.NcmNominalAmpereHours, "165 … 143.3 mAh/g at 1 … 12 C"),
    ];

    /// <inheritdoc/>
    public ImmutableArray<DemoFigure> Figures(DemoData data) =>
    [
        .. new[] { ("LFP‖Li", data.LfpRate, CyclingDemoData.LfpNominalAmpereHours), ("NCM622‖Li", data.NcmRate, CyclingDemoData.NcmNominalAmpereHours) }.Select(m =>
        {
            CycleTable table = CycleTable.From(m.Item2, new CycleTableOptions(EfficiencyConvention.ChargeFirst) { ActiveMassGrams = CyclingDemoData.MassGrams, NominalCapacityAmpereHours = m.Item3 });
            CycleSummary[] cycles = [.. table.Cycles.Where(c => c.Anomalies == CycleAnomalies.None && c.DischargeCRate is not null)];
            double[] rates = [.. cycles.Select(c => c.DischargeCRate!.Value)];
            double[] capacity = [.. cycles.Select(c => c.SpecificDischargeCapacity!.Value)];
            return new DemoFigure($"{m.Item1} (ISPN-PTA): discharge capacity against C-rate with the fitted Tian et al. law.", CyclingFigures.RateCapability(rates, capacity, "mA·h/g", RateCapability.Fit(rates, capacity)));
        }),
    ];

    private static IEnumerable<DemoRow> Rows(string cell, CyclerRecording recording, double nominal, string paper)
    {
        CycleTable table = CycleTable.From(recording, new CycleTableOptions(EfficiencyConvention.ChargeFirst) { ActiveMassGrams = CyclingDemoData.MassGrams, NominalCapacityAmpereHours = nominal });
        CycleSummary[] cycles = [.. table.Cycles.Where(c => c.Anomalies == CycleAnomalies.None && c.DischargeCRate is not null)];
        double[] rates = [.. cycles.Select(c => c.DischargeCRate!.Value)];
        double[] capacity = [.. cycles.Select(c => c.SpecificDischargeCapacity!.Value)];
        FitResult<RateCapability> fit = RateCapability.Fit(rates, capacity);
        ParameterEstimate tau = RateCapability.CharacteristicTime(fit);
        CyclingProtocol protocol = CyclingProtocol.Segment([.. cycles.Select(c => c.Cycle)], rates);
        ProtocolBlock first = protocol.Blocks[0];
        ProtocolBlock back = protocol.Blocks[^1];
        double recovery = RateCapability.Recovery(Capacities(cycles, capacity, first), Capacities(cycles, capacity, back));
        yield return new DemoRow(
            $"rate capability, {cell}",
            ReferenceStudy.IspnPta,
            string.Create(CultureInfo.InvariantCulture, $"Q_M = {Numbers.WithUncertainty(fit.Model.MaximumCapacity, fit.Parameters[0].StandardError)} mAh/g, τ = {tau.Value * 3600:F0} s, n = {Numbers.WithUncertainty(fit.Model.Exponent, fit.Parameters[2].StandardError)}"),
            paper,
            string.Create(CultureInfo.InvariantCulture, $"{protocol.Blocks.Length} runs of 5 cycles; residual SE {fit.Statistics.ResidualStandardError:F2} mAh/g; {recovery * 100:F1} % recovered at the first rate"));
    }

    private static double[] Capacities(CycleSummary[] cycles, double[] capacity, ProtocolBlock block)
    {
        var wanted = block.Cycles.ToHashSet();
        return [.. cycles.Select((c, i) => (c, i)).Where(p => wanted.Contains(p.c.Cycle)).Select(p => capacity[p.i])];
    }
}
