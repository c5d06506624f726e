using System.CommandLine;
using Electrochem.Cli.Data;
using Electrochem.Cli.Formatting;
using Electrochem.Cli.Gitt;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using Electrochem.Plotting.Cycling;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem gitt FILE (--length L | --radius r | --mass m --molar-mass M --molar-volume V --area S) [--window a:b]
/// [--json | --csv OUT] [--plot D.png|svg] [--plot-trace E.png|svg]</c>: every pulse of a GITT titration with D by
/// Weppner–Huggins and the method's checks; and <c>electrochem ici FILE … [--plot D.png|svg]</c> for intermittent
/// current interruptions.
/// </summary>
internal static class GittCommand
{
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "A cycler file holding the titration (any format `data show` reads)." };
        var geometry = new GittArguments();
        var window = new Option<string?>("--window") { Description = "The √t fit window, START:END in s after each pulse began (default: the whole pulse)." };
        var restCurrent = new Option<double?>("--rest-current") { Description = "|I| in A at or below which a row is rest (default: 5 % of the typical pulse current)." };
        var drift = new Option<double>("--relaxed-drift") { Description = "A rest counts as relaxed when |dE/dt| at its end is at most this, in mV/h (default 1).", DefaultValueFactory = _ => 1.0 };
        var capacity = new Option<double?>("--capacity") { Description = "Cell capacity in A·h, to report the state of charge after each pulse (never assumed)." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        var csv = new Option<string?>("--csv") { Description = "Also write the per-pulse table (SI units) to this CSV file." };
        Option<string?> plot = PlotOutput.Single("D of every pulse against the state of charge (with --capacity; else the charge passed) on a logarithmic axis — it needs the diffusion length");
        var trace = new Option<string?>("--plot-trace") { Description = "Also draw the voltage against time with the pulses shaded and the relaxed voltages marked into this file; the extension chooses PNG or SVG." };
        var read = new DataReadOptions();
        var gitt = new Command("gitt", "Galvanostatic intermittent titration: finds every pulse and rest, measures E₀, E(0⁺), E(τ), E_s, the ohmic step and the rest's end drift, fits E against √t, and — given the diffusion length — reports D by Weppner–Huggins (both forms) with uncertainties and per-pulse checks of the method's assumptions.")
        {
            Options = { window, restCurrent, drift, capacity, json, csv, plot, trace },
        };
        gitt.Arguments.Add(file);
        geometry.AddTo(gitt);
        read.AddTo(gitt);
        gitt.SetAction((parse, cancellationToken) => Task.FromResult(CommandExecution.Run(stdout, stderr, parse.GetValue(file), output =>
        {
            (Measurement Length, Diffusion.DiffusionGeometry Geometry, string Description)? length = geometry.Length(parse);
            PlotOutput.Validate(parse.GetValue(plot));
            PlotOutput.Validate(parse.GetValue(trace));
            NeedsLength(parse.GetValue(plot), length is not null);
            (double start, double? end) = GittArguments.Window(parse.GetValue(window));
            double relaxed = parse.GetValue(drift);
            if (!(relaxed > 0) || !double.IsFinite(relaxed))
            {
                throw new ArgumentException($"--relaxed-drift is {relaxed}; expected a positive rate in mV/h.");
            }

            var options = new GittOptions
            {
                DiffusionLengthMetres = length?.Length,
                Geometry = length?.Geometry ?? Diffusion.DiffusionGeometry.Planar,
                SquareRootWindowStartSeconds = start,
                SquareRootWindowEndSeconds = end,
                RestCurrentAmperes = parse.GetValue(restCurrent),
                RelaxedDriftVoltsPerSecond = relaxed / 3.6e6,
                CapacityAmpereHours = parse.GetValue(capacity),
            };
            CyclerRecording recording = CyclerFile.Read(parse.GetValue(file)!, read.Build(parse), cancellationToken);
            GittTitration titration = GittAnalysis.Analyse(recording, options, cancellationToken);
            PlotOutput.Write(parse.GetValue(plot), () => GittFigures.Diffusivity(titration));
            PlotOutput.Write(parse.GetValue(trace), () => GittFigures.Voltage(titration, recording));
            if (parse.GetValue(csv) is { } path)
            {
                using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
                GittReport.WriteCsv(titration, writer);
            }

            output.Append(parse.GetValue(json) ? GittReport.Json(titration, length?.Description) : GittReport.Text(titration, length?.Description));
        })));
        return gitt;
    }

    internal static Command CreateIci(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "A cycler file holding the interrupted charge or discharge." };
        var geometry = new GittArguments();
        var window = new Option<string?>("--window") { Description = "The fit window, START:END in s after each interruption began (default: the whole interruption)." };
        var restCurrent = new Option<double?>("--rest-current") { Description = "|I| in A at or below which a row is an interruption (default: 5 % of the typical current)." };
        var raw = new Option<bool>("--no-drift-correction") { Description = "Fit ΔE as measured, without subtracting the current segment's own dE/dt·t (Chien et al.'s plain fit; overstates R and k)." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        Option<string?> plot = PlotOutput.Single("D of every interruption against the charge passed on a logarithmic axis — it needs the diffusion length");
        var read = new DataReadOptions();
        var ici = new Command("ici", "Intermittent current interruption: for each short rest during a constant current, R and the diffusion resistance k from ΔE against √t, and — given the diffusion length — D, with a check that the titration slope has settled.")
        {
            Options = { window, restCurrent, raw, json, plot },
        };
        ici.Arguments.Add(file);
        geometry.AddTo(ici);
        read.AddTo(ici);
        ici.SetAction((parse, cancellationToken) => Task.FromResult(CommandExecution.Run(stdout, stderr, parse.GetValue(file), output =>
        {
            (Measurement Length, Diffusion.DiffusionGeometry Geometry, string Description)? length = geometry.Length(parse);
            PlotOutput.Validate(parse.GetValue(plot));
            NeedsLength(parse.GetValue(plot), length is not null);
            (double start, double? end) = GittArguments.Window(parse.GetValue(window));
            var options = new IciOptions
            {
                DiffusionLengthMetres = length?.Length,
                WindowStartSeconds = start,
                WindowEndSeconds = end,
                RestCurrentAmperes = parse.GetValue(restCurrent),
                SubtractCurrentSlope = !parse.GetValue(raw),
            };
            CyclerRecording recording = CyclerFile.Read(parse.GetValue(file)!, read.Build(parse), cancellationToken);
            IciTitration titration = IciAnalysis.Analyse(recording, options, cancellationToken);
            PlotOutput.Write(parse.GetValue(plot), () => GittFigures.Diffusivity(titration));
            output.Append(parse.GetValue(json) ? IciReport.Json(titration, length?.Description) : IciReport.Text(titration, length?.Description));
        })));
        return ici;
    }

    /// <summary>Refuses --plot without the diffusion length, before any work: the figure is of D.</summary>
    private static void NeedsLength(string? plot, bool hasLength)
    {
        if (plot is not null && !hasLength)
        {
            throw new ArgumentException("--plot draws the diffusion coefficient, which needs the diffusion length: give --length, --radius, or --mass with --molar-mass, --molar-volume and --area");
        }
    }
}
