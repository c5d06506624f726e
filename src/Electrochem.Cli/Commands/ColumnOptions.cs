using System.CommandLine;
using Electrochem.IO.Tables;

namespace Electrochem.Cli.Commands;

/// <summary>
/// <c>--ROLE-column NAME</c> (and <c>--ROLE-unit UNIT</c> where the reader converts units) for each column a table
/// command needs, so a user never has to rename a column the reader does not recognise; each becomes a
/// <see cref="ColumnChoice"/> for the library's columns options.
/// </summary>
internal sealed class ColumnOptions
{
    private readonly List<(string Role, Option<string?> Column, Option<string?>? Unit)> _roles = [];

    /// <summary>Adds a role's options.</summary>
    /// <param name="role">The role as the option names it, e.g. <c>time</c>.</param>
    /// <param name="what">The quantity in words, e.g. <c>time</c>.</param>
    /// <param name="units">The units <c>--ROLE-unit</c> accepts, in words (e.g. <c>s, min or h</c>), or null for no unit option.</param>
    /// <returns>This, for chaining.</returns>
    internal ColumnOptions With(string role, string what, string? units)
    {
        var column = new Option<string?>($"--{role}-column") { Description = $"The column that holds the {what}, by its header text or its name without the unit, when the header is not one the reader recognises." };
        Option<string?>? unit = units is null ? null : new Option<string?>($"--{role}-unit") { Description = $"The unit of the --{role}-column column when its header gives none: {units}." };
        _roles.Add((role, column, unit));
        return this;
    }

    /// <summary>Adds the options to a command.</summary>
    internal void AddTo(Command command)
    {
        foreach ((_, Option<string?> column, Option<string?>? unit) in _roles)
        {
            command.Options.Add(column);
            if (unit is not null)
            {
                command.Options.Add(unit);
            }
        }
    }

    /// <summary>The column the command line names for a role, or null.</summary>
    /// <exception cref="ArgumentException">A unit is given without its column.</exception>
    internal ColumnChoice? Choice(ParseResult parse, string role)
    {
        (_, Option<string?> column, Option<string?>? unit) = _roles.Single(r => r.Role == role);
        string? name = parse.GetValue(column);
        string? unitText = unit is null ? null : parse.GetValue(unit);
        if (name is null)
        {
            return unitText is null ? null : throw new ArgumentException($"--{role}-unit needs --{role}-column to say which column it applies to");
        }

        return string.IsNullOrWhiteSpace(name)
            ? throw new ArgumentException($"--{role}-column is empty; expected the column's header text")
            : new ColumnChoice(name, string.IsNullOrWhiteSpace(unitText) ? null : unitText);
    }
}
