using System.CommandLine;
using Electrochem.Cli.Commands;
using Electrochem.IO.Kinetics;
using System.Globalization;
using Electrochem.IO;
using Electrochem.Kinetics;

namespace Electrochem.Cli.Kinetics;

/// <summary>The argument and options shared by the <c>kinetics</c> subcommands (a new set for each subcommand).</summary>
internal sealed class KineticsOptions
{
    /// <summary>The value of <c>--geometry</c> for one electrode's overpotential.</summary>
    internal const string ElectrodeGeometry = "electrode";

    /// <summary>The value of <c>--geometry</c> for a symmetric cell's voltage.</summary>
    internal const string CellGeometry = "cell";

    /// <summary>The temperature used when <c>--temperature</c> is not given, K.</summary>
    internal const double DefaultTemperatureKelvin = 298.15;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly Argument<string> _file = new("FILE")
    {
        Description = "Delimited text with a header row: a voltage column such as 'eta (V)', 'eta_cell (mV)' or 'E (V)' and a current column such as 'i (mA/cm2)' or 'I (A)'. Voltages are V or mV; currents A, mA, µA or the same per cm².",
    };

    private readonly Option<string> _geometry = new("--geometry")
    {
        Description = "What the voltage is across (required): 'electrode' for one electrode's overpotential η (three-electrode cell), 'cell' for a symmetric cell's η_cell (Li‖Li: two identical interfaces in series). Reading one as the other changes α and i₀ by a factor of about 2.",
        Required = true,
    };

    private readonly Option<double> _temperature = new("--temperature")
    {
        Description = "Temperature in K (default 298.15 K; the output says which was used).",
        DefaultValueFactory = _ => DefaultTemperatureKelvin,
    };

    private readonly Option<int> _electrons = new("--electrons")
    {
        Description = "Electrons transferred, n (1 for Li⁺ + e⁻ ⇌ Li).",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<double?> _area = new("--area")
    {
        Description = "Electrode area in cm²: a current column (A, mA, µA) is divided by it to give a current density. An error with a column that is already a density.",
    };

    private readonly Option<string?> _currentUnit = new("--current-unit")
    {
        Description = "Unit of the current column when its header gives none: A, mA, uA, A/cm2, mA/cm2 or uA/cm2. An error if the header says otherwise.",
    };

    private readonly Option<double?> _equilibriumPotential = new("--e-eq")
    {
        Description = "Equilibrium (open-circuit) potential in V: the voltage column is then one electrode's potential E and η = E − E_eq (only with --geometry electrode).",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Write one JSON document instead of text.",
    };

    /// <summary>Creates the options.</summary>
    private readonly Commands.ColumnOptions _columns = new Commands.ColumnOptions()
        .With("voltage", "overpotential η (or the electrode potential, with --e-eq)", "V or mV")
        .With("current", "current or current density (its unit from the header or --current-unit)", null)
        .With("uncertainty", "standard uncertainty of the current, in its unit (sets the weights 1/u² of kinetics bv)", null);

    internal KineticsOptions()
    {
        _geometry.AcceptOnlyFromAmongIgnoringCase(ElectrodeGeometry, CellGeometry);
        _currentUnit.Validators.Add(result =>
        {
            string? text = result.GetValueOrDefault<string?>();
            if (text is not null && CurrentUnit.Parse(text) is null)
            {
                result.AddError($"--current-unit '{text}' is not a current unit; use A, mA, uA, A/cm2, mA/cm2 or uA/cm2.");
            }
        });
    }

    /// <summary>Parses <c>a:b</c> into a range of voltage magnitudes in V.</summary>
    internal static VoltageRange? ParseRange(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string[] parts = text.Split(':');
        return new VoltageRange(double.Parse(parts[0], NumberStyles.Float, Invariant), double.Parse(parts[1], NumberStyles.Float, Invariant));
    }

    /// <summary>Adds the argument and options to a command.</summary>
    internal void AddTo(Command command)
    {
        command.Arguments.Add(_file);
        command.Options.Add(_geometry);
        command.Options.Add(_temperature);
        command.Options.Add(_electrons);
        command.Options.Add(_area);
        command.Options.Add(_currentUnit);
        _columns.AddTo(command);
        command.Options.Add(_equilibriumPotential);
        command.Options.Add(_json);
    }

    /// <summary>A region option (<c>--region-anodic</c>, <c>--region-cathodic</c>) taking <c>a:b</c>, |V| in V.</summary>
    internal static Option<string?> RegionOption(string name, string branch)
    {
        var option = new Option<string?>(name)
        {
            Description = $"The {branch} Tafel region by hand, as |V| from a to b in V ('a:b', e.g. 0.32:0.58), instead of the automatic selection. |V| is η (electrode) or η_cell (cell).",
        };
        option.Validators.Add(result =>
        {
            string? text = result.GetValueOrDefault<string?>();
            string[] parts = text?.Split(':') ?? [];
            if (text is not null && (parts.Length != 2 || !parts.All(p => double.TryParse(p, NumberStyles.Float, Invariant, out _))))
            {
                result.AddError($"{name} '{text}' must be two numbers a:b, the smallest and largest |V| in V (e.g. 0.32:0.58).");
            }
        });
        return option;
    }

    /// <summary>Adds the checks between options: <c>--e-eq</c> needs <c>--geometry electrode</c>.</summary>
    internal void AddValidators(Command command) => command.Validators.Add(result =>
    {
        if (!IsElectrode(result) && result.GetValue(_equilibriumPotential) is not null)
        {
            result.AddError("--e-eq needs --geometry electrode: a symmetric cell's voltage is already η_cell (0 at equilibrium).");
        }
    });

    /// <summary>True when <c>--geometry electrode</c> was given.</summary>
    internal bool IsElectrode(System.CommandLine.Parsing.CommandResult result) => result.GetValue(_geometry) == ElectrodeGeometry;

    /// <summary>Reads the request from a parse result.</summary>
    /// <exception cref="ArgumentException">A column option is malformed (a unit without its column).</exception>
    internal KineticsRequest Read(ParseResult parse) => new(
        parse.GetValue(_file) ?? string.Empty,
        parse.GetValue(_geometry) == CellGeometry ? PolarizationGeometry.SymmetricCell : PolarizationGeometry.SingleElectrode,
        parse.GetValue(_temperature),
        parse.GetResult(_temperature) is { Implicit: false },
        parse.GetValue(_electrons),
        parse.GetValue(_area),
        parse.GetValue(_currentUnit) is { } unit ? CurrentUnit.Parse(unit) : null,
        parse.GetValue(_equilibriumPotential),
        parse.GetValue(_json),
        Columns(parse));

    private PolarizationColumns? Columns(ParseResult parse)
    {
        IO.Tables.ColumnChoice? voltage = _columns.Choice(parse, "voltage");
        IO.Tables.ColumnChoice? current = _columns.Choice(parse, "current");
        IO.Tables.ColumnChoice? uncertainty = _columns.Choice(parse, "uncertainty");
        return voltage is null && current is null && uncertainty is null ? null : new PolarizationColumns { Voltage = voltage, Current = current, Uncertainty = uncertainty };
    }
}
