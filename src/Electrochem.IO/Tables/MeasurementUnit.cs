using System.Collections.Frozen;
using System.Text;

namespace Electrochem.IO.Tables;

/// <summary>
/// A unit as written in a column header, with the factor and offset that take its values to the base unit of its
/// dimension: <c>base = value × Scale + Offset</c> (°C → K adds 273.15; everything else only scales). Immutable.
/// </summary>
/// <param name="Symbol">The unit in its usual spelling, e.g. <c>mA</c>, <c>°C</c>, <c>mAh</c>.</param>
/// <param name="Dimension">What it measures.</param>
/// <param name="Scale">Base units per one of this unit (e.g. 0.001 for mA, 3600 for h, 1/3600 for C → Ah).</param>
/// <param name="Offset">Added after scaling (273.15 for °C; 0 otherwise).</param>
/// <remarks>
/// Parsing is lenient about how people write units and strict about what they mean: spaces, dots and middle dots
/// between symbols are ignored (<c>mA.h</c>, <c>mA h</c>, <c>mA·h</c> are mAh), µ may be written u or μ, ² as 2,
/// negative exponents are divisions (<c>mA cm-2</c> is mA/cm²), <c>_per_</c> and <c>per</c> are <c>/</c>
/// (<c>S_per_cm</c>). Case is ignored except where it changes the meaning (mHz/MHz, mΩ/MΩ): a spelling that is
/// ambiguous without its case must be written with it. <c>C</c> is a coulomb for a charge and a degree Celsius for a
/// temperature: the caller says which dimension it expects.
/// </remarks>
public sealed record MeasurementUnit(string Symbol, UnitDimension Dimension, double Scale, double Offset = 0)
{
    private const double Hour = 3600;

