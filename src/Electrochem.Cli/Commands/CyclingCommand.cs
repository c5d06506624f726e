using System.CommandLine;
using Electrochem.Cli.Cycling;
using Electrochem.Cli.Formatting;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using Electrochem.Plotting.Cycling;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem cycling summary FILE --convention charge-first|discharge-first [--mass g] [--area cm²]
/// [--nominal-capacity Ah] [--json | --csv OUT | --parquet OUT]</c>: the per-cycle table of a cycler file; and
/// <c>cycling retention</c>, <c>cycling fade</c>, <c>cycling rate</c> and <c>cycling ica</c> on the same table. Each
/// takes <c>--plot FILE.png|FILE.svg</c> for its figure.
/// </summary>
internal static class CyclingCommand
{
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("cycling", "Cycling analysis of cycler files: per-cycle capacities, energies, efficiencies and running accounts.");
        command.Subcommands.Add(Summary(stdout, stderr));
        command.Subcommands.Add(Retention(stdout, stderr));
        command.Subcommands.Add(Fade(stdout, stderr));
        command.Subcommands.Add(Rate(stdout, stderr));
        command.Subcommands.Add(Ica(stdout, stderr));
        return command;
    }

    private static Command Summary(TextWriter stdout, TextWriter stderr)
    {
        var table = new CycleTableArguments();
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        var csv = new Option<string?>("--csv") { Description = "Also write the full table (every column, with units) to this CSV file." };
        var parquet = new Option<string?>("--parquet") { Description = "Also write the full table to this Parquet file (units and conventions in its metadata)." };
        Option<string?> plot = PlotOutput.Single("the capacity and coulombic efficiency of every complete cycle against cycle number");
        var summary = new Command("summary", "The per-cycle table: charge and discharge capacity and energy, coulombic and energy efficiency under the stated convention, mean and end voltages, specific capacities and C-rates when mass and capacity are known, and the cycles' anomalies (partial, reversed, incomplete).")
        {
            Options = { json, csv, parquet, plot },
        };
        table.AddTo(summary);
        summary.SetAction((parse, cancellationToken) =>
        {
            string path = parse.GetValue(table.File)!;
            return Task.FromResult(CommandExecution.Run(stdout, stderr, path, output =>
            {
                PlotOutput.Validate(parse.GetValue(plot));
                (CyclerRecording recording, CycleTable cycles) = table.Read(parse, cancellationToken);
                PlotOutput.Write(parse.GetValue(plot), () => CyclingFigures.Capacity(cycles));
                if (parse.GetValue(csv) is { } csvPath)
                {
                    using var writer = new StreamWriter(csvPath, false, new System.Text.UTF8Encoding(false));
                    CycleTableExport.WriteCsv(cycles, writer);
                }

                if (parse.GetValue(parquet) is { } parquetPath)
                {
                    CycleTableExport.WriteParquet(cycles, parquetPath, cancellationToken);
                }

                output.Append(parse.GetValue(json) ? CycleSummaryReport.Json(cycles, recording.Format) : CycleSummaryReport.Text(cycles, recording.Format));
            }));
        });
        return summary;
    }

    private static Command Retention(TextWriter stdout, TextWriter stderr)
    {
        var table = new CycleTableArguments();
        var reference = new Option<string>("--reference") { Description = "The reference capacity: first (the series' first cycle), cycle:N, max:N, median:N or mean:N (of the series' first N cycles).", DefaultValueFactory = _ => "first" };
        var reported = new Option<double?>("--reported") { Description = "A published retention (%) to explain: which references reproduce it, and the reference capacity it implies." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        Option<string?> plot = PlotOutput.Single("the series' retention against cycle number");
        var command = new Command("retention", "Capacity retention within the test's series (check-up and formation cycles apart, found from the discharge currents), against a named reference, with the series' coulombic efficiency.")
        {
            Options = { reference, reported, json, plot },
        };
        table.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandExecution.Run(stdout, stderr, parse.GetValue(table.File), output =>
        {
            PlotOutput.Validate(parse.GetValue(plot));
            RetentionReference chosen = CyclingReports.Reference(parse.GetValue(reference)!);
            (_, CycleTable cycles) = table.Read(parse, cancellationToken);
            CyclingProtocol protocol = CyclingProtocol.Segment(cycles);
            output.Append(CyclingReports.Retention(cycles, protocol, chosen, parse.GetValue(reported), parse.GetValue(json), parse.GetValue(plot)));
        })));
        return command;
    }

    private static Command Fade(TextWriter stdout, TextWriter stderr)
    {
        var table = new CycleTableArguments();
        var reference = new Option<string>("--reference") { Description = "The end-of-life reference: first, cycle:N, max:N, median:N or mean:N (of the series).", DefaultValueFactory = _ => "first" };
        var eol = new Option<double>("--eol") { Description = "End of life as a fraction of the reference (default 0.8).", DefaultValueFactory = _ => 0.8 };
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        Option<string?> plot = PlotOutput.Single("the capacity and coulombic efficiency against cycle number with the best fade law and the end of life");
        var command = new Command("fade", "Fit the fade laws (linear, √N, power law, exponential, double exponential, two-regime) to the series' reversible capacity, rank them by AICc, and estimate end of life with a confidence interval; also beep's data-based end of life.")
        {
            Options = { reference, eol, json, plot },
        };
        table.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandExecution.Run(stdout, stderr, parse.GetValue(table.File), output =>
        {
            PlotOutput.Validate(parse.GetValue(plot));
            RetentionReference chosen = CyclingReports.Reference(parse.GetValue(reference)!);
            (_, CycleTable cycles) = table.Read(parse, cancellationToken);
            output.Append(CyclingReports.Fade(cycles, chosen, parse.GetValue(eol), parse.GetValue(json), parse.GetValue(plot), cancellationToken));
        })));
        return command;
    }

    private static Command Rate(TextWriter stdout, TextWriter stderr)
    {
        var table = new CycleTableArguments();
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        Option<string?> plot = PlotOutput.Single("the capacity against C-rate with Tian et al.'s law");
        var command = new Command("rate", "Rate capability: the runs of cycles at each rate (C-rates from --nominal-capacity or the file's stated capacity), Tian et al.'s law (Q_M, τ, n with intervals), the log-linear form, and the capacity recovered on returning to the first rate.")
        {
            Options = { json, plot },
        };
        table.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandExecution.Run(stdout, stderr, parse.GetValue(table.File), output =>
        {
            PlotOutput.Validate(parse.GetValue(plot));
            (_, CycleTable cycles) = table.Read(parse, cancellationToken);
            output.Append(CyclingReports.Rate(cycles, parse.GetValue(json), parse.GetValue(plot), cancellationToken));
        })));
        return command;
    }

    private static Command Ica(TextWriter stdout, TextWriter stderr)
    {
        var table = new CycleTableArguments();
        var cycle = new Option<int>("--cycle") { Description = "The cycle number.", Required = true };
        var discharge = new Option<bool>("--discharge") { Description = "Analyse the discharge (default: the charge)." };
        var method = new Option<string>("--method") { Description = "savitzky-golay (default), gaussian or histogram.", DefaultValueFactory = _ => "savitzky-golay" };
        var step = new Option<double>("--step") { Description = "Voltage grid step or bin width in V (default 0.002).", DefaultValueFactory = _ => 0.002 };
        var csv = new Option<string?>("--csv") { Description = "Also write the curve (voltage, dQ/dV) to this CSV file." };
        Option<string?> plot = PlotOutput.Single("dQ/dV against V with its peaks");
        var command = new Command("ica", "Incremental capacity analysis: dQ/dV of one cycle's charge or discharge with the smoothing stated, and its peaks (voltage, height, capacity under the peak).")
        {
            Options = { cycle, discharge, method, step, csv, plot },
        };
        table.AddTo(command);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CommandExecution.Run(stdout, stderr, parse.GetValue(table.File), output =>
        {
            PlotOutput.Validate(parse.GetValue(plot));
            (CyclerRecording recording, CycleTable cycles) = table.Read(parse, cancellationToken);
            var options = new DifferentialCapacityOptions
            {
                Method = CycleTableArguments.Choice(parse.GetValue(method)!, "--method", ("savitzky-golay", DifferentiationMethod.SavitzkyGolay), ("gaussian", DifferentiationMethod.Gaussian), ("histogram", DifferentiationMethod.Histogram)),
                VoltageStep = parse.GetValue(step),
            };
            DifferentialCurve curve = DifferentialCapacity.ForCycle(recording, cycles, parse.GetValue(cycle), !parse.GetValue(discharge), options);
            PlotOutput.Write(parse.GetValue(plot), () => CyclingFigures.DifferentialCapacity([(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cycle {parse.GetValue(cycle)}, {(parse.GetValue(discharge) ? "discharge" : "charge")}: {curve.Description}"), curve)]));
            if (parse.GetValue(csv) is { } path)
            {
                System.IO.File.WriteAllText(path, "voltage (V),dQ/dV (Ah/V)\n" + string.Concat(curve.Voltage.Zip(curve.DqDv).Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.First:R},{p.Second:R}\n"))));
            }

            output.Append(CyclingReports.Ica(cycles, parse.GetValue(cycle), !parse.GetValue(discharge), curve));
        })));
        return command;
    }
}
