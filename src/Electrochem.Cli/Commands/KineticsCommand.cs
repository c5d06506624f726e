using System.CommandLine;
using Electrochem.Cli.Formatting;
using Electrochem.Cli.Kinetics;
using Electrochem.Fitting;
using Electrochem.Kinetics;
using Electrochem.Plotting.Kinetics;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem kinetics tafel|bv FILE --geometry electrode|cell [--temperature K] [--electrons n] [--area cm2]
/// [--current-unit U] [--e-eq V] [--json]</c>, with <c>--region-anodic a:b --region-cathodic a:b</c> for Tafel and
/// <c>--fit-limiting-currents</c>, <c>--alpha α</c>, <c>--fit-alpha</c> for the whole-curve fit; both take
/// <c>--plot FILE.png|FILE.svg</c>.
/// </summary>
internal static class KineticsCommand
{
    /// <summary>Builds the <c>kinetics</c> command and its subcommands, writing to the given writers.</summary>
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("kinetics", "Electrode kinetics from polarisation curves: Tafel analysis and Butler–Volmer / symmetric-cell fits, for one electrode or a symmetric (Li‖Li) cell.");
        command.Subcommands.Add(Tafel(stdout, stderr));
        command.Subcommands.Add(ButlerVolmerFit(stdout, stderr));
        return command;
    }

    private static Command Tafel(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("tafel", "Tafel analysis: the linear region of log10|i| on each branch (automatic, or by hand), Tafel slopes in mV/decade, α and i₀ per branch and combined, with confidence intervals.");
        var options = new KineticsOptions();
        options.AddTo(command);
        Option<string?> anodic = KineticsOptions.RegionOption("--region-anodic", "anodic");
        Option<string?> cathodic = KineticsOptions.RegionOption("--region-cathodic", "cathodic");
        Option<string?> plot = PlotOutput.Single("the Tafel plot (log10|i| against η with the regions shaded, the lines and i₀ at η = 0)");
        command.Options.Add(anodic);
        command.Options.Add(cathodic);
        command.Options.Add(plot);
        options.AddValidators(command);
        command.SetAction(parse =>
        {
            KineticsRequest? parsed = null;
            int exit = CommandExecution.Run(stdout, stderr, null, _ =>
            {
                parsed = options.Read(parse);
                PlotOutput.Validate(parse.GetValue(plot));
            });
            if (exit != 0)
            {
                return exit;
            }

            KineticsRequest request = parsed!;
            return CommandExecution.Run(stdout, stderr, request.File, output =>
            {
                PolarizationCurve curve = request.ReadCurve();
                TafelResult result = TafelReport.Analyze(curve, request, KineticsOptions.ParseRange(parse.GetValue(anodic)), KineticsOptions.ParseRange(parse.GetValue(cathodic)));
                PlotOutput.Write(parse.GetValue(plot), () => KineticsFigures.Tafel(result, curve.Overpotential(), curve.Current.AsSpan(), curve.Unit.Symbol));
                output.Append(request.Json ? TafelReport.Json(curve, request, result) : TafelReport.Text(curve, request, result));
            });
        });
        return command;
    }

    private static Command ButlerVolmerFit(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("bv", "Fit the whole curve: Butler–Volmer for one electrode (i₀, α_a, α_c, optionally limiting currents), or i = 2·i₀·sinh(α·n·F·η_cell/(2RT)) for a symmetric cell (i₀ and α), with confidence intervals.");
        var options = new KineticsOptions();
        options.AddTo(command);
        var limiting = new Option<bool>("--fit-limiting-currents")
        {
            Description = "Also fit the anodic and cathodic limiting current densities (mass-transport-limited Butler–Volmer; --geometry electrode only).",
        };
        var alpha = new Option<double?>("--alpha")
        {
            Description = "Symmetric cell only: the common transfer coefficient α to hold (default 0.5; a cell curve determines only the harmonic mean of α_a and α_c).",
        };
        var fitAlpha = new Option<bool>("--fit-alpha")
        {
            Description = "Symmetric cell only: fit the common α instead of holding it.",
        };
        var weight = new Option<string>("--weight")
        {
            Description = "How current residuals are weighted when the file has no uncertainty column: relative (default; polarisation noise is a fraction of the reading) or unit (equal weights, for a constant noise floor). An uncertainty column always sets the weights 1/u².",
            DefaultValueFactory = _ => "relative",
        };
        weight.AcceptOnlyFromAmongIgnoringCase("relative", "unit");
        Option<string?> plot = PlotOutput.Single("the fitted curve over the data (i against η, or η_cell for a cell)");
        command.Options.Add(limiting);
        command.Options.Add(alpha);
        command.Options.Add(fitAlpha);
        command.Options.Add(weight);
        command.Options.Add(plot);
        options.AddValidators(command);
        command.Validators.Add(result =>
        {
            bool electrode = options.IsElectrode(result);
            if (!electrode && result.GetValue(limiting))
            {
                result.AddError("--fit-limiting-currents needs --geometry electrode: the symmetric-cell model has no limiting currents.");
            }

            if (electrode && (result.GetValue(alpha) is not null || result.GetValue(fitAlpha)))
            {
                result.AddError("--alpha and --fit-alpha concern the common α of a symmetric cell (--geometry cell); one electrode's fit always estimates α_a and α_c.");
            }

            if (result.GetValue(alpha) is not null && result.GetValue(fitAlpha))
            {
                result.AddError("Give --alpha (hold α) or --fit-alpha (fit it), not both.");
            }
        });
        command.SetAction(parse =>
        {
            KineticsRequest? parsed = null;
            int exit = CommandExecution.Run(stdout, stderr, null, _ =>
            {
                parsed = options.Read(parse);
                PlotOutput.Validate(parse.GetValue(plot));
            });
            if (exit != 0)
            {
                return exit;
            }

            KineticsRequest request = parsed!;
            return CommandExecution.Run(stdout, stderr, request.File, output =>
            {
                PolarizationCurve curve = request.ReadCurve();
                double? held = parse.GetValue(fitAlpha) ? null : parse.GetValue(alpha) ?? SymmetricCellFitOptions.Default.TransferCoefficient;
                var report = ButlerVolmerReport.Create(curve, request, parse.GetValue(limiting), held, parse.GetValue(weight) == "unit" ? CurrentWeighting.Unit : CurrentWeighting.Relative);
                PlotOutput.Write(parse.GetValue(plot), () => report.Fit switch
                {
                    FitResult<SymmetricCell> cell => KineticsFigures.PolarizationCurve(cell, curve.Overpotential(), curve.Current.AsSpan(), curve.Unit.Symbol),
                    FitResult<ButlerVolmer> electrode => KineticsFigures.PolarizationCurve(electrode, curve.Overpotential(), curve.Current.AsSpan(), curve.Unit.Symbol),
                    _ => throw new InvalidOperationException("The whole-curve fit is neither a Butler–Volmer nor a symmetric-cell fit."),
                });
                output.Append(request.Json ? report.Json(curve, request) : report.Text(curve, request));
            });
        });
        return command;
    }
}
