using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Electrochem.Cli.Formatting;
using Electrochem.IO;
using Electrochem.IO.Kinetics;
using Electrochem.Kinetics;

namespace Electrochem.Cli.Kinetics;

/// <summary>
/// A polarisation curve as the kinetics commands analyse it: the file's columns, the current divided by the area
/// when <c>--area</c> was given, and the equilibrium potential when the voltage is a potential E.
/// </summary>
/// <param name="Table">The file as read.</param>
/// <param name="Current">Current or current density in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit of <paramref name="Current"/> and so of i₀.</param>
/// <param name="AreaSquareCentimetres">The area the current was divided by, or null.</param>
/// <param name="EquilibriumPotential">E_eq in V when the voltage column is E, or null when it is η.</param>
internal sealed record PolarizationCurve(PolarizationCurveTable Table, ImmutableArray<double> Current, CurrentUnit Unit, double? AreaSquareCentimetres, double? EquilibriumPotential)
{
    /// <summary>The standard uncertainties of <see cref="Current"/> (divided by the area with it), or empty when the file has none.</summary>
    internal ImmutableArray<double> Uncertainty => AreaSquareCentimetres is { } a && !Table.CurrentStandardUncertainty.IsEmpty
        ? [.. Table.CurrentStandardUncertainty.Select(u => u / a)]
        : Table.CurrentStandardUncertainty;

    /// <summary>Applies the area (a current becomes a density) and keeps E_eq.</summary>
    /// <exception cref="ArgumentException">The area is not positive and finite, or the column is already a density.</exception>
    internal static PolarizationCurve From(PolarizationCurveTable table, double? area, double? equilibriumPotential)
    {
        if (area is not { } a)
        {
            return new PolarizationCurve(table, table.Current, table.CurrentUnit, null, equilibriumPotential);
        }

        if (!(a > 0) || !double.IsFinite(a))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--area is {a} cm²; it must be a positive, finite area in cm²."));
        }

        if (table.CurrentUnit.IsDensity)
        {
            throw new ArgumentException($"the current column '{table.CurrentHeader.Text}' is already a current density ({table.CurrentUnit.Symbol}); --area would divide it by the area again. Leave out --area.");
        }

        return new PolarizationCurve(table, [.. table.Current.Select(i => i / a)], table.CurrentUnit.PerSquareCentimetre(), a, equilibriumPotential);
    }

    /// <summary>The voltage column in V, as written (E when <see cref="EquilibriumPotential"/> is set, else η or η_cell).</summary>
    internal ImmutableArray<double> Voltage => Table.VoltageVolts;

    /// <summary>η (or η_cell) in V: the voltage, minus E_eq when one was given.</summary>
    internal double[] Overpotential() => EquilibriumPotential is { } e ? [.. Voltage.Select(v => v - e)] : [.. Voltage];

    /// <summary>"current density" or "current", for sentences.</summary>
    internal string CurrentKind => Unit.IsDensity ? "current density" : "current";

    /// <summary>The voltage's symbol for the geometry: η, η_cell, or E with E_eq.</summary>
    internal string VoltageSymbol(PolarizationGeometry geometry) =>
        EquilibriumPotential is not null ? "E" : geometry == PolarizationGeometry.SymmetricCell ? "η_cell" : "η";

    /// <summary>Appends what was read and how it was interpreted.</summary>
    internal void AppendText(StringBuilder text, KineticsRequest request)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        text.Append($"Data: {Table.SourceName}, {Table.Count} rows\n");
        string symbol = VoltageSymbol(request.Geometry);
        text.Append($"  {symbol}: column '{Table.VoltageHeader.Text}' in {Table.VoltageUnitInFile}, {Numbers.Significant(Voltage.Min())} to {Numbers.Significant(Voltage.Max())} V");
        text.Append(EquilibriumPotential is { } e ? $"; η = E − E_eq with E_eq = {Numbers.Significant(e, 6)} V (--e-eq)\n" : "\n");
        text.Append($"  i: column '{Table.CurrentHeader.Text}' in {Table.CurrentUnit.Symbol} ({(Table.CurrentUnitFromHeader ? "from the header" : "from --current-unit")})");
        text.Append(AreaSquareCentimetres is { } a ? string.Create(invariant, $", divided by --area {Numbers.Significant(a, 6)} cm² → {Unit.Symbol}\n") : "\n");
        text.Append(string.Create(invariant, $"  n = {request.ElectronCount}, T = {Numbers.Significant(request.TemperatureKelvin, 6)} K ({(request.TemperatureGiven ? "--temperature" : "default; set --temperature")})\n"));
        text.Append($"Geometry assumed: {GeometryText(request.Geometry)}\n");
    }

    /// <summary>Writes what was read as the JSON object <c>data</c>.</summary>
    internal void WriteJson(Utf8JsonWriter json, KineticsRequest request)
    {
        json.WriteStartObject("data");
        json.WriteString("source", Table.SourceName);
        json.WriteNumber("rows", Table.Count);
        json.WriteStartObject("voltage");
        json.WriteString("column", Table.VoltageHeader.Text);
        json.WriteString("unitInFile", Table.VoltageUnitInFile);
        json.WriteString("quantity", VoltageSymbol(request.Geometry));
        JsonOutput.NumberOrNull(json, "equilibriumPotentialVolts", EquilibriumPotential);
        json.WriteEndObject();
        json.WriteStartObject("current");
        json.WriteString("column", Table.CurrentHeader.Text);
        json.WriteString("unitInFile", Table.CurrentUnit.Symbol);
        json.WriteString("unitFrom", Table.CurrentUnitFromHeader ? "header" : "option");
        JsonOutput.NumberOrNull(json, "areaSquareCentimetres", AreaSquareCentimetres);
        json.WriteString("unit", Unit.Symbol);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("geometry", request.Geometry == PolarizationGeometry.SymmetricCell ? KineticsOptions.CellGeometry : KineticsOptions.ElectrodeGeometry);
        json.WriteString("geometryAssumed", GeometryText(request.Geometry));
        json.WriteNumber("electronCount", request.ElectronCount);
        JsonOutput.Number(json, "temperatureKelvin", request.TemperatureKelvin);
        json.WriteBoolean("temperatureGiven", request.TemperatureGiven);
    }

    /// <summary>The geometry in one sentence, with what it implies for α and i₀.</summary>
    internal static string GeometryText(PolarizationGeometry geometry) => geometry == PolarizationGeometry.SymmetricCell
        ? "symmetric cell (--geometry cell): the voltage is η_cell across two identical electrodes in series; i₀ is each electrode's, α the harmonic mean of α_a and α_c"
        : "single electrode (--geometry electrode): the voltage is one electrode's overpotential η; i₀ and α are that electrode's";
}
