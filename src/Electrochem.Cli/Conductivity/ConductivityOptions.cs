using System.CommandLine;
using Electrochem.Cli.Commands;
using Electrochem.IO.Tables;
using Electrochem.IO.Transport;
using Electrochem.Transport;

namespace Electrochem.Cli.Conductivity;

/// <summary>The argument and options shared by the <c>conductivity</c> subcommands (a new set for each subcommand).</summary>
internal sealed class ConductivityOptions
{
    /// <summary>The value of <c>--form</c> for σ = A·exp(−Ea/(k_B·T)).</summary>
    internal const string SigmaForm = "sigma";

    /// <summary>The value of <c>--form</c> for σ·T = A·exp(−Ea/(k_B·T)).</summary>
    internal const string SigmaTForm = "sigmaT";

    private readonly Argument<string> _file = new("FILE")
    {
        Description = "Delimited text (comma, semicolon or tab) with a header row: a temperature column such as 'T (K)' or 'T/°C', a conductivity column such as 'sigma (S/cm)', optionally an uncertainty column such as 'u_sigma (S/cm)'.",
    };

    private readonly Option<string> _form = new("--form")
    {
        Description = "Arrhenius form: 'sigma' for σ = A·exp(−Ea/(k_B·T)) or 'sigmaT' for σ·T = A·exp(−Ea/(k_B·T)). The two differ by about k_B·T̄ in Ea.",
        DefaultValueFactory = _ => SigmaForm,
    };

    private readonly Option<string?> _temperatureUnit = new("--temperature-unit")
    {
        Description = "Unit of the temperature column when its header gives none: K or C. An error if the header says otherwise.",
    };

    private readonly Option<double> _level = new("--level")
    {
        Description = "Confidence level of the intervals, strictly between 0 and 1.",
        DefaultValueFactory = _ => 0.95,
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Write one JSON document instead of text.",
    };

    private readonly Commands.ColumnOptions _columns = new Commands.ColumnOptions()
        .With("temperature", "temperature (its unit from the header or --temperature-unit)", null)
        .With("conductivity", "conductivity σ", null)
        .With("uncertainty", "standard uncertainty of σ, in σ's unit", null);

    private readonly bool _withForm;

    /// <summary>Creates the options; <paramref name="withForm"/> adds <c>--form</c>.</summary>
    internal ConductivityOptions(bool withForm)
    {
        _withForm = withForm;
        _form.AcceptOnlyFromAmongIgnoringCase(SigmaForm, SigmaTForm);
        _temperatureUnit.AcceptOnlyFromAmongIgnoringCase("K", "C");
        _level.Validators.Add(result =>
        {
            double level = result.GetValueOrDefault<double>();
            if (!(level > 0 && level < 1))
            {
                result.AddError($"--level must be strictly between 0 and 1 (e.g. 0.95) but was {level.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            }
        });
    }

    /// <summary>Adds the argument and options to a command.</summary>
    internal void AddTo(Command command)
    {
        command.Arguments.Add(_file);
        if (_withForm)
        {
            command.Options.Add(_form);
        }

        command.Options.Add(_temperatureUnit);
        _columns.AddTo(command);
        command.Options.Add(_level);
        command.Options.Add(_json);
    }

    /// <summary>Reads the request from a parse result.</summary>
    internal ConductivityRequest Read(ParseResult parse)
    {
        string file = parse.GetValue(_file) ?? string.Empty;
        ArrheniusForm form = _withForm && parse.GetValue(_form) == SigmaTForm ? ArrheniusForm.ConductivityTimesTemperature : ArrheniusForm.Conductivity;
        TemperatureUnit? unit = parse.GetValue(_temperatureUnit) switch
        {
            "K" => TemperatureUnit.Kelvin,
            "C" => TemperatureUnit.Celsius,
            _ => null,
        };
        ColumnChoice? temperature = _columns.Choice(parse, "temperature");
        ColumnChoice? conductivity = _columns.Choice(parse, "conductivity");
        ColumnChoice? uncertainty = _columns.Choice(parse, "uncertainty");
        ConductivityColumns? columns = temperature is null && conductivity is null && uncertainty is null
            ? null
            : new ConductivityColumns { Temperature = temperature, Conductivity = conductivity, Uncertainty = uncertainty };
        return new ConductivityRequest(file, form, unit, parse.GetValue(_level), parse.GetValue(_json), columns);
    }
}
