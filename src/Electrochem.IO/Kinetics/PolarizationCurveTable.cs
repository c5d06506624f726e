using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Electrochem.IO.Tables;

namespace Electrochem.IO.Kinetics;

/// <summary>
/// A polarisation curve (voltage against current or current density) read from a delimited table, ready for
/// <c>TafelAnalysis</c>, <c>ButlerVolmer.Fit</c> and <c>SymmetricCell.Fit</c>. Immutable.
/// </summary>
/// <remarks>
/// <para>Columns are found by their headers (case-insensitive):</para>
/// <list type="bullet">
/// <item>voltage: <c>eta</c>, <c>η</c>, <c>overpotential</c>, <c>E</c>, <c>Ewe</c>, <c>potential</c>, <c>V</c>,
/// <c>U</c>, <c>voltage</c>, optionally qualified (<c>η_cell</c>, <c>E_we</c>, <c>cell voltage</c>), in V or mV
/// (converted to V). The unit must be in the header.</item>
/// <item>current: <c>i</c>, <c>j</c>, <c>I</c>, <c>current</c>, <c>current density</c>, in A, mA, µA or the same
/// per cm² (<see cref="CurrentUnit"/>), kept as written. The unit comes from the header or from an explicit
/// argument; when neither gives it, or they disagree, reading fails: the unit is never guessed.</item>
/// <item>optionally the current's standard uncertainty: a current word with an uncertainty word (<c>u_i (mA/cm2)</c>,
/// <c>i_err</c>, <c>std current</c>, <c>current uncertainty</c>), in the current's unit (a different unit written in
/// its header is an error), each value positive. It sets the fit weights 1/u².</item>
/// </list>
/// <para>What the voltage means (one electrode's η, its potential E, or a symmetric cell's η_cell) is the caller's
/// statement, not the file's. Every other column is kept in <see cref="Table"/>.</para>
/// </remarks>
/// <example><code>
/// PolarizationCurveTable curve = PolarizationCurveTable.Read("li-li.csv");   // header "eta_cell (V),i (mA/cm2)"
/// TafelResult tafel = TafelAnalysis.AnalyzeSymmetricCell(curve.VoltageVolts.AsSpan(), curve.Current.AsSpan(), 1, 301.15);
/// </code></example>
public sealed class PolarizationCurveTable
{
    private static readonly FrozenSet<string> VoltageWords = FrozenSet.Create(
        StringComparer.Ordinal, "eta", "η", "overpotential", "e", "ewe", "ecell", "potential", "v", "u", "voltage");

    private static readonly FrozenSet<string> VoltageQualifiers = FrozenSet.Create(
        StringComparer.Ordinal, "cell", "we", "electrode", "ir", "corrected", "free", "applied");

    private static readonly FrozenSet<string> CurrentWords = FrozenSet.Create(StringComparer.Ordinal, "i", "j", "current", "density");

    /// <summary>Every word a voltage header's stem may hold: the voltage words and their qualifiers.</summary>
    private static readonly FrozenSet<string> UncertaintyWords = FrozenSet.Create(
        StringComparer.Ordinal, "u", "err", "error", "std", "stdev", "stddev", "sd", "se", "uncertainty", "unc", "delta");

    private static readonly FrozenSet<string> VoltageStems = VoltageWords.Union(VoltageQualifiers).ToFrozenSet(StringComparer.Ordinal);

    private PolarizationCurveTable(DelimitedTable table, ColumnHeader voltageHeader, string voltageUnit, ColumnHeader currentHeader, CurrentUnit currentUnit, bool currentUnitFromHeader, ImmutableArray<double> voltage, ImmutableArray<double> current, ColumnHeader? uncertaintyHeader, ImmutableArray<double> uncertainty)
    {
        UncertaintyHeader = uncertaintyHeader;
        CurrentStandardUncertainty = uncertainty;
        Table = table;
        VoltageHeader = voltageHeader;
        VoltageUnitInFile = voltageUnit;
        CurrentHeader = currentHeader;
        CurrentUnit = currentUnit;
        CurrentUnitFromHeader = currentUnitFromHeader;
        VoltageVolts = voltage;
        Current = current;
    }

    /// <summary>The file path as given, or the table's source name.</summary>
    public string SourceName => Table.SourceName;

    /// <summary>Header of the current's standard-uncertainty column, or null when the table has none.</summary>
    public ColumnHeader? UncertaintyHeader { get; }

    /// <summary>Standard uncertainties of <see cref="Current"/>, in <see cref="CurrentUnit"/>, one per row; empty when the table has no uncertainty column.</summary>
    public ImmutableArray<double> CurrentStandardUncertainty { get; }

