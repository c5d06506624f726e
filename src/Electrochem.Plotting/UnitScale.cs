namespace Electrochem.Plotting;

/// <summary>
/// A display unit chosen so that the numbers on an axis are readable: values in the base unit are multiplied by
/// <see cref="Factor"/> and labelled with <see cref="Unit"/> (e.g. 2.3×10⁻⁵ A drawn as 23 µA).
/// </summary>
/// <param name="Factor">What a value in the base unit is multiplied by.</param>
/// <param name="Unit">The display unit's symbol.</param>
internal readonly record struct UnitScale(double Factor, string Unit)
{
    /// <summary>A, mA, µA or nA, whichever puts the largest magnitude between 1 and 1000.</summary>
    /// <param name="largestAmperes">The largest |I| to show, in A.</param>
    internal static UnitScale Current(double largestAmperes) => Prefixed(largestAmperes, "A");

    /// <summary>A current density given in A/m², shown in A/cm², mA/cm², µA/cm² or nA/cm² (1 A/m² = 100 µA/cm²).</summary>
    /// <param name="largestAmperesPerSquareMetre">The largest |j| to show, in A/m².</param>
    internal static UnitScale CurrentDensity(double largestAmperesPerSquareMetre)
    {
        UnitScale perSquareCentimetre = Prefixed(largestAmperesPerSquareMetre * 1e-4, "A/cm²");
        return perSquareCentimetre with { Factor = perSquareCentimetre.Factor * 1e-4 };
    }

    /// <summary>s for spans below 10 min, min below 5 h, h beyond.</summary>
    /// <param name="durationSeconds">The span of times to show, in s.</param>
    internal static UnitScale Time(double durationSeconds) => durationSeconds switch
    {
        < 600 => new(1, "s"),
        < 5 * 3600 => new(1.0 / 60, "min"),
        _ => new(1.0 / 3600, "h"),
    };

    /// <summary>A·h below 1 A·h shown as mA·h.</summary>
    /// <param name="largestAmpereHours">The largest |Q| to show, in A·h.</param>
    internal static UnitScale Charge(double largestAmpereHours) => largestAmpereHours < 1 ? new(1000, "mA·h") : new(1, "A·h");

    private static UnitScale Prefixed(double largest, string unit)
    {
        double magnitude = Math.Abs(largest);
        return magnitude switch
        {
            >= 1 or 0 or double.NaN => new(1, unit),
            >= 1e-3 => new(1e3, "m" + unit),
            >= 1e-6 => new(1e6, "µ" + unit),
            _ => new(1e9, "n" + unit),
        };
    }
}
