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
    /// <summary>The μ cutoff used: Schönleber's default 0.85 stops too early on these two-arc spectra (shown in the note).</summary>
    internal const double Cutoff = 0.5;

    /// <summary>The Lin-KK row of one spectrum.</summary>
    /// <param name="material">The electrolyte.</param>
    /// <param name="data">The spectrum as read.</param>
    /// <param name="seriesCapacitance">Add a series capacitance (blocking electrodes: no low-frequency intercept).</param>
    internal static DemoRow Row(string material, ImpedanceData data, bool seriesCapacitance)
    {
        var options = LinearKramersKronigOptions.Default with { Cutoff = Cutoff, IncludeSeriesCapacitance = seriesCapacitance };
        LinearKramersKronigResult kk = LinearKramersKronig.Test(data.Spectrum, options);
        LinearKramersKronigResult usual = LinearKramersKronig.Test(data.Spectrum, LinearKramersKronigOptions.Default with { IncludeSeriesCapacitance = seriesCapacitance });
        ImpedanceSpectrum spectrum = data.Spectrum;
        return new DemoRow(
            "Lin-KK check (before fitting)",
            material,
            string.Create(CultureInfo.InvariantCulture, $"M = {kk.ElementCount}, μ = {kk.Mu:0.00}, max |Δ| = {Numbers.Percent(kk.MaximumAbsoluteResidual)} of |Z|"),
            "not reported",
            string.Create(CultureInfo.InvariantCulture, $"{data.SourceName}: {spectrum.Count} points, {Numbers.Significant(spectrum.MinimumFrequency, 2)}–{Numbers.Significant(spectrum.MaximumFrequency, 2)} Hz; c = {options.Cutoff}, {kk.Part} part{(seriesCapacitance ? ", series C" : string.Empty)}; noise put in: {Numbers.Percent(DemoDataGenerator.SpectrumNoise)} of |Z| per part; the default c = {LinearKramersKronigOptions.Default.Cutoff} stops at M = {usual.ElementCount}, max |Δ| = {Numbers.Percent(usual.MaximumAbsoluteResidual)}"));
    }
}
