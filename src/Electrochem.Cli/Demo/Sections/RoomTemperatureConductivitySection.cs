using System.Collections.Immutable;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>σ at 28 °C of both electrolytes from SS‖SS cells, σ = L/(R_b·A) with propagated uncertainty.</summary>
internal sealed class RoomTemperatureConductivitySection : IDemoSection
{
    /// <inheritdoc/>
    public string Title => "Ionic conductivity at 28 °C: SS‖SS cells, σ = L/(R_b·A) (IonicConductivity.FromBulkResistance, uncertainties propagated)";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data)
    {
        ImmutableArray<SymmetricCell> cells = SymmetricCell.All(data.Cells);
        SymmetricCell basePta = SymmetricCell.WithLoading(cells, 0);
        SymmetricCell ispnPta = SymmetricCell.WithLoading(cells, 1);
        return
        [
            new("σ(28 °C)", ReferenceStudy.BasePta, basePta.ConductivityText(), ReferenceStudy.BasePtaConductivity.Text, $"{basePta.InputsText()}; {basePta.DistanceFrom(ReferenceStudy.BasePtaConductivity)}"),
            new("σ(28 °C)", ReferenceStudy.IspnPta, ispnPta.ConductivityText(), ReferenceStudy.IspnPtaConductivity.Text, $"{ispnPta.InputsText()}; {ispnPta.DistanceFrom(ReferenceStudy.IspnPtaConductivity)}"),
        ];
    }
}
