using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Cli.Formatting;
using Electrochem.Cli.Transference;
using Electrochem.IO.Tables;
using Electrochem.IO.Transport;
using Electrochem.Plotting.Transport;
using Electrochem.Transport;

namespace Electrochem.Cli.Demo.Sections;

/// <summary>
/// Li⁺ transference number of both electrolytes by Bruce–Vincent from Li‖Li chronoamperometry at ΔV = 10 mV with
/// resistances before and at steady state — the same pipeline as
/// <c>electrochem transference FILE --dv … --r0 … --rss … --rb0 … --rbss …</c>.
/// </summary>
internal sealed class TransferenceNumberSection : IDemoSection
{
    /// <inheritdoc/>
    public string Title => "Li⁺ transference number, Li‖Li at ΔV = 10 mV: Bruce–Vincent (BruceVincent.Analyze; ± standard uncertainty, k = 2 interval)";

    /// <inheritdoc/>
    public ImmutableArray<DemoRow> Run(DemoData data) =>
    [
        .. Rows(ReferenceStudy.BasePta, data.BasePtaTrace, data.PolarisationResistances, 0, ReferenceStudy.BasePtaTransferenceNumber),
        .. Rows(ReferenceStudy.IspnPta, data.IspnPtaTrace, data.PolarisationResistances, 1, ReferenceStudy.IspnPtaTransferenceNumber),
    ];

    /// <inheritdoc/>
    public ImmutableArray<DemoFigure> Figures(DemoData data) =>
    [
        .. new[] { (ReferenceStudy.BasePta, data.BasePtaTrace, 0.0), (ReferenceStudy.IspnPta, data.IspnPtaTrace, 1.0) }.Select(m =>
            new DemoFigure($"{m.Item1}: the polarisation current, I₀, the steady-state window and I_ss the transference number is read from.",
                TransferenceFigures.Chronoamperometry(TransferenceReport.Create(m.Item2, Request(m.Item2, data.PolarisationResistances, m.Item3)).Result, m.Item2.TimeSeconds.AsSpan(), m.Item2.CurrentAmperes.AsSpan()))),
    ];

    private static TransferenceRequest Request(ChronoamperometryTable trace, DelimitedTable resistances, double loading)
    {
        int row = resistances.GetColumn("loading").Values.IndexOf(loading);
        Measurement Value(string name) => new(resistances.GetColumn(name).Values[row], resistances.GetColumn("u_" + name).Values[row]);
        return new TransferenceRequest(trace.SourceName, Value("dV"), Value("R_i0"), Value("R_iss"), Value("R_b0"), Value("R_bss"), false, []);
    }

    private static IEnumerable<DemoRow> Rows(string material, ChronoamperometryTable trace, DelimitedTable resistances, double loading, PaperValue paper)
    {
        TransferenceRequest request = Request(trace, resistances, loading);
        var report = TransferenceReport.Create(trace, request);
        BruceVincentResult r = report.Result;
        string warnings = report.Warnings.IsEmpty ? "none" : string.Join(", ", report.Warnings.Select(w => w.Kind.ToString()));
        string inputs = string.Create(
            CultureInfo.InvariantCulture,
            $"R_b {request.BulkResistanceInitial!.Value.Value:0}→{request.BulkResistanceSteadyState!.Value.Value:0} Ω, R_i {request.InterfacialResistanceInitial.Value:0}→{request.InterfacialResistanceSteadyState.Value:0} Ω (u 1 %)");
        yield return new DemoRow(
            "t₊ (Bruce–Vincent)",
            material,
            $"{TransferenceReport.Text(r.TransferenceNumber)}, k = 2 interval {TransferenceReport.IntervalText(r.TransferenceNumber)}",
            paper.Text,
            $"{inputs}; I₀ by {report.InitialCurrentMethodText}, I_ss {report.SteadyStateMethodText}; warnings: {warnings}");
        yield return new DemoRow(
            "t₊ variants",
            material,
            $"Abraham {TransferenceReport.Text(r.AbrahamTransferenceNumber)}, Watanabe {TransferenceReport.Text(r.WatanabeTransferenceNumber)}",
            "not reported",
            $"R_b drifted, so Bruce–Vincent is low by R_b,0/R_b,ss and Abraham corrects it; I_ss/I₀ = {TransferenceReport.Text(r.CurrentRatio)} is not t₊");
    }
}
