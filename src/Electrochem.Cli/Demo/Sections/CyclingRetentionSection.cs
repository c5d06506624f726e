using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cycling;

using Electrochem.Plotting.Cycling;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>
/// Full-cell cycling of ISPN-PTA cells: retention within the series (check-ups and activation apart) against a named
/// reference, and coulombic efficiency — the same pipeline as <c>electrochem cycling retention</c>.
/// </summary>
internal sealed class CyclingRetentionSection : IDemoSection
{
    /// <inheritdoc/>
    public string Title => "Capacity retention and CE, full cells (CycleTable → CyclingProtocol → CapacityRetention; reference stated)";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data)
    {
        (CycleTable lfp2C, CyclingProtocol lfp2CProtocol) = Table(data.Lfp2C, CyclingDemoData.LfpNominalAmpereHours);
        CapacityRetention r2C = lfp2CProtocol.SeriesRetention(lfp2C, RetentionReference.First);
        var ce = lfp2CProtocol.SeriesCoulombicEfficiency(lfp2C);

        (CycleTable lfp10C, CyclingProtocol lfp10CProtocol) = Table(data.Lfp10C, CyclingDemoData.LfpNominalAmpereHours);
        CapacityRetention r10C = lfp10CProtocol.SeriesRetention(lfp10C, RetentionReference.First);

        (CycleTable ncm, CyclingProtocol ncmProtocol) = Table(data.Ncm5C, CyclingDemoData.NcmNominalAmpereHours);
        CapacityRetention r5C = ncmProtocol.SeriesRetention(ncm, RetentionReference.First);
        double[] specific = [.. r5C.Capacities.Select(q => q * 1000 / CyclingDemoData.MassGrams)];
        RetentionExplanation why = CapacityRetention.Explain([.. r5C.Cycles], specific, ReferenceStudy.Ncm5CRetention.Value);
        string matches = why.Matches.IsEmpty ? "none of the standard references" : string.Join(", ", why.Matches.Take(3).Select(m => m.Reference.ToString())) + (why.Matches.Length > 3 ? ", …" : string.Empty);
        return
        [
            new DemoRow("retention, LFP‖Li 2 C", ReferenceStudy.IspnPta, string.Create(CultureInfo.InvariantCulture, $"{r2C.FinalRetentionPercent:F2} % at series cycle {r2C.Cycles.Length}, vs the first cycle"), ReferenceStudy.Lfp2CRetention.Text, string.Create(CultureInfo.InvariantCulture, $"cycles by {lfp2C.NumberingReason}; {lfp2CProtocol.SeriesCycles.Length} series cycles")),
            new DemoRow("mean CE, LFP‖Li 2 C", ReferenceStudy.IspnPta, string.Create(CultureInfo.InvariantCulture, $"{ce.Mean:F2} % (SD {ce.StandardDeviation:F2} %, min {ce.Minimum:F2} %)"), ReferenceStudy.Lfp2CCoulombicEfficiency.Text, "charge-first: CE = Q_dis/Q_ch over complete series cycles"),
            new DemoRow("retention, LFP‖Li 10 C", ReferenceStudy.IspnPta, string.Create(CultureInfo.InvariantCulture, $"{r10C.FinalRetentionPercent:F2} % after {r10C.Cycles.Length} cycles at 10 C, vs the first 10 C cycle"), ReferenceStudy.Lfp10CRetention.Text, $"{lfp10CProtocol.CheckUpCycles.Length} check-up cycles at 1 C found and left out"),
            new DemoRow("retention, NCM622‖Li 5 C", ReferenceStudy.IspnPta, string.Create(CultureInfo.InvariantCulture, $"{r5C.FinalRetentionPercent:F2} % after {r5C.Cycles.Length} cycles, vs the first 5 C cycle"), ReferenceStudy.Ncm5CRetention.Text, string.Create(CultureInfo.InvariantCulture, $"1 C activation left out; {ReferenceStudy.Ncm5CRetention.Value} % implies a reference of {why.ImpliedReferenceCapacity:F2} mAh/g: {matches}")),
        ];
    }

    /// <inheritdoc/>
    public ImmutableArray<DemoFigure> Figures(DemoData data)
    {
        (CycleTable lfp2C, _) = Table(data.Lfp2C, CyclingDemoData.LfpNominalAmpereHours);
        (CycleTable ncm, CyclingProtocol ncmProtocol) = Table(data.Ncm5C, CyclingDemoData.NcmNominalAmpereHours);
        return
        [
            new DemoFigure("LFP‖Li at 2 C (ISPN-PTA): capacity and coulombic efficiency of every complete cycle.", CyclingFigures.Capacity(lfp2C)),
            new DemoFigure("NCM622‖Li at 5 C (ISPN-PTA): retention against the first 5 C cycle (the 1 C activation left out).", CyclingFigures.Retention(ncmProtocol.SeriesRetention(ncm, RetentionReference.First))),
        ];
    }

    private static (CycleTable Table, CyclingProtocol Protocol) Table(CyclerRecording recording, double nominal)
    {
        CycleTable table = CycleTable.From(recording, new CycleTableOptions(EfficiencyConvention.ChargeFirst) { ActiveMassGrams = CyclingDemoData.MassGrams, NominalCapacityAmpereHours = nominal });
        return (table, CyclingProtocol.Segment(table));
    }
}
