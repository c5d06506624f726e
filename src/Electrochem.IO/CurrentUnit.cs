using System.Collections.Frozen;
using Electrochem.IO.Tables;

namespace Electrochem.IO;

/// <summary>
/// The unit of a current or current-density column: A, mA or µA, optionally per cm², or A/m². Values are kept as written;
/// <see cref="AmperesPerUnit"/> converts when a reader or a caller needs amperes. Immutable.
/// </summary>
/// <param name="Symbol">The unit as printed, e.g. <c>mA/cm²</c>.</param>
/// <param name="AmperesPerUnit">Amperes (per cm² for a density) in one unit: 1, 10⁻³ or 10⁻⁶ (10⁻⁴ for A/m²).</param>
/// <param name="IsDensity">True for a current density (per cm²), false for a current.</param>
public sealed record CurrentUnit(string Symbol, double AmperesPerUnit, bool IsDensity)
{
    /// <summary>Ampere.</summary>
    public static CurrentUnit Ampere { get; } = new("A", 1, false);

    /// <summary>Milliampere.</summary>
    public static CurrentUnit Milliampere { get; } = new("mA", 1e-3, false);

    /// <summary>Microampere.</summary>
    public static CurrentUnit Microampere { get; } = new("µA", 1e-6, false);

    /// <summary>Ampere per square centimetre.</summary>
    public static CurrentUnit AmperePerSquareCentimetre { get; } = new("A/cm²", 1, true);

    /// <summary>Milliampere per square centimetre.</summary>
    public static CurrentUnit MilliamperePerSquareCentimetre { get; } = new("mA/cm²", 1e-3, true);

    /// <summary>Microampere per square centimetre.</summary>
    public static CurrentUnit MicroamperePerSquareCentimetre { get; } = new("µA/cm²", 1e-6, true);

    /// <summary>Ampere per square metre, the SI unit (10⁻⁴ A/cm²).</summary>
    public static CurrentUnit AmperePerSquareMetre { get; } = new("A/m²", 1e-4, true);

    // After the units: static initialisers run in textual order.
    private static readonly FrozenDictionary<string, CurrentUnit> Known = new Dictionary<string, CurrentUnit>(StringComparer.Ordinal)
    {
        ["a"] = Ampere,
        ["amp"] = Ampere,
        ["ampere"] = Ampere,
        ["ma"] = Milliampere,
        ["ua"] = Microampere,
        ["a/cm2"] = AmperePerSquareCentimetre,
        ["acm-2"] = AmperePerSquareCentimetre,
        ["ma/cm2"] = MilliamperePerSquareCentimetre,
        ["macm-2"] = MilliamperePerSquareCentimetre,
        ["ua/cm2"] = MicroamperePerSquareCentimetre,
        ["uacm-2"] = MicroamperePerSquareCentimetre,
        ["a/m2"] = AmperePerSquareMetre,
        ["am-2"] = AmperePerSquareMetre,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The unit written as <paramref name="text"/>, or null when it is not one of A, mA, µA (or uA), each optionally
    /// per cm² (<c>mA/cm2</c>, <c>mA/cm²</c>, <c>mA cm-2</c>, <c>mA·cm⁻²</c>), or A/m² (<c>A/m2</c>, <c>A m-2</c>). Case is ignored except that
    /// <c>MA</c> is read as mA (megaampere is not a battery unit).
    /// </summary>
    /// <param name="text">The unit text, e.g. from a column header.</param>
    /// <returns>The unit, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static CurrentUnit? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Known.GetValueOrDefault(HeaderWords.NormaliseUnit(text));
    }

    /// <summary>The density unit of this current unit divided by cm² (A → A/cm²).</summary>
    /// <returns>The density unit.</returns>
    /// <exception cref="InvalidOperationException">This unit is already a density.</exception>
    public CurrentUnit PerSquareCentimetre()
    {
        if (IsDensity)
        {
            throw new InvalidOperationException($"{Symbol} is already a current density.");
        }

        return AmperesPerUnit == 1 ? AmperePerSquareCentimetre : AmperesPerUnit == 1e-3 ? MilliamperePerSquareCentimetre : MicroamperePerSquareCentimetre;
    }

    /// <inheritdoc/>
    public override string ToString() => Symbol;
}
