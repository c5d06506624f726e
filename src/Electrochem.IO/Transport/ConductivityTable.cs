using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Constants;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Transport;

/// <summary>
/// Conductivity against temperature, read from a delimited table, ready for <c>Arrhenius.Fit</c>,
/// <c>VogelTammannFulcher.Fit</c> and <c>ConductivityModelComparison.Compare</c>. Immutable.
/// </summary>
/// <remarks>
/// <para>Columns are found by their headers (case-insensitive; the unit in parentheses, brackets, after a slash, or
/// for temperature after an underscore):</para>
/// <list type="bullet">
/// <item>temperature: <c>T</c>, <c>Temp</c>, <c>Temperature</c>, in K or °C (<c>K</c>, <c>kelvin</c>, <c>°C</c>,
/// <c>C</c>, <c>degC</c>, <c>celsius</c>): <c>T (K)</c>, <c>T/°C</c>, <c>temperature_C</c>;</item>
/// <item>conductivity: <c>sigma</c>, <c>σ</c>, <c>conductivity</c>, <c>cond</c>, <c>ionic conductivity</c>; the
/// unit is kept as text and the values are not rescaled;</item>
/// <item>optional standard uncertainty of σ: <c>u_sigma</c>, <c>sigma_err</c>, <c>u(σ)</c>, <c>std</c>,
/// <c>uncertainty</c> …, in the unit of σ (a different unit written in its header is an error).</item>
/// </list>
/// <para>The temperature unit comes from the header or from an explicit argument; when neither gives it, or they
/// disagree, reading fails: the unit is never guessed. Every other column is kept in <see cref="Table"/>.</para>
/// </remarks>
/// <example><code>
/// ConductivityTable data = ConductivityTable.Read("sigma.csv");     // header "T (°C),sigma (S/cm),u_sigma (S/cm)"
/// var fit = Arrhenius.Fit(data.TemperatureKelvin.AsSpan(), data.Conductivity.AsSpan(),
///                         ArrheniusForm.Conductivity, data.ConductivityStandardUncertainty.AsSpan());
/// </code></example>
public sealed class ConductivityTable
{
    private ConductivityTable(
        DelimitedTable table,
        ColumnHeader temperatureHeader,
        TemperatureUnit temperatureUnitInFile,
        bool temperatureUnitFromHeader,
        ColumnHeader conductivityHeader,
        ColumnHeader? uncertaintyHeader,
        string? conductivityUnit,
        ImmutableArray<double> temperatureKelvin,
        ImmutableArray<double> conductivity,
        ImmutableArray<double> uncertainty)
    {
        Table = table;
        TemperatureHeader = temperatureHeader;
        TemperatureUnitInFile = temperatureUnitInFile;
        TemperatureUnitFromHeader = temperatureUnitFromHeader;
        ConductivityHeader = conductivityHeader;
        UncertaintyHeader = uncertaintyHeader;
        ConductivityUnit = conductivityUnit;
        TemperatureKelvin = temperatureKelvin;
        Conductivity = conductivity;
        ConductivityStandardUncertainty = uncertainty;
    }

    /// <summary>The file path as given, or the table's source name.</summary>
    public string SourceName => Table.SourceName;

    /// <summary>The whole table as read, every column included.</summary>
    public DelimitedTable Table { get; }

    /// <summary>Header of the temperature column.</summary>
    public ColumnHeader TemperatureHeader { get; }

    /// <summary>The unit the temperatures are written in (converted to kelvin in <see cref="TemperatureKelvin"/>).</summary>
    public TemperatureUnit TemperatureUnitInFile { get; }

    /// <summary>True when the header gave the temperature unit; false when it came from the caller's argument.</summary>
    public bool TemperatureUnitFromHeader { get; }

    /// <summary>Header of the conductivity column.</summary>
    public ColumnHeader ConductivityHeader { get; }

    /// <summary>Header of the standard-uncertainty column, or null when there is none.</summary>
    public ColumnHeader? UncertaintyHeader { get; }

    /// <summary>The unit of σ and u_σ as written in the headers (e.g. <c>S/cm</c>; from the uncertainty header when only it has one), or null when neither gives one.</summary>
    public string? ConductivityUnit { get; }

    /// <summary>Temperatures in K, each &gt; 0, one per row.</summary>
    public ImmutableArray<double> TemperatureKelvin { get; }

    /// <summary>σ, each &gt; 0, in <see cref="ConductivityUnit"/> (as written, not rescaled), one per row.</summary>
    public ImmutableArray<double> Conductivity { get; }

    /// <summary>Standard uncertainties of σ (same unit), each &gt; 0; empty when the file has no uncertainty column.</summary>
    public ImmutableArray<double> ConductivityStandardUncertainty { get; }

