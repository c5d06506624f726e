using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cycling;
using Electrochem.Voltammetry;

using Electrochem.Plotting.Voltammetry;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>The oxidation limit of each electrolyte from its SS‖Li linear sweep, by the three criteria of <see cref="StabilityWindow"/>.</summary>
internal sealed class StabilityWindowSection : IDemoSection
{
    /// <inheritdoc/>
    public string Title => "Oxidation limit, SS‖Li linear sweep at 1 mV/s: |j| ≥ 10 µA/cm², tangent ∩ baseline, d|j|/dE ≥ 100 µA/cm² per V (StabilityWindow.Analyse)";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data) =>
    [
        Row(ReferenceStudy.BasePta, data.BasePtaLsv, ReferenceStudy.BasePtaOxidationLimit),
        Row(ReferenceStudy.IspnPta, data.IspnPtaLsv, ReferenceStudy.IspnPtaOxidationLimit),
    ];

    /// <inheritdoc/>
    public ImmutableArray<DemoFigure> Figures(DemoData data) =>
    [
        .. new[] { (ReferenceStudy.BasePta, data.BasePtaLsv), (ReferenceStudy.IspnPta, data.IspnPtaLsv) }.Select(m =>
        {
            CyclerRecording r = m.Item2;
            StabilityWindow w = StabilityWindow.Analyse(r.Voltage.Values, r.Current.Values, r.TestTime.Values, new StabilityWindowOptions { AreaSquareMetres = VoltammetryDemoData.AreaSquareMetres });
            return new DemoFigure($"{m.Item1} SS‖Li linear sweep: the baseline and each criterion's oxidation onset.", VoltammetryFigures.LinearSweep(w, r.Voltage.Values, r.Current.Values));
        }),
    ];

    private static DemoRow Row(string material, CyclerRecording r, PaperValue paper)
    {
        StabilityWindow w = StabilityWindow.Analyse(r.Voltage.Values, r.Current.Values, r.TestTime.Values, new StabilityWindowOptions { AreaSquareMetres = VoltammetryDemoData.AreaSquareMetres });
        return new DemoRow(
            "oxidation onset (10 µA/cm²)",
            material,
            string.Create(CultureInfo.InvariantCulture, $"{w.Threshold.PotentialVolts:F3} V"),
            paper.Text,
            string.Create(CultureInfo.InvariantCulture, $"tangent {w.Tangent.PotentialVolts:F3} V, dj/dE {w.Derivative.PotentialVolts:F3} V; scan {w.ScanRateVoltsPerSecond * 1000:G3} mV/s, baseline {w.BaselineIntercept * 100:F1} µA/cm²"));
    }
}
