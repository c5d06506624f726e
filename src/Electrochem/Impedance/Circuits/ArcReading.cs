namespace Electrochem.Impedance;

/// <summary>How <see cref="SpectrumShape"/> reads each arc of −Z″ into a diameter, exponent and characteristic frequency.</summary>
internal enum ArcReading
{
    /// <summary>
    /// A circle through the arc's upper half (its chord, depression and intercept), the characteristic frequency the
    /// median over its points; the apex reading where the circle fails. The first automatic start.
    /// </summary>
    Circle,

    /// <summary>
    /// The apex alone: the diameter is the rise of Z′ between the valleys beside the arc (at least twice its height), the
    /// exponent <see cref="Arc.DefaultExponent"/>, the frequency the apex's. Cruder, but it does not lean on the arc
    /// being a Zarc: the second automatic start, tried when a fit from the first does not converge.
    /// </summary>
    Apex,
}