    /// <summary>True when the file has a standard-uncertainty column.</summary>
    public bool HasUncertainty => UncertaintyHeader is not null;

    /// <summary>Number of rows.</summary>
    public int Count => TemperatureKelvin.Length;

    /// <summary>1-based line number of each row in the file.</summary>
    public ImmutableArray<int> LineNumbers => Table.RowLineNumbers;

    /// <summary>Reads a conductivity table from a file.</summary>
    /// <param name="path">The file's path; it appears in error messages as given.</param>
    /// <param name="temperatureUnit">The temperature unit when the header does not give one; null to require it in the header.</param>
    /// <param name="options">Delimiter, decimal separator and limits; null for the defaults.</param>
    /// <param name="columns">Columns named by the caller instead of found by their headers; null to find them all.</param>
    /// <returns>The table.</returns>
    /// <exception cref="DataFileException">The file is malformed or lacks a needed column or unit; the message is <c>file:line: problem</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or an argument is invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static ConductivityTable Read(string path, TemperatureUnit? temperatureUnit = null, DelimitedTableOptions? options = null, ConductivityColumns? columns = null) =>
        TryRead(path, temperatureUnit, options, columns).Value;

    /// <summary>Reads a conductivity table from a file, returning the problem instead of throwing when the content is malformed.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="temperatureUnit">The temperature unit when the header does not give one; null to require it in the header.</param>
    /// <param name="options">Delimiter, decimal separator and limits; null for the defaults.</param>
    /// <param name="columns">Columns named by the caller instead of found by their headers; null to find them all.</param>
    /// <returns>The table, or the first problem found.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or an argument is invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static DataFileResult<ConductivityTable> TryRead(string path, TemperatureUnit? temperatureUnit = null, DelimitedTableOptions? options = null, ConductivityColumns? columns = null)
    {
        CheckUnit(temperatureUnit);
        DataFileResult<DelimitedTable> table = DelimitedTable.TryRead(path, options);
        return table.IsSuccess ? TryFromTable(table.Value, temperatureUnit, columns) : DataFileResult.Failure<ConductivityTable>(table.Error);
    }

    /// <summary>Finds the conductivity columns in a table already read.</summary>
    /// <param name="table">The table.</param>
    /// <param name="temperatureUnit">The temperature unit when the header does not give one; null to require it in the header.</param>
    /// <param name="columns">Columns named by the caller; null to find them all by their headers.</param>
    /// <returns>The conductivity table.</returns>
    /// <exception cref="DataFileException">A needed column or unit is missing, or a value is out of range.</exception>
    public static ConductivityTable FromTable(DelimitedTable table, TemperatureUnit? temperatureUnit = null, ConductivityColumns? columns = null) =>
        TryFromTable(table, temperatureUnit, columns).Value;

