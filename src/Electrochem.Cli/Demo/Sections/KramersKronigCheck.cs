using System.Globalization;
using Electrochem.Cli.Formatting;
using Electrochem.Impedance;
using Electrochem.IO.Impedance;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>
/// The demo row that shows a spectrum was checked before it was fitted: the Lin-KK test (<see cref="LinearKramersKronig"/>,
/// the same as <c>electrochem eis kk</c>) with its M, μ and largest residual.
/// </summary>
internal static class KramersKronigCheck
{
    /// <summary>The Lin-KK row of one spectrum: the default (automatic M, with its verdict), and what impedance.py's μ criterion (c = 0.85) gives.</summary>
    /// <param name="material">The electrolyte.</param>
    /// <param name="data">The spectrum as read.</param>
    /// <param name="seriesCapacitance">Always add a series capacitance (blocking electrodes: no low-frequency intercept).</param>
    internal static DemoRow Row(string material, ImpedanceData data, bool seriesCapacitance)
    {
        var options = LinearKramersKronigOptions.Default with { IncludeSeriesCapacitance = seriesCapacitance };
        LinearKramersKronigResult kk = LinearKramersKronig.Test(data.Spectrum, options);
        LinearKramersKronigResult mu = LinearKramersKronig.Test(data.Spectrum, options with { Selection = KramersKronigSelection.MuCriterion });
        ImpedanceSpectrum spectrum = data.Spectrum;
        return new DemoRow(
            "Lin-KK check (before fitting)",
            material,
            string.Create(CultureInfo.InvariantCulture, $"{(kk.Verdict.Passed ? "pass" : "FAIL")}: M = {kk.ElementCount}, max |Δ| = {Numbers.Percent(kk.MaximumAbsoluteResidual)} of |Z|"),
            "not reported",
            string.Create(CultureInfo.InvariantCulture, $"{data.SourceName}: {spectrum.Count} points, {Numbers.Significant(spectrum.MinimumFrequency, 2)}–{Numbers.Significant(spectrum.MaximumFrequency, 2)} Hz; automatic M, {kk.Part} part{(kk.SeriesCapacitance is null ? string.Empty : ", series C")}; {kk.Verdict.Reason}; noise put in: {Numbers.Percent(DemoDataGenerator.SpectrumNoise)} of |Z| per part; impedance.py's μ criterion (c = {LinearKramersKronigOptions.Default.Cutoff}) stops at M = {mu.ElementCount}, max |Δ| = {Numbers.Percent(mu.MaximumAbsoluteResidual)}"));
    }
}
