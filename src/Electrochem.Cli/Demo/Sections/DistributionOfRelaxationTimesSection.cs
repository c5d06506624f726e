using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cli.Formatting;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.Impedance.Drt;
using Electrochem.IO.Impedance;
using Electrochem.Plotting.Impedance;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>
/// The Li‖Li spectra after 200 h seen by the distribution of relaxation times instead of a circuit: λ by GCV, L₀ left
/// out (the generator wrote no inductance), peaks found and their areas read as R_SEI and R_ct — beside the circuit fit
/// of the previous section and the paper's values. The DRT assumes no number of processes; that it finds two, with
/// the circuit's resistances, is the check.
/// </summary>
internal sealed class DistributionOfRelaxationTimesSection : IDemoSection
{
    private static readonly DrtOptions Options = new(FitInductance: false);

    /// <inheritdoc/>
    public string Title => "Distribution of relaxation times of the Li‖Li spectra after 200 h: ridge regression with γ ≥ 0, λ by GCV, L₀ left out (DistributionOfRelaxationTimes.Compute), peak areas split at the valleys (DrtPeaks.Find), compared with the circuit fit above";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data) =>
    [
        .. Rows(ReferenceStudy.BasePta, data.BasePtaLiLiSpectrum, data.LiLiFit(data.BasePtaLiLiSpectrum), null, ReferenceStudy.BasePtaInterfaceResistance),
        .. Rows(ReferenceStudy.IspnPta, data.IspnPtaLiLiSpectrum, data.LiLiFit(data.IspnPtaLiLiSpectrum), ReferenceStudy.IspnPtaSeiResistance, ReferenceStudy.IspnPtaInterfaceResistance),
    ];

    /// <inheritdoc/>
    public ImmutableArray<DemoFigure> Figures(DemoData data) =>
    [
        .. new[] { (ReferenceStudy.BasePta, data.BasePtaLiLiSpectrum), (ReferenceStudy.IspnPta, data.IspnPtaLiLiSpectrum) }.Select(m =>
        {
            ImpedanceSpectrum spectrum = m.Item2.Spectrum;
            DrtResult drt = DistributionOfRelaxationTimes.Compute(spectrum, Options);
            return new DemoFigure($"{m.Item1} Li‖Li after 200 h: γ(τ) with its two peaks (areas in Ω): the SEI at short τ, charge transfer at long τ.", DrtFigures.Distribution(drt, (spectrum.MinimumFrequency, spectrum.MaximumFrequency), DrtPeaks.Find(drt)));
        }),
    ];

    private static IEnumerable<DemoRow> Rows(string material, ImpedanceData data, FitResult<CircuitModel> fit, PaperValue? sei, PaperValue interfaceResistance)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        DrtResult drt = DistributionOfRelaxationTimes.Compute(data.Spectrum, Options);
        DrtPeaksResult peaks = DrtPeaks.Find(drt);
        string settings = string.Create(invariant, $"λ = {Numbers.Significant(drt.Lambda, 3)} by GCV; {peaks.Peaks.Length} peak{(peaks.Peaks.Length == 1 ? string.Empty : "s")} above 10 % of the highest");
        yield return new DemoRow("processes found by the DRT", material, peaks.Peaks.Length.ToString(invariant), "2 (SEI and charge transfer)", settings);
        if (peaks.Peaks.Length < 2)
        {
            yield break;
        }

        DrtPeak short1 = peaks.Peaks[0];
        DrtPeak long1 = peaks.Peaks[^1];
        yield return new DemoRow(
            "R_SEI = area of the short-τ peak",
            material,
            string.Create(invariant, $"{Numbers.Significant(short1.Area, 4)} Ω at τ = {Numbers.Significant(short1.Tau, 3)} s ({Numbers.Significant(short1.Frequency, 3)} Hz)"),
            sei?.Text ?? "not reported",
            string.Create(invariant, $"circuit R1 = {Numbers.Estimate(fit["R1"], fit.ConfidenceLevel, "Ω")}{(sei is null ? $"; generated with {DemoDataGenerator.BasePtaSeiResistance} Ω (chosen split)" : string.Empty)}{(short1.AreaIsResistance ? string.Empty : "; the peak overlaps its neighbour: the area is not a resistance")}"));
        string impliedCt = sei is null ? "not reported" : string.Create(invariant, $"not reported ({interfaceResistance.Value - sei.Value:0.00} Ω implied)");
        yield return new DemoRow(
            "R_ct = area of the long-τ peak",
            material,
            string.Create(invariant, $"{Numbers.Significant(long1.Area, 4)} Ω at τ = {Numbers.Significant(long1.Tau, 3)} s ({Numbers.Significant(long1.Frequency, 3)} Hz)"),
            impliedCt,
            string.Create(invariant, $"circuit R2 = {Numbers.Estimate(fit["R2"], fit.ConfidenceLevel, "Ω")}"));
        yield return new DemoRow(
            "R_∞ and R_pol of the DRT",
            material,
            string.Create(invariant, $"R_∞ = {Numbers.Significant(drt.SeriesResistance ?? double.NaN, 4)} Ω, R_pol = {Numbers.Significant(drt.PolarizationResistance, 4)} Ω"),
            interfaceResistance.Text + " (R_SEI + R_ct)",
            string.Create(invariant, $"circuit R0 = {Numbers.Estimate(fit["R0"], fit.ConfidenceLevel, "Ω")}; fitting an inductance the data do not hold lets jωL₀ trade with γ's short-τ tail and moves ~8 Ω of R_∞ into the SEI peak (ISPN-PTA)"));
    }
}