    /// <summary>The whole table as read, every column included.</summary>
    public DelimitedTable Table { get; }

    /// <summary>Header of the voltage column.</summary>
    public ColumnHeader VoltageHeader { get; }

    /// <summary>The unit the voltages are written in: <c>V</c> or <c>mV</c> (converted to V in <see cref="VoltageVolts"/>).</summary>
    public string VoltageUnitInFile { get; }

    /// <summary>Header of the current column.</summary>
    public ColumnHeader CurrentHeader { get; }

    /// <summary>The unit of <see cref="Current"/>.</summary>
    public CurrentUnit CurrentUnit { get; }

    /// <summary>True when the header gave the current unit; false when it came from the caller's argument.</summary>
    public bool CurrentUnitFromHeader { get; }

    /// <summary>Voltages in V, one per row, signed (anodic positive).</summary>
    public ImmutableArray<double> VoltageVolts { get; }

    /// <summary>Currents or current densities in <see cref="CurrentUnit"/> (as written, not rescaled), one per row, signed.</summary>
    public ImmutableArray<double> Current { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Current.Length;

    /// <summary>Reads a polarisation curve from a file.</summary>
    /// <param name="path">The file's path; it appears in error messages as given.</param>
    /// <param name="currentUnit">The current unit when the header does not give one; null to require it in the header.</param>
    /// <param name="options">Delimiter, decimal separator and limits; null for the defaults.</param>
    /// <param name="columns">Columns named by the caller instead of found by their headers; null to find both.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="DataFileException">The file is malformed or lacks a needed column or unit; the message is <c>file:line: problem</c>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or an argument is invalid.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static PolarizationCurveTable Read(string path, CurrentUnit? currentUnit = null, DelimitedTableOptions? options = null, PolarizationColumns? columns = null)
    {
        DataFileResult<DelimitedTable> table = DelimitedTable.TryRead(path, options);
        return table.IsSuccess ? TryFromTable(table.Value, currentUnit, columns).Value : throw table.Error.ToException();
    }

    /// <summary>Finds the voltage and current columns in a table already read.</summary>
    /// <param name="table">The table.</param>
    /// <param name="currentUnit">The current unit when the header does not give one; null to require it in the header.</param>
    /// <param name="columns">Columns named by the caller; null to find both by their headers.</param>
    /// <returns>The curve.</returns>
    /// <exception cref="DataFileException">A needed column or unit is missing.</exception>
    public static PolarizationCurveTable FromTable(DelimitedTable table, CurrentUnit? currentUnit = null, PolarizationColumns? columns = null) => TryFromTable(table, currentUnit, columns).Value;

    /// <summary>Finds the voltage and current columns in a table already read, returning the problem instead of throwing.</summary>
    /// <param name="table">The table.</param>
    /// <param name="currentUnit">The current unit when the header does not give one; null to require it in the header.</param>
    /// <param name="columns">Columns named by the caller; null to find both by their headers.</param>
    /// <returns>The curve, or the problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static DataFileResult<PolarizationCurveTable> TryFromTable(DelimitedTable table, CurrentUnit? currentUnit = null, PolarizationColumns? columns = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        int headerLine = table.HeaderLineNumber;
        DataFileResult<PolarizationCurveTable> Fail(string problem) => DataFileResult.Failure<PolarizationCurveTable>(new DataFileError(table.SourceName, headerLine, problem));

        var assigned = new TableColumn?[3];
        ColumnAssignment.Role[] roles =
        [
            new("voltage", "--voltage-column", columns?.Voltage),
            new("current", "--current-column", columns?.Current),
            new("current uncertainty", "--uncertainty-column", columns?.Uncertainty),
        ];
        if (ColumnAssignment.Assign(table, roles, Classify, assigned) is { } problem)
        {
            return Fail(problem);
        }

        TableColumn? voltage = assigned[0];
        TableColumn? current = assigned[1];
        TableColumn? uncertainty = assigned[2];
        if (voltage is null)
        {
            return Fail($"no voltage column; expected a header such as 'eta (V)', 'eta_cell (V)', 'E (V)' or 'overpotential (mV)', but the columns are {table.ColumnList()}; or name it (--voltage-column NAME --voltage-unit V|mV)");
        }

        if (current is null)
        {
            return Fail($"no current column; expected a header such as 'i (mA/cm2)', 'I (A)', 'current_density_A_per_m2' or 'current density (mA cm-2)', but the columns are {table.ColumnList()}; or name it (--current-column NAME)");
        }

        double voltageScale;
        string voltageUnit;
        switch (voltage.Header.Unit is { } vu ? HeaderWords.NormaliseUnit(vu) : null)
        {
            case "v":
                voltageScale = 1;
                voltageUnit = "V";
                break;
            case "mv":
                voltageScale = 1e-3;
                voltageUnit = "mV";
                break;
            case null:
                return Fail($"the voltage column '{voltage.Header.Text}' has no unit; write it in the header, e.g. 'eta (V)' or 'eta (mV)', or give it (--voltage-unit V|mV)");
            default:
                return Fail($"the voltage column '{voltage.Header.Text}' is in '{voltage.Header.Unit}', which is not a voltage unit this reader knows; expected V or mV");
        }

        CurrentUnit unit;
        bool fromHeader = current.Header.Unit is not null;
        if (current.Header.Unit is { } written)
        {
            CurrentUnit? parsed = CurrentUnit.Parse(written);
            if (parsed is null)
            {
                return Fail($"the current column '{current.Header.Text}' is in '{written}', which is not a current unit this reader knows; expected A, mA, µA or the same per cm² (e.g. mA/cm2)");
            }

            if (currentUnit is { } given && given != parsed)
            {
                return Fail($"the current column '{current.Header.Text}' is in {parsed.Symbol} but the current unit {given.Symbol} was given; remove one or make them agree");
            }

            unit = parsed;
        }
        else if (currentUnit is { } given)
        {
            unit = given;
        }
        else
        {
            return Fail($"the current column '{current.Header.Text}' has no unit; write it in the header, e.g. 'i (mA/cm2)' or 'I (A)', or give the unit explicitly (--current-unit)");
        }

        if (uncertainty is not null)
        {
            if (uncertainty.Header.Unit is { } uncertaintyUnit && CurrentUnit.Parse(uncertaintyUnit) != unit)
            {
                return Fail($"the uncertainty column '{uncertainty.Header.Text}' is in '{uncertaintyUnit}' but the current column '{current.Header.Text}' is in {unit.Symbol}; give both in the same unit");
            }

            for (int k = 0; k < uncertainty.Values.Length; k++)
            {
                if (!(uncertainty.Values[k] > 0) || !double.IsFinite(uncertainty.Values[k]))
                {
                    return DataFileResult.Failure<PolarizationCurveTable>(new DataFileError(table.SourceName, table.RowLineNumbers[k],
                        $"the standard uncertainty of the current ('{uncertainty.Header.Text}') is {uncertainty.Values[k].ToString("R", CultureInfo.InvariantCulture)}; it must be positive and finite (it sets the weight 1/u²)"));
                }
            }
        }

        return ColumnScaling.TryScale(table, voltage, voltageScale, "V", out ImmutableArray<double> volts, out DataFileError? error)
            ? DataFileResult.Success(new PolarizationCurveTable(table, voltage.Header, voltageUnit, current.Header, unit, fromHeader, volts, current.Values, uncertainty?.Header, uncertainty?.Values ?? []))
            : DataFileResult.Failure<PolarizationCurveTable>(error);
    }

