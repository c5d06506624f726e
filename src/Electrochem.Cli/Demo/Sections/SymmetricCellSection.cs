using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cycling;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>Li‖Li cells: the polarisation and lifetime under galvanostatic cycling, and the critical current density under stepped current (<see cref="SymmetricCycling"/>, <see cref="CriticalCurrentDensity"/>).</summary>
internal sealed class SymmetricCellSection : IDemoSection
{
    private static readonly SymmetricCyclingOptions Options = new() { AreaSquareMetres = VoltammetryDemoData.AreaSquareMetres };

    /// <inheritdoc/>
    public string Title => "Li‖Li cells: plateau overpotential, first short (collapse, noise or lost square wave vs the preceding 10 half-cycles), critical current density (SymmetricCycling, CriticalCurrentDensity)";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data) =>
    [
        Cycling(ReferenceStudy.BasePta, data.BasePtaLiLiCycling, ReferenceStudy.BasePtaLiLiCycling),
        Cycling(ReferenceStudy.IspnPta, data.IspnPtaLiLiCycling, ReferenceStudy.IspnPtaLiLiCycling),
        Ccd(ReferenceStudy.BasePta, data.BasePtaCcd, ReferenceStudy.BasePtaCriticalCurrentDensity),
        Ccd(ReferenceStudy.IspnPta, data.IspnPtaCcd, ReferenceStudy.IspnPtaCriticalCurrentDensity),
    ];

    private static DemoRow Cycling(string material, CyclerRecording r, PaperValue paper)
    {
        SymmetricCycling c = SymmetricCycling.Analyse(r, Options);
        string life = c.FirstShort is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"short at {s.Hours:F0} h ({s.Criteria}) after {s.CumulativeArealCapacity * 0.1:F1} mAh/cm²")
            : string.Create(CultureInfo.InvariantCulture, $"no short in {c.Hours:F0} h");
        return new DemoRow(
            "Li‖Li at 0.1 mA/cm²: plateau; lifetime",
            material,
            string.Create(CultureInfo.InvariantCulture, $"{c.MedianPlateauVolts:F3} V; {life}"),
            paper.Text,
            string.Create(CultureInfo.InvariantCulture, $"{c.HalfCycles.Length} half-cycles; plateau = mean |V| over 25–75 % of each"));
    }

    private static DemoRow Ccd(string material, CyclerRecording r, PaperValue paper)
    {
        CriticalCurrentDensity ccd = CriticalCurrentDensity.From(SymmetricCycling.Analyse(r, Options));
        return new DemoRow(
            "critical current density",
            material,
            ccd.CriticalDensity is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d * 0.1:G3} mA/cm²") : "not reached",
            paper.Text,
            ccd.FailedStep is { } f ? string.Create(CultureInfo.InvariantCulture, $"shorted in the {f.CurrentDensity * 0.1:G3} mA/cm² step ({ccd.Cycling.FirstShort!.Criteria}); {ccd.Steps.Length} steps of two cycles") : "survived every step");
    }
}