    private static readonly MeasurementUnit[] All =
    [
        // Time
        new("s", UnitDimension.Time, 1), new("sec", UnitDimension.Time, 1), new("second", UnitDimension.Time, 1), new("seconds", UnitDimension.Time, 1),
        new("ms", UnitDimension.Time, 1e-3), new("min", UnitDimension.Time, 60), new("minutes", UnitDimension.Time, 60),
        new("h", UnitDimension.Time, Hour), new("hr", UnitDimension.Time, Hour), new("hrs", UnitDimension.Time, Hour), new("hour", UnitDimension.Time, Hour), new("hours", UnitDimension.Time, Hour),
        new("d", UnitDimension.Time, 86400), new("day", UnitDimension.Time, 86400), new("days", UnitDimension.Time, 86400),

        // Current
        new("A", UnitDimension.Current, 1), new("amp", UnitDimension.Current, 1), new("amps", UnitDimension.Current, 1), new("ampere", UnitDimension.Current, 1),
        new("mA", UnitDimension.Current, 1e-3), new("uA", UnitDimension.Current, 1e-6), new("nA", UnitDimension.Current, 1e-9), new("kA", UnitDimension.Current, 1e3),

        // Voltage
        new("V", UnitDimension.Voltage, 1), new("volt", UnitDimension.Voltage, 1), new("volts", UnitDimension.Voltage, 1),
        new("mV", UnitDimension.Voltage, 1e-3), new("uV", UnitDimension.Voltage, 1e-6), new("kV", UnitDimension.Voltage, 1e3),

        // Charge (battery convention: ampere-hours)
        new("Ah", UnitDimension.Charge, 1), new("mAh", UnitDimension.Charge, 1e-3), new("uAh", UnitDimension.Charge, 1e-6), new("nAh", UnitDimension.Charge, 1e-9),
        new("C", UnitDimension.Charge, 1 / Hour), new("mC", UnitDimension.Charge, 1e-3 / Hour), new("uC", UnitDimension.Charge, 1e-6 / Hour),
        new("As", UnitDimension.Charge, 1 / Hour), new("mAs", UnitDimension.Charge, 1e-3 / Hour),

        // Energy
        new("Wh", UnitDimension.Energy, 1), new("mWh", UnitDimension.Energy, 1e-3), new("uWh", UnitDimension.Energy, 1e-6), new("kWh", UnitDimension.Energy, 1e3),
        new("J", UnitDimension.Energy, 1 / Hour), new("mJ", UnitDimension.Energy, 1e-3 / Hour), new("kJ", UnitDimension.Energy, 1e3 / Hour), new("Ws", UnitDimension.Energy, 1 / Hour),

        // Temperature
        new("K", UnitDimension.Temperature, 1), new("kelvin", UnitDimension.Temperature, 1),
        new("°C", UnitDimension.Temperature, 1, 273.15), new("ºC", UnitDimension.Temperature, 1, 273.15), new("degC", UnitDimension.Temperature, 1, 273.15),
        new("C", UnitDimension.Temperature, 1, 273.15), new("celsius", UnitDimension.Temperature, 1, 273.15), new("°", UnitDimension.Temperature, 1, 273.15),
        new("°F", UnitDimension.Temperature, 5.0 / 9.0, 273.15 - (32 * 5.0 / 9.0)), new("degF", UnitDimension.Temperature, 5.0 / 9.0, 273.15 - (32 * 5.0 / 9.0)),

        // Power
        new("W", UnitDimension.Power, 1), new("mW", UnitDimension.Power, 1e-3), new("uW", UnitDimension.Power, 1e-6), new("kW", UnitDimension.Power, 1e3),

        // Resistance
        new("Ω", UnitDimension.Resistance, 1), new("ohm", UnitDimension.Resistance, 1), new("ohms", UnitDimension.Resistance, 1),
        new("mΩ", UnitDimension.Resistance, 1e-3), new("mohm", UnitDimension.Resistance, 1e-3), new("kΩ", UnitDimension.Resistance, 1e3), new("kohm", UnitDimension.Resistance, 1e3),
        new("MΩ", UnitDimension.Resistance, 1e6), new("Mohm", UnitDimension.Resistance, 1e6),

        // Frequency
        new("Hz", UnitDimension.Frequency, 1), new("mHz", UnitDimension.Frequency, 1e-3), new("kHz", UnitDimension.Frequency, 1e3), new("MHz", UnitDimension.Frequency, 1e6),

        // Current density
        new("A/m2", UnitDimension.CurrentDensity, 1), new("mA/m2", UnitDimension.CurrentDensity, 1e-3),
        new("A/cm2", UnitDimension.CurrentDensity, 1e4), new("mA/cm2", UnitDimension.CurrentDensity, 10), new("uA/cm2", UnitDimension.CurrentDensity, 1e-2), new("nA/cm2", UnitDimension.CurrentDensity, 1e-5),

        // Conductivity
        new("S/m", UnitDimension.Conductivity, 1), new("mS/m", UnitDimension.Conductivity, 1e-3),
        new("S/cm", UnitDimension.Conductivity, 100), new("mS/cm", UnitDimension.Conductivity, 0.1), new("uS/cm", UnitDimension.Conductivity, 1e-4),

        // Mass
        new("g", UnitDimension.Mass, 1), new("mg", UnitDimension.Mass, 1e-3), new("ug", UnitDimension.Mass, 1e-6), new("kg", UnitDimension.Mass, 1e3),

        // Capacitance
        new("F", UnitDimension.Capacitance, 1), new("mF", UnitDimension.Capacitance, 1e-3), new("uF", UnitDimension.Capacitance, 1e-6),
        new("nF", UnitDimension.Capacitance, 1e-9), new("pF", UnitDimension.Capacitance, 1e-12),

        // Angle
        new("deg", UnitDimension.Angle, 1), new("°", UnitDimension.Angle, 1), new("degree", UnitDimension.Angle, 1), new("degrees", UnitDimension.Angle, 1),
        new("rad", UnitDimension.Angle, 180 / Math.PI),

        // Dimensionless
        new("1", UnitDimension.Dimensionless, 1), new("-", UnitDimension.Dimensionless, 1), new("%", UnitDimension.Dimensionless, 1),
    ];

    // Per dimension: exact spellings (after normalisation), and case-folded spellings that stay unambiguous.
    private static readonly FrozenDictionary<(UnitDimension, string), MeasurementUnit> Exact = BuildExact();
    private static readonly FrozenDictionary<(UnitDimension, string), MeasurementUnit> Folded = BuildFolded();

    /// <summary>
    /// The unit written as <paramref name="text"/> for a column of <paramref name="dimension"/>, or null when it is not
    /// a unit of that dimension this parser knows.
    /// </summary>
    /// <param name="text">The unit as written, e.g. <c>mA.h</c>, <c>mA cm-2</c>, <c>S_per_cm</c>, <c>°C</c>.</param>
    /// <param name="dimension">What the column measures.</param>
    /// <returns>The unit, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <example><c>MeasurementUnit.Parse("mA.h", UnitDimension.Charge)</c> is mAh with scale 0.001.</example>
    public static MeasurementUnit? Parse(string text, UnitDimension dimension)
    {
        ArgumentNullException.ThrowIfNull(text);
        string key = Normalise(text);
        if (key.Length == 0)
        {
            return null;
        }

        return Exact.GetValueOrDefault((dimension, key)) ?? Folded.GetValueOrDefault((dimension, key.ToLowerInvariant()));
    }

