using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Cli.Formatting;
using Electrochem.Fitting;
using Electrochem.Impedance;
using Electrochem.Impedance.Drt;

namespace Electrochem.Cli.Impedance;

/// <summary>
/// The one-table reports of <c>eis show|kk|fit|drt</c> over several spectra (several files, directories, or the sweeps of a
/// multi-sweep file): a row per spectrum with its file, sweep, points, frequency range, start time and DC levels, then
/// the analysis' columns; files or sweeps that could not be used are listed after the table with their reason.
/// </summary>
internal static class EisBatchReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The result of one spectrum's analysis, or why it has none.</summary>
    internal sealed record Outcome<T>(SelectedSpectrum Spectrum, T? Result, string? Problem)
        where T : class;

    /// <summary>The spectra as a table, without analysis.</summary>
    internal static string ShowText(SpectrumArguments.Selection selection)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"{selection.Spectra.Count} spectr{(selection.Spectra.Count == 1 ? "um" : "a")} in {selection.Spectra.Select(s => s.Data.SourceName).Distinct().Count()} file(s)\n\n");
        var table = new TextTable([.. CommonHeader, "format", "warnings"]);
        foreach (SelectedSpectrum s in selection.Spectra)
        {
            table.Add([.. CommonCells(s), s.Data.FormatName, s.Data.Warnings.Length.ToString(Invariant)]);
        }

        table.AppendTo(text);
        AppendProblems(text, selection.Problems);
        return text.ToString();
    }

    /// <summary>The spectra as one JSON document.</summary>
    internal static string ShowJson(SpectrumArguments.Selection selection) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("command", "eis show");
        json.WriteStartArray("spectra");
        foreach (SelectedSpectrum s in selection.Spectra)
        {
            json.WriteStartObject();
            WriteCommon(json, s);
            json.WriteString("format", s.Data.FormatName);
            JsonOutput.StringArray(json, "warnings", s.Data.Warnings);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteProblems(json, selection.Problems);
        json.WriteEndObject();
    });

    /// <summary>Lin-KK results as a table.</summary>
    internal static string KramersKronigText(IReadOnlyList<Outcome<LinearKramersKronigResult>> outcomes, IReadOnlyList<string> problems, LinearKramersKronigOptions options)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Lin-KK test (Schönleber et al. 2014) of {outcomes.Count} spectr{(outcomes.Count == 1 ? "um" : "a")}; fitted part: {options.Part}; ");
        text.Append(Invariant, $"M chosen {EisKramersKronigReport.Selection(options)}\n\n");
        var table = new TextTable([.. CommonHeader, "M", "μ", "max |Δ| (% of |Z|)", "pseudo-χ²", "verdict"]);
        foreach (Outcome<LinearKramersKronigResult> o in outcomes)
        {
            table.Add(o.Result is { } kk
                ? [.. CommonCells(o.Spectrum), kk.ElementCount.ToString(Invariant), kk.Mu.ToString("0.000", Invariant), (100 * kk.MaximumAbsoluteResidual).ToString("0.00", Invariant), Numbers.Significant(kk.PseudoChiSquare, 3), kk.Verdict.Passed ? "pass" : "FAIL"]
                : [.. CommonCells(o.Spectrum), "—", "—", "—", "—", "not tested"]);
        }

        table.AppendTo(text);
        AppendProblems(text, [.. problems, .. outcomes.Where(o => o.Problem is not null).Select(o => $"{o.Spectrum.Label}: {o.Problem}")]);
        return text.ToString();
    }

    /// <summary>Lin-KK results as one JSON document.</summary>
    internal static string KramersKronigJson(IReadOnlyList<Outcome<LinearKramersKronigResult>> outcomes, IReadOnlyList<string> problems, LinearKramersKronigOptions options) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("command", "eis kk");
        json.WriteString("part", options.Part.ToString());
        json.WriteString("selection", options.Selection.ToString());
        JsonOutput.NumberOrNull(json, "cutoff", options.Selection == KramersKronigSelection.MuCriterion ? options.Cutoff : null);
        WriteSpectra(json, outcomes, problems, kk =>
        {
            json.WriteNumber("elementCount", kk.ElementCount);
            json.WriteBoolean("passed", kk.Verdict.Passed);
            json.WriteString("verdict", kk.Verdict.Reason);
            JsonOutput.Number(json, "mu", kk.Mu);
            JsonOutput.Number(json, "maximumAbsoluteResidual", kk.MaximumAbsoluteResidual);
            JsonOutput.Number(json, "pseudoChiSquare", kk.PseudoChiSquare);
            JsonOutput.NumberArray(json, "residualsReal", kk.ResidualsReal);
            JsonOutput.NumberArray(json, "residualsImaginary", kk.ResidualsImaginary);
        });
        json.WriteEndObject();
    });

    /// <summary>Circuit fits as a table: status, χ²/ν and every parameter's value ± SE.</summary>
    internal static string FitText(Circuit circuit, IReadOnlyList<Outcome<FitResult<CircuitModel>>> outcomes, IReadOnlyList<string> problems, CircuitFitOptions options, bool warmStart)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Equivalent-circuit fits of {circuit} to {outcomes.Count} spectr{(outcomes.Count == 1 ? "um" : "a")}; weighting {options.Weighting}; {(warmStart ? "each started from its predecessor's result" : "each from its automatic start")}; value ± SE\n\n");
        var table = new TextTable([.. CommonHeader, "status", "χ²/ν", .. circuit.Parameters.Select(p => p.Unit.Length == 0 ? $"{p.Name} = {p.Definition.Symbol}" : $"{p.Name} = {p.Definition.Symbol} ({p.Unit})")]);
        foreach (Outcome<FitResult<CircuitModel>> o in outcomes)
        {
            if (o.Result is { } fit)
            {
                table.Add([.. CommonCells(o.Spectrum), fit.Status.ToString(), Numbers.Significant(fit.Statistics.ReducedChiSquare, 3),
                    .. fit.Parameters.Select(p => p.IsFixed ? Numbers.Significant(p.Value, 5) + " (fixed)" : Numbers.WithUncertainty(p.Value, p.StandardError))]);
            }
            else
            {
                table.Add([.. CommonCells(o.Spectrum), "not fitted", "—", .. circuit.Parameters.Select(_ => "—")]);
            }
        }

        table.AppendTo(text);
        string[] unconverged = [.. outcomes.Where(o => o.Result is { Converged: false }).Select(o => $"  {o.Spectrum.Label}: {o.Result!.StatusReason}")];
        if (unconverged.Length > 0)
        {
            text.Append(Invariant, $"\nNot converged ({unconverged.Length}):\n").AppendJoin('\n', unconverged).Append('\n');
        }

        AppendProblems(text, [.. problems, .. outcomes.Where(o => o.Problem is not null).Select(o => $"{o.Spectrum.Label}: {o.Problem}")]);
        return text.ToString();
    }

    /// <summary>Circuit fits as one JSON document, each fit as the core's own fit JSON.</summary>
    internal static string FitJson(Circuit circuit, IReadOnlyList<Outcome<FitResult<CircuitModel>>> outcomes, IReadOnlyList<string> problems, CircuitFitOptions options, bool warmStart) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("command", "eis fit");
        json.WriteString("circuit", circuit.ToString());
        json.WriteString("weighting", options.Weighting.ToString());
        json.WriteBoolean("warmStart", warmStart);
        WriteSpectra(json, outcomes, problems, fit => JsonOutput.Fit(json, "fit", fit));
        json.WriteEndObject();
    });

    /// <summary>
    /// Circuit fits as a result table, a row per spectrum: the common columns (<see cref="Table{T}"/>), then
    /// <c>status,reduced_chi_square</c>, <c>NAME_UNIT</c> and <c>NAME_se_UNIT</c> for every parameter, and <c>problem</c>.
    /// </summary>
    internal static ResultTable FitTable(Circuit circuit, IReadOnlyList<Outcome<FitResult<CircuitModel>>> outcomes) =>
        Table(
            [("status", string.Empty, true), ("reduced_chi_square", string.Empty, false),
                .. circuit.Parameters.SelectMany(p => new[] { (p.Name + CsvUnit(p.Unit), p.Unit, false), (p.Name + "_se" + CsvUnit(p.Unit), p.Unit, false) })],
            outcomes,
            fit => fit is null
                ? ["NotFitted", null, .. circuit.Parameters.SelectMany(_ => new object?[] { null, null })]
                : [fit.Status.ToString(), fit.Statistics.ReducedChiSquare, .. fit.Parameters.SelectMany(p => new object?[] { p.Value, p.StandardError })]);

    /// <summary>Lin-KK results as a result table: the common columns, then <c>element_count,mu,max_abs_residual,pseudo_chi_square,passed,problem</c>.</summary>
    internal static ResultTable KramersKronigTable(IReadOnlyList<Outcome<LinearKramersKronigResult>> outcomes) =>
        Table(
            [("element_count", string.Empty, false), ("mu", string.Empty, false), ("max_abs_residual", string.Empty, false), ("pseudo_chi_square", string.Empty, false), ("passed", string.Empty, true)],
            outcomes,
            kk => kk is null ? [null, null, null, null, string.Empty] : [(double)kk.ElementCount, kk.Mu, kk.MaximumAbsoluteResidual, kk.PseudoChiSquare, kk.Verdict.Passed ? "true" : "false"]);

    /// <summary>DRTs as a table: λ, R_∞, R_pol, the estimated noise, the largest residual and the highest γ.</summary>
    internal static string DrtText(IReadOnlyList<Outcome<DrtAnalysis>> outcomes, IReadOnlyList<string> problems, DrtOptions options)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Distributions of relaxation times of {outcomes.Count} spectr{(outcomes.Count == 1 ? "um" : "a")}: {EisDrtReport.Settings(options)}; λ {(options.Lambda is { } l ? "= " + Numbers.Significant(l, 4) : "by " + EisDrtReport.Words(options.Criterion))}; τ = 1/(2πf)\n\n");
        var table = new TextTable([.. CommonHeader, "λ", "R_∞ (Ω)", "R_pol (Ω)", "σ̂ (Ω)", "max |Δ| (% of |Z|)", "peaks: τ (s) → area (Ω)"]);
        foreach (Outcome<DrtAnalysis> o in outcomes)
        {
            if (o.Result is { Drt: var drt } analysis)
            {
                double largest = Math.Max(drt.RelativeResidualsReal.Max(Math.Abs), drt.RelativeResidualsImaginary.Max(Math.Abs));
                string peaks = string.Join("; ", analysis.Peaks.Peaks.Select(p => $"{Numbers.Significant(p.Tau, 3)} → {Numbers.Significant(p.Area, 4)}{(p.AreaIsResistance ? string.Empty : "*")}"));
                table.Add([.. CommonCells(o.Spectrum), Numbers.Significant(drt.Lambda, 3), drt.SeriesResistance is { } r ? Numbers.Significant(r, 5) : "—",
                    Numbers.Significant(drt.PolarizationResistance, 5), Numbers.Significant(drt.NoiseStandardDeviation, 3), (100 * largest).ToString("0.00", Invariant), peaks.Length == 0 ? "none" : peaks]);
            }
            else
            {
                table.Add([.. CommonCells(o.Spectrum), "—", "—", "—", "—", "—", "—"]);
            }
        }

        table.AppendTo(text);
        if (outcomes.Any(o => o.Result is { } a && a.Peaks.Peaks.Any(p => !p.AreaIsResistance)))
        {
            text.Append("* the area is not the process's resistance: the peak overlaps a neighbour or reaches the grid's end (see the warnings)\n");
        }

        string[] warnings = [.. outcomes.Where(o => o.Result is not null)
            .SelectMany(o => o.Result!.Drt.Warnings.Concat(o.Result.Peaks.Warnings).Concat(o.Result.Drt.Converged ? [] : ["the non-negative solve did not converge"]).Select(w => $"  {o.Spectrum.Label}: {w}"))];
        if (warnings.Length > 0)
        {
            text.Append(Invariant, $"\nWarnings ({warnings.Length}):\n").AppendJoin('\n', warnings).Append('\n');
        }

        AppendProblems(text, [.. problems, .. outcomes.Where(o => o.Problem is not null).Select(o => $"{o.Spectrum.Label}: {o.Problem}")]);
        return text.ToString();
    }

    /// <summary>DRTs as one JSON document, each as the single-spectrum report's result properties.</summary>
    internal static string DrtJson(IReadOnlyList<Outcome<DrtAnalysis>> outcomes, IReadOnlyList<string> problems, DrtOptions options) => JsonOutput.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("command", "eis drt");
        EisDrtReport.WriteOptions(json, options);
        WriteSpectra(json, outcomes, problems, analysis =>
        {
            EisDrtReport.WriteResult(json, analysis);
        });
        json.WriteEndObject();
    });

    /// <summary>How many peaks the result table gives columns for (in ascending τ); the JSON has them all.</summary>
    internal const int DrtTablePeaks = 4;

    /// <summary>
    /// DRTs as a result table: the common columns, then <c>lambda,criterion,r_inf_Ohm,l0_H,r_pol_Ohm,noise_Ohm,max_abs_residual,converged,peak_count</c>
    /// and, for the first <see cref="DrtTablePeaks"/> peaks in ascending τ, <c>peakK_tau_s,peakK_area_Ohm,peakK_area_is_resistance</c>, then <c>problem</c>.
    /// </summary>
    internal static ResultTable DrtTable(IReadOnlyList<Outcome<DrtAnalysis>> outcomes) =>
        Table(
            [("lambda", string.Empty, false), ("criterion", string.Empty, true), ("r_inf_Ohm", "Ω", false), ("l0_H", "H", false), ("r_pol_Ohm", "Ω", false),
                ("noise_Ohm", "Ω", false), ("max_abs_residual", string.Empty, false), ("converged", string.Empty, true), ("peak_count", string.Empty, false),
                .. Enumerable.Range(1, DrtTablePeaks).SelectMany(k => new[] { ($"peak{k}_tau_s", "s", false), ($"peak{k}_area_Ohm", "Ω", false), ($"peak{k}_area_is_resistance", string.Empty, true) })],
            outcomes,
            analysis =>
            {
                if (analysis is null)
                {
                    return [null, string.Empty, null, null, null, null, null, string.Empty, null, .. Enumerable.Range(0, DrtTablePeaks).SelectMany(_ => new object?[] { null, null, string.Empty })];
                }

                DrtResult drt = analysis.Drt;
                ImmutableArray<DrtPeak> peaks = analysis.Peaks.Peaks;
                return [drt.Lambda, drt.Criterion?.ToString() ?? "given", drt.SeriesResistance, drt.Inductance, drt.PolarizationResistance, drt.NoiseStandardDeviation,
                    Math.Max(drt.RelativeResidualsReal.Max(Math.Abs), drt.RelativeResidualsImaginary.Max(Math.Abs)), drt.Converged ? "true" : "false", (double)peaks.Length,
                    .. Enumerable.Range(0, DrtTablePeaks).SelectMany(k => k < peaks.Length
                        ? new object?[] { peaks[k].Tau, peaks[k].Area, peaks[k].AreaIsResistance ? "true" : "false" }
                        : new object?[] { null, null, string.Empty })];
            });

    /// <summary>The Parquet file metadata of a result table: the command and its settings.</summary>
    internal static Dictionary<string, string> Metadata(string command, params (string Key, string Value)[] settings)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["electrochem.command"] = command };
        foreach ((string key, string value) in settings)
        {
            metadata["electrochem." + key] = value;
        }

        return metadata;
    }

    /// <summary>
    /// A result table with a row per spectrum: <c>file,spectrum,points,fmin_Hz,fmax_Hz,start_time_s,dc_potential_V,dc_current_A,cycle</c>,
    /// the analysis' columns, and <c>problem</c>.
    /// </summary>
    private static ResultTable Table<T>(IReadOnlyList<(string Name, string Unit, bool IsText)> columns, IEnumerable<Outcome<T>> outcomes, Func<T?, object?[]> cells)
        where T : class
    {
        var table = new ResultTable(
        [
            ("file", string.Empty, true), ("spectrum", string.Empty, false), ("points", string.Empty, false), ("fmin_Hz", "Hz", false), ("fmax_Hz", "Hz", false),
            ("start_time_s", "s", false), ("dc_potential_V", "V", false), ("dc_current_A", "A", false), ("cycle", string.Empty, false),
            .. columns, ("problem", string.Empty, true),
        ]);
        foreach (Outcome<T> o in outcomes)
        {
            SelectedSpectrum s = o.Spectrum;
            table.Add([s.Data.SourceName, (double)s.Sweep.Index, (double)s.Spectrum.Count, s.Spectrum.MinimumFrequency, s.Spectrum.MaximumFrequency,
                s.Sweep.StartTime, s.Sweep.DcPotential, s.Sweep.DcCurrent, s.Sweep.Cycle, .. cells(o.Result), o.Problem ?? string.Empty]);
        }

        return table;
    }

    private static readonly string[] CommonHeader = ["spectrum", "points", "f range (Hz)", "t₀ (s)", "E (V)", "I (A)"];

    private static string[] CommonCells(SelectedSpectrum s) =>
    [
        s.Label,
        s.CroppedCount > 0 ? string.Create(Invariant, $"{s.Spectrum.Count} of {s.Sweep.Spectrum.Count}") : s.Spectrum.Count.ToString(Invariant),
        $"{Numbers.Significant(s.Spectrum.MinimumFrequency, 4)}–{Numbers.Significant(s.Spectrum.MaximumFrequency, 4)}",
        s.Sweep.StartTime is { } t ? Numbers.Significant(t, 6) : "—",
        s.Sweep.DcPotential is { } e ? Numbers.Significant(e, 5) : "—",
        s.Sweep.DcCurrent is { } i ? Numbers.Significant(i, 4) : "—",
    ];

    private static void WriteCommon(Utf8JsonWriter json, SelectedSpectrum s)
    {
        json.WriteString("file", s.Data.SourceName);
        json.WriteNumber("spectrum", s.Sweep.Index);
        json.WriteNumber("pointCount", s.Spectrum.Count);
        json.WriteNumber("sweepPointCount", s.Sweep.Spectrum.Count);
        JsonOutput.Number(json, "minimumFrequencyHertz", s.Spectrum.MinimumFrequency);
        JsonOutput.Number(json, "maximumFrequencyHertz", s.Spectrum.MaximumFrequency);
        JsonOutput.NumberOrNull(json, "startTimeSecond", s.Sweep.StartTime);
        JsonOutput.NumberOrNull(json, "dcPotentialVolt", s.Sweep.DcPotential);
        JsonOutput.NumberOrNull(json, "dcCurrentAmpere", s.Sweep.DcCurrent);
        JsonOutput.NumberOrNull(json, "cycle", s.Sweep.Cycle);
    }

    private static void WriteProblems(Utf8JsonWriter json, IReadOnlyList<string> problems) => JsonOutput.StringArray(json, "failed", problems);

    /// <summary>The <c>spectra</c> array (each spectrum's common properties, then its result or its problem) and the <c>failed</c> list.</summary>
    private static void WriteSpectra<T>(Utf8JsonWriter json, IReadOnlyList<Outcome<T>> outcomes, IReadOnlyList<string> problems, Action<T> writeResult)
        where T : class
    {
        json.WriteStartArray("spectra");
        foreach (Outcome<T> o in outcomes)
        {
            json.WriteStartObject();
            WriteCommon(json, o.Spectrum);
            if (o.Result is { } result)
            {
                writeResult(result);
            }
            else
            {
                json.WriteString("problem", o.Problem);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteProblems(json, problems);
    }

    private static void AppendProblems(StringBuilder text, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        text.Append(Invariant, $"\nNot analysed ({problems.Count}):\n");
        foreach (string problem in problems)
        {
            text.Append(Invariant, $"  {problem.ReplaceLineEndings(" ")}\n");
        }
    }

    private static string CsvUnit(string unit) => unit.Length == 0 ? string.Empty : "_" + unit.Replace("Ω", "Ohm", StringComparison.Ordinal).Replace("·", string.Empty, StringComparison.Ordinal).Replace(' ', '_').Replace("α", "alpha", StringComparison.Ordinal);
}
