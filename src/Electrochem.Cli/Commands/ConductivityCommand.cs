using System.CommandLine;
using Electrochem.Cli.Conductivity;
using Electrochem.Cli.Formatting;
using Electrochem.IO.Transport;
using Electrochem.Plotting.Transport;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem conductivity arrhenius|vtf|compare FILE [--form sigma|sigmaT] [--temperature-unit K|C]
/// [--level 0.95] [--json] [--plot FILE.png|FILE.svg]</c>.
/// </summary>
internal static class ConductivityCommand
{
    /// <summary>Builds the <c>conductivity</c> command and its subcommands, writing to the given writers.</summary>
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("conductivity", "Ionic conductivity against temperature: Arrhenius and VTF fits with uncertainties, and their comparison.");
        command.Subcommands.Add(Subcommand(
            "arrhenius",
            "Fit σ = A·exp(−Ea/(k_B·T)) (or σ·T with --form sigmaT): Ea in eV and kJ/mol and A, each with SE and confidence interval.",
            withForm: true,
            "the Arrhenius plot (σ, or σ·T, against 1000/T with the fit, its confidence band and Ea)",
            stdout,
            stderr,
            (request, data, plot) =>
            {
                var fit = ArrheniusReport.Fit(data, request.Form, request.Level);
                PlotOutput.Write(plot, () => ArrheniusFigures.Arrhenius(data.TemperatureKelvin.AsSpan(), data.Conductivity.AsSpan(), fit, Unit(data)));
                return request.Json ? ArrheniusReport.Json(data, fit) : ArrheniusReport.Text(data, fit);
            }));
        command.Subcommands.Add(Subcommand(
            "vtf",
            "Fit σ = A·T^(−1/2)·exp(−B/(T − T₀)) (Vogel–Tammann–Fulcher): pseudo-activation energy, T₀ and A with SE and confidence intervals.",
            withForm: false,
            "the VTF fit on Arrhenius axes (σ against 1000/T with its confidence band, B and T₀)",
            stdout,
            stderr,
            (request, data, plot) =>
            {
                var fit = VtfReport.Fit(data, request.Level);
                PlotOutput.Write(plot, () => ArrheniusFigures.Vtf(data.TemperatureKelvin.AsSpan(), data.Conductivity.AsSpan(), fit, Unit(data)));
                return request.Json ? VtfReport.Json(data, fit) : VtfReport.Text(data, fit);
            }));
        command.Subcommands.Add(Subcommand(
            "compare",
            "Fit Arrhenius (σ form) and VTF and compare them by AICc and Akaike weights (needs at least 6 points).",
            withForm: false,
            "both fits on Arrhenius axes (Arrhenius and VTF with their bands, Akaike weights and ΔAICc)",
            stdout,
            stderr,
            (request, data, plot) =>
            {
                var report = ComparisonReport.Create(data, request.Level);
                PlotOutput.Write(plot, () => ArrheniusFigures.Arrhenius(data.TemperatureKelvin.AsSpan(), data.Conductivity.AsSpan(), report.Comparison, Unit(data)));
                return request.Json ? report.Json(data) : report.Text(data);
            }));
        return command;
    }

    private static Command Subcommand(string name, string description, bool withForm, string figure, TextWriter stdout, TextWriter stderr, Func<ConductivityRequest, ConductivityTable, string?, string> analyse)
    {
        var command = new Command(name, description);
        var options = new ConductivityOptions(withForm);
        options.AddTo(command);
        Option<string?> plot = PlotOutput.Single(figure);
        command.Options.Add(plot);
        command.SetAction(parse =>
        {
            ConductivityRequest? request = null;
            int exit = CommandExecution.Run(stdout, stderr, null, _ =>
            {
                request = options.Read(parse);
                PlotOutput.Validate(parse.GetValue(plot));
            });
            return exit != 0 ? exit : CommandExecution.Run(stdout, stderr, request!.File, output => output.Append(analyse(request, request.ReadTable(), parse.GetValue(plot))));
        });
        return command;
    }

    /// <summary>σ's unit as the file's header gives it, for the figure's axis.</summary>
    private static string Unit(ConductivityTable data) => data.ConductivityUnit ?? "unit not given";
}