    /// <summary>True when <paramref name="text"/> is a unit of any dimension this parser knows.</summary>
    /// <param name="text">The unit text.</param>
    /// <returns>True for a known unit.</returns>
    public static bool IsKnown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (UnitDimension dimension in Enum.GetValues<UnitDimension>())
        {
            if (Parse(text, dimension) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The spellings this parser accepts for a dimension, for messages (e.g. <c>s, ms, min, h, d</c>).</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>A comma-separated list of the usual spellings.</returns>
    public static string Describe(UnitDimension dimension) =>
        string.Join(", ", All.Where(u => u.Dimension == dimension).Select(u => u.Symbol.Replace('u', 'µ')).Where(s => s.Length <= 6).Distinct().Take(12));

    /// <summary>Converts one value to the base unit.</summary>
    /// <param name="value">The value in this unit.</param>
    /// <returns>The value in the base unit of <see cref="Dimension"/>.</returns>
    public double ToBase(double value) => (value * Scale) + Offset;

    /// <inheritdoc/>
    public override string ToString() => Symbol;

    /// <summary>
    /// The unit text reduced to a lookup key: trimmed, µ/μ → u, ² → 2, ⁻/− → -, Ω spellings kept, spaces, dots, middle
    /// dots and carets removed, <c>_per_</c>/<c>per</c> → <c>/</c>, and negative exponents turned into divisions
    /// (<c>mAcm-2</c> → <c>mA/cm2</c>, <c>Scm-1</c> → <c>S/cm</c>).
    /// </summary>
    internal static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        string trimmed = text.Trim().Replace("_per_", "/", StringComparison.OrdinalIgnoreCase).Replace(" per ", "/", StringComparison.OrdinalIgnoreCase);
        foreach (char c in trimmed)
        {
            switch (c)
            {
                case ' ' or '.' or '·' or '^' or '*' or '_':
                    break;
                case 'µ' or 'μ':
                    builder.Append('u');
                    break;
                case '²':
                    builder.Append('2');
                    break;
                case '⁻' or '−':
                    builder.Append('-');
                    break;
                case '℃':
                    builder.Append("°C");
                    break;
                case '¹':
                    builder.Append('1');
                    break;
                case 'Ω' or 'Ω':
                    builder.Append('Ω');
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        string key = builder.ToString();
        if (key.Length > 2 && !key.Contains('/', StringComparison.Ordinal))
        {
            foreach ((string suffix, string division) in (ReadOnlySpan<(string, string)>)[("cm-2", "/cm2"), ("m-2", "/m2"), ("cm-1", "/cm"), ("m-1", "/m")])
            {
                if (key.EndsWith(suffix, StringComparison.Ordinal) && key.Length > suffix.Length)
                {
                    key = string.Concat(key.AsSpan(0, key.Length - suffix.Length), division);
                    break;
                }
            }
        }

        return key;
    }

    private static FrozenDictionary<(UnitDimension, string), MeasurementUnit> BuildExact()
    {
        var map = new Dictionary<(UnitDimension, string), MeasurementUnit>();
        foreach (MeasurementUnit unit in All)
        {
            map.TryAdd((unit.Dimension, Normalise(unit.Symbol)), unit);
        }

        return map.ToFrozenDictionary();
    }

    private static FrozenDictionary<(UnitDimension, string), MeasurementUnit> BuildFolded()
    {
        var map = new Dictionary<(UnitDimension, string), MeasurementUnit?>();
        foreach (MeasurementUnit unit in All)
        {
            var key = (unit.Dimension, Normalise(unit.Symbol).ToLowerInvariant());
            if (map.TryGetValue(key, out MeasurementUnit? existing))
            {
                if (existing is not null && existing.Scale != unit.Scale)
                {
                    map[key] = null; // mHz and MHz fold together: only the exact spelling is accepted.
                }
            }
            else
            {
                map[key] = unit;
            }
        }

        return map.Where(p => p.Value is not null).ToFrozenDictionary(p => p.Key, p => p.Value!);
    }
}