    /// <summary>A header's role (0 voltage, 1 current, 2 the current's uncertainty, −1 none), with a <c>name_unit</c> suffix (overpotential_V, current_density_A_per_m2) split off as its unit.</summary>
    private static (int Role, ColumnHeader Header) Classify(ColumnHeader asWritten)
    {
        ColumnHeader header = HeaderGrammar.WithSuffixUnit(asWritten, UnitDimension.Voltage, VoltageStems);
        header = HeaderGrammar.WithSuffixUnit(HeaderGrammar.WithSuffixUnit(header, UnitDimension.CurrentDensity, CurrentWords), UnitDimension.Current, CurrentWords);
        List<string> words = HeaderWords.Split(header.Name);
        bool isVoltage = words.Count > 0 && VoltageWords.Contains(words[0]) && words.Skip(1).All(VoltageQualifiers.Contains);
        bool isCurrent = words.Count > 0 && words.All(CurrentWords.Contains);
        bool isUncertainty = words.Count > 1 && words.Any(UncertaintyWords.Contains) && words.Any(CurrentWords.Contains)
            && words.All(w => UncertaintyWords.Contains(w) || CurrentWords.Contains(w));
        return (isVoltage ? 0 : isCurrent ? 1 : isUncertainty ? 2 : -1, header);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{SourceName}: {Count} rows, V in {VoltageUnitInFile}, current in {CurrentUnit.Symbol}");
}
