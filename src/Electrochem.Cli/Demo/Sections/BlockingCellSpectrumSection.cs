using System.Collections.Immutable;
using Electrochem.Cli.Formatting;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;
using Electrochem.Plotting.Impedance;
using Electrochem.Transport;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>
/// σ at 28 °C from the SS‖SS impedance spectra: Lin-KK check (with a series capacitance: blocking electrodes), then
/// <c>R0-CPE1</c> fitted from the automatic start and σ = L/(R_b·A) with the fit's SE of R_b and the cells' L and A
/// (<see cref="CircuitFitResults.BulkIonicConductivity"/>).
/// </summary>
internal sealed class BlockingCellSpectrumSection : IDemoSection
{
    /// <inheritdoc/>
    public string Title => $"Ionic conductivity at 28 °C from SS‖SS spectra: Lin-KK check, then {DemoDataGenerator.BlockingCircuit} from the automatic start (CircuitModel.Fit), σ = L/(R_b·A) (fit.BulkIonicConductivity, L and A from {DemoDataGenerator.CellsFile})";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data)
    {
        ImmutableArray<SymmetricCell> cells = SymmetricCell.All(data.Cells);
        return
        [
            .. Rows(ReferenceStudy.BasePta, data.BasePtaBlockingSpectrum, SymmetricCell.WithLoading(cells, 0), ReferenceStudy.BasePtaConductivity),
            .. Rows(ReferenceStudy.IspnPta, data.IspnPtaBlockingSpectrum, SymmetricCell.WithLoading(cells, 1), ReferenceStudy.IspnPtaConductivity),
        ];
    }

    /// <inheritdoc/>
    public ImmutableArray<DemoFigure> Figures(DemoData data) =>
    [
        .. new[] { (ReferenceStudy.BasePta, data.BasePtaBlockingSpectrum), (ReferenceStudy.IspnPta, data.IspnPtaBlockingSpectrum) }.Select(m =>
            new DemoFigure($"{m.Item1} SS‖SS at 28 °C: the bulk resistance is the high-frequency intercept; the blocking electrodes give the low-frequency spike.", ImpedanceFigures.Nyquist(m.Item2.Spectrum, CircuitModel.Fit(Circuit.Parse(DemoDataGenerator.BlockingCircuit), m.Item2.Spectrum)))),
    ];

    private static IEnumerable<DemoRow> Rows(string material, ImpedanceData data, SymmetricCell cell, PaperValue paper)
    {
        yield return KramersKronigCheck.Row(material, data, seriesCapacitance: true);
        FitResult<CircuitModel> fit = CircuitModel.Fit(Circuit.Parse(DemoDataGenerator.BlockingCircuit), data.Spectrum);
        Measurement sigma = fit.BulkIonicConductivity("R0", cell.Thickness, cell.Area);
        ParameterEstimate bulk = fit["R0"];
        yield return new DemoRow(
            "σ(28 °C) from the fitted R_b",
            material,
            Numbers.WithUncertainty(sigma.Value, sigma.StandardUncertainty) + " S/cm",
            paper.Text,
            $"R_b = {Numbers.Estimate(bulk, fit.ConfidenceLevel, "Ω")} ({cell.BulkResistance.Value} Ω in the cells file); α of the blocking CPE = {Numbers.WithUncertainty(fit["CPE1_1"].Value, fit["CPE1_1"].StandardError)}; {fit.Status}");
    }
}
