using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cli.Formatting;
using Electrochem.IO.Tables;
using Electrochem.Transport;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>One SS‖SS cell of the example data and its conductivity σ = L/(R_b·A) with propagated uncertainty.</summary>
/// <param name="LoadingWeightPercent">ISPN loading, wt% (0 for Base-PTA).</param>
/// <param name="Thickness">Film thickness L, cm.</param>
/// <param name="Area">Electrode area A, cm².</param>
/// <param name="BulkResistance">Bulk resistance R_b, Ω.</param>
/// <param name="Conductivity">σ, S/cm, from <see cref="IonicConductivity.FromBulkResistance(Measurement, Measurement, Measurement)"/>.</param>
internal sealed record SymmetricCell(double LoadingWeightPercent, Measurement Thickness, Measurement Area, Measurement BulkResistance, Measurement Conductivity)
{
    /// <summary>Every cell in the table, in file order.</summary>
    internal static ImmutableArray<SymmetricCell> All(DelimitedTable cells)
    {
        TableColumn loading = cells.GetColumn("loading");
        TableColumn thickness = cells.GetColumn("thickness");
        TableColumn uThickness = cells.GetColumn("u_thickness");
        TableColumn area = cells.GetColumn("area");
        TableColumn uArea = cells.GetColumn("u_area");
        TableColumn resistance = cells.GetColumn("R_b");
        TableColumn uResistance = cells.GetColumn("u_R_b");
        var result = ImmutableArray.CreateBuilder<SymmetricCell>(cells.RowCount);
        for (int i = 0; i < cells.RowCount; i++)
        {
            var l = new Measurement(thickness.Values[i], uThickness.Values[i]);
            var a = new Measurement(area.Values[i], uArea.Values[i]);
            var r = new Measurement(resistance.Values[i], uResistance.Values[i]);
            result.Add(new SymmetricCell(loading.Values[i], l, a, r, IonicConductivity.FromBulkResistance(l, a, r)));
        }

        return result.MoveToImmutable();
    }

    /// <summary>The cell with the given loading.</summary>
    internal static SymmetricCell WithLoading(ImmutableArray<SymmetricCell> cells, double loading) =>
        cells.Single(c => c.LoadingWeightPercent == loading);

    /// <summary>σ as <c>(3.58 ± 0.09)e-4 S/cm</c>.</summary>
    internal string ConductivityText() => Numbers.WithUncertainty(Conductivity.Value, Conductivity.StandardUncertainty) + " S/cm";

    /// <summary>The inputs, e.g. <c>L = 101.2 ± 2.0 µm, A = 2.0106 ± 0.0050 cm², R_b = 13.87 ± 0.21 Ω</c>.</summary>
    internal string InputsText() =>
        $"L = {Numbers.WithUncertainty(Thickness.Value * 1e4, Thickness.StandardUncertainty * 1e4)} µm, " +
        $"A = {Numbers.WithUncertainty(Area.Value, Area.StandardUncertainty)} cm², " +
        $"R_b = {Numbers.WithUncertainty(BulkResistance.Value, BulkResistance.StandardUncertainty)} Ω";

    /// <summary>How far the paper's value is from σ, in standard uncertainties, e.g. <c>paper is 0.4 u above</c>.</summary>
    internal string DistanceFrom(PaperValue paper)
    {
        double z = (paper.Value - Conductivity.Value) / Conductivity.StandardUncertainty;
        return string.Create(CultureInfo.InvariantCulture, $"paper is {Math.Abs(z):0.0} u {(z >= 0 ? "above" : "below")}");
    }
}
