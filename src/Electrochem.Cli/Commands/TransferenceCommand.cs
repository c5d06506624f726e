using System.CommandLine;
using Electrochem.Cli.Formatting;
using Electrochem.Cli.Transference;
using Electrochem.IO.Tables;
using Electrochem.IO.Transport;
using Electrochem.Plotting.Transport;
using Electrochem.Transport;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>electrochem transference FILE --dv V (--r0 Ω[±u] --rss Ω[±u] [--rb0 Ω[±u] --rbss Ω[±u]] | --eis-before F
/// --eis-after F) [--json] [--plot FILE.png|FILE.svg]</c>: Li⁺ transference number by Bruce–Vincent from a
/// chronoamperometry trace.
/// </summary>
internal static class TransferenceCommand
{
    /// <summary>Builds the <c>transference</c> command, writing to the given writers.</summary>
    internal static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE")
        {
            Description = "Delimited text with a header row: a time column 't (s)' (or min, h) and a current column 'I (A)' or 'I (mA)' (µA too), recorded at constant ΔV on a symmetric Li‖Li cell.",
        };
        Option<string?> voltage = MeasurementArgument.Option("--dv", "Applied voltage ΔV in V (required), optionally with its standard uncertainty: 0.010 or 0.010±0.0001.");
        voltage.Required = true;
        Option<string?> r0 = MeasurementArgument.Option("--r0", "Interfacial resistance R_i,0 (R₀) of the whole cell before polarisation, Ω[±u], from its impedance spectrum.");
        Option<string?> rss = MeasurementArgument.Option("--rss", "Interfacial resistance R_i,ss (R_ss) of the whole cell at steady state, Ω[±u].");
        Option<string?> rb0 = MeasurementArgument.Option("--rb0", "Bulk (electrolyte) resistance R_b,0 before polarisation, Ω[±u]; with --rbss it gives I₀ by Ohm's law and the Abraham and Watanabe variants.");
        Option<string?> rbss = MeasurementArgument.Option("--rbss", "Bulk resistance R_b,ss at steady state, Ω[±u].");
        var eisBefore = new Option<string?>("--eis-before") { Description = $"Impedance file measured before polarisation; fitted with {FittedCellResistances.CircuitText} to give R_b,0 = R0 and R_i,0 = R1 + R2." };
        var eisAfter = new Option<string?>("--eis-after") { Description = "Impedance file measured at steady state; fitted the same way to give R_b,ss and R_i,ss." };
        var json = new Option<bool>("--json") { Description = "Write one JSON document instead of text." };
        Option<string?> plot = PlotOutput.Single("the current against time with I₀, the exponential fit, the steady-state window, I_ss and t₊");
        var command = new Command("transference", "Li⁺ transference number t₊ by Bruce–Vincent from a potentiostatic polarisation (chronoamperometry) of a symmetric cell, with the Abraham and Watanabe variants, I₀ and I_ss with their methods and windows, uncertainties and warnings.");
        command.Arguments.Add(file);
        foreach (Option option in new Option[] { voltage, r0, rss, rb0, rbss, eisBefore, eisAfter, json, plot })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            bool eis = result.GetValue(eisBefore) is not null || result.GetValue(eisAfter) is not null;
            bool interfacial = result.GetValue(r0) is not null || result.GetValue(rss) is not null;
            if (eis && (interfacial || result.GetValue(rb0) is not null || result.GetValue(rbss) is not null))
            {
                result.AddError("Give the resistances either as numbers (--r0, --rss, --rb0, --rbss) or as impedance files (--eis-before, --eis-after), not both.");
            }
            else if (!eis && (result.GetValue(r0) is null || result.GetValue(rss) is null))
            {
                result.AddError("Give both --r0 and --rss (the whole cell's interfacial resistances before polarisation and at steady state, in Ω).");
            }

            if (eis && (result.GetValue(eisBefore) is null || result.GetValue(eisAfter) is null))
            {
                result.AddError("Give both --eis-before and --eis-after.");
            }

            if ((result.GetValue(rb0) is null) != (result.GetValue(rbss) is null))
            {
                result.AddError("Give both --rb0 and --rbss, or neither.");
            }
        });
        ColumnOptions columns = new ColumnOptions().With("time", "time", "s, min or h").With("current", "current", "A, mA or uA");
        columns.AddTo(command);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(file) ?? string.Empty;
            string? before = parse.GetValue(eisBefore);
            string? after = parse.GetValue(eisAfter);
            Measurement appliedVoltage = MeasurementArgument.Value(parse, voltage)!.Value;
            bool asJson = parse.GetValue(json);
            return CommandExecution.Run(stdout, stderr, path, output =>
            {
                PlotOutput.Validate(parse.GetValue(plot));
                TransferenceRequest request;
                if (before is not null && after is not null)
                {
                    var initial = FittedCellResistances.FromFile(before);
                    var steady = FittedCellResistances.FromFile(after);
                    request = new TransferenceRequest(path, appliedVoltage, initial.Interfacial, steady.Interfacial, initial.Bulk, steady.Bulk, asJson, [initial.Description, steady.Description]);
                }
                else
                {
                    request = new TransferenceRequest(path, appliedVoltage, MeasurementArgument.Value(parse, r0)!.Value, MeasurementArgument.Value(parse, rss)!.Value,
                        MeasurementArgument.Value(parse, rb0), MeasurementArgument.Value(parse, rbss), asJson, []);
                }

                ColumnChoice? time = columns.Choice(parse, "time");
                ColumnChoice? current = columns.Choice(parse, "current");
                ChronoamperometryTable trace = ChronoamperometryTable.Read(path, columns: time is null && current is null ? null : new ChronoamperometryColumns { Time = time, Current = current });
                var report = TransferenceReport.Create(trace, request);
                PlotOutput.Write(parse.GetValue(plot), () => TransferenceFigures.Chronoamperometry(report.Result, trace.TimeSeconds.AsSpan(), trace.CurrentAmperes.AsSpan()));
                output.Append(request.Json ? report.Json(trace, request) : report.Text(trace, request));
            });
        });
        return command;
    }
}
