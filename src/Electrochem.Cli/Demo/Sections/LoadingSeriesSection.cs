using System.Collections.Immutable;
using System.Globalization;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>σ at 28 °C against the ISPN loading (0.5, 1, 2 wt%), each from its own SS‖SS cell.</summary>
internal sealed class LoadingSeriesSection : IDemoSection
{
    /// <inheritdoc/>
    public string Title => "σ(28 °C) against ISPN loading: one SS‖SS cell per loading, σ = L/(R_b·A)";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data)
    {
        ImmutableArray<SymmetricCell> cells = SymmetricCell.All(data.Cells);
        SymmetricCell[] series = [.. ReferenceStudy.LoadingSeries.Select(entry => SymmetricCell.WithLoading(cells, entry.LoadingWeightPercent))];
        double highest = series.Max(c => c.Conductivity.Value);
        var rows = ImmutableArray.CreateBuilder<DemoRow>(series.Length);
        for (int i = 0; i < series.Length; i++)
        {
            SymmetricCell cell = series[i];
            PaperValue paper = ReferenceStudy.LoadingSeries[i].Conductivity;
            string note = cell.DistanceFrom(paper) + (cell.Conductivity.Value == highest ? "; highest of the series (the paper's optimum is 1 wt%)" : string.Empty);
            rows.Add(new DemoRow(
                "σ(28 °C)",
                string.Create(CultureInfo.InvariantCulture, $"{ReferenceStudy.IspnPta}, {cell.LoadingWeightPercent:0.0#} wt%"),
                cell.ConductivityText(),
                paper.Text,
                note));
        }

        return rows.MoveToImmutable();
    }
}