    /// <summary>Finds the conductivity columns in a table already read, returning the problem instead of throwing.</summary>
    /// <param name="table">The table.</param>
    /// <param name="temperatureUnit">The temperature unit when the header does not give one; null to require it in the header.</param>
    /// <param name="columns">Columns named by the caller; null to find them all by their headers.</param>
    /// <returns>The conductivity table, or the problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperatureUnit"/> is not a defined value.</exception>
    public static DataFileResult<ConductivityTable> TryFromTable(DelimitedTable table, TemperatureUnit? temperatureUnit = null, ConductivityColumns? columns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckUnit(temperatureUnit);
        int headerLine = table.HeaderLineNumber;
        DataFileResult<ConductivityTable> Fail(int line, string problem) => DataFileResult.Failure<ConductivityTable>(new DataFileError(table.SourceName, line, problem));

        var assigned = new TableColumn?[3];
        ColumnAssignment.Role[] roles =
        [
            new("temperature", "--temperature-column", columns?.Temperature),
            new("conductivity", "--conductivity-column", columns?.Conductivity),
            new("conductivity uncertainty", "--uncertainty-column", columns?.Uncertainty),
        ];
        if (ColumnAssignment.Assign(table, roles, Classify, assigned) is { } problem)
        {
            return Fail(headerLine, problem);
        }

        TableColumn? temperature = assigned[0];
        TableColumn? conductivity = assigned[1];
        TableColumn? uncertainty = assigned[2];
        string? unitText = temperature?.Header.Unit;
        string? conductivityUnit = conductivity?.Header.Unit;
        string? uncertaintyUnit = uncertainty?.Header.Unit;
        if (temperature is null)
        {
            return Fail(headerLine, $"no temperature column; expected a header such as 'T (K)', 'T/°C', 'T_K' or 'temperature_C', but the columns are {table.ColumnList()}; or name it (--temperature-column NAME --temperature-unit K|C)");
        }

        if (conductivity is null)
        {
            return Fail(headerLine, $"no conductivity column; expected a header such as 'sigma (S/cm)', 'σ / mS cm-1', 'sigma_S_per_cm' or 'conductivity', but the columns are {table.ColumnList()}; or name it (--conductivity-column NAME)");
        }

        TemperatureUnit unit;
        bool fromHeader = unitText is not null;
        if (unitText is not null)
        {
            TemperatureUnit? parsed = ConductivityColumnRoles.ParseTemperatureUnit(unitText);
            if (parsed is null)
            {
                return Fail(headerLine, $"the temperature column '{temperature.Header.Text}' is in '{unitText}', which is not a temperature unit this reader knows; expected K or °C");
            }

            if (temperatureUnit is { } given && given != parsed)
            {
                return Fail(headerLine, $"the temperature column '{temperature.Header.Text}' is in {Symbol(parsed.Value)} but the temperature unit {Symbol(given)} was given; remove one or make them agree");
            }

            unit = parsed.Value;
        }
        else if (temperatureUnit is { } given)
        {
            unit = given;
        }
        else
        {
            return Fail(headerLine, $"the temperature column '{temperature.Header.Text}' has no unit; write it in the header, e.g. 'T (K)' or 'T (°C)', or give the unit explicitly (--temperature-unit K|C)");
        }

        if (uncertainty is not null && uncertaintyUnit is not null && conductivityUnit is not null && !SameUnit(uncertaintyUnit, conductivityUnit))
        {
            return Fail(headerLine, $"the uncertainty column '{uncertainty.Header.Text}' is in '{uncertaintyUnit}' but the conductivity column '{conductivity.Header.Text}' is in '{conductivityUnit}'; give both in the same unit");
        }

        int n = table.RowCount;
        var kelvin = ImmutableArray.CreateBuilder<double>(n);
        for (int i = 0; i < n; i++)
        {
            double t = temperature.Values[i];
            int line = table.RowLineNumbers[i];
            if (unit == TemperatureUnit.Celsius)
            {
                if (!(t > -PhysicalConstants.ZeroCelsiusInKelvin))
                {
                    return Fail(line, $"the temperature is {Format(t)} °C, at or below absolute zero (−273.15 °C); expected a temperature above −273.15 °C");
                }

                kelvin.Add(UnitConversions.CelsiusToKelvin(t));
            }
            else
            {
                if (!(t > 0))
                {
                    return Fail(line, $"the temperature is {Format(t)} K; a temperature in kelvin must be greater than 0{(t < 0 && t > -PhysicalConstants.ZeroCelsiusInKelvin ? " (is the column in °C?)" : string.Empty)}");
                }

                kelvin.Add(t);
            }

            if (!(conductivity.Values[i] > 0))
            {
                return Fail(line, $"the conductivity is {Format(conductivity.Values[i])}; it must be greater than zero (the models are fitted to ln σ)");
            }

            if (uncertainty is not null && !(uncertainty.Values[i] > 0))
            {
                return Fail(line, $"the standard uncertainty of σ is {Format(uncertainty.Values[i])}; it must be greater than zero (it sets the weight (σ/u)²)");
            }
        }

        return DataFileResult.Success(new ConductivityTable(
            table,
            temperature.Header,
            unit,
            fromHeader,
            conductivity.Header,
            uncertainty?.Header,
            conductivityUnit ?? (uncertainty is null ? null : uncertaintyUnit),
            kelvin.MoveToImmutable(),
            conductivity.Values,
            uncertainty is null ? [] : uncertainty.Values));
    }

    /// <summary>A header's role (0 temperature, 1 conductivity, 2 uncertainty, −1 none), with the unit the classifier reads from it.</summary>
    private static (int Role, ColumnHeader Header) Classify(ColumnHeader header)
    {
        ConductivityColumnRole role = ConductivityColumnRoles.Classify(header, out string? unit);
        int index = role switch
        {
            ConductivityColumnRole.Temperature => 0,
            ConductivityColumnRole.Conductivity => 1,
            ConductivityColumnRole.Uncertainty => 2,
            _ => -1,
        };
        return (index, header with { Unit = unit });
    }

    private static void CheckUnit(TemperatureUnit? unit)
    {
        if (unit is { } u && !Enum.IsDefined(u))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), u, "temperatureUnit must be TemperatureUnit.Kelvin, TemperatureUnit.Celsius or null.");
        }
    }

    private static bool SameUnit(string a, string b) =>
        string.Equals(a.Replace(" ", string.Empty, StringComparison.Ordinal), b.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

    private static string Symbol(TemperatureUnit unit) => unit == TemperatureUnit.Kelvin ? "K" : "°C";

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
