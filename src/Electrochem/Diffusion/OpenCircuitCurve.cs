using System.Collections.Immutable;

namespace Electrochem.Diffusion;

/// <summary>
/// The open-circuit (equilibrium) voltage of an insertion electrode, U(x) in volts, against the stoichiometry
/// x = c/c_max of the inserted species, over a stated range [<see cref="MinimumStoichiometry"/>,
/// <see cref="MaximumStoichiometry"/>]: a straight line, a function, or a table interpolated linearly. Asking for a
/// value outside the range is an error, never an extrapolation. Immutable and thread-safe (a function given must be).
/// </summary>
public sealed class OpenCircuitCurve
{
    private readonly Func<double, double>? function;
    private readonly ImmutableArray<double> tableX;
    private readonly ImmutableArray<double> tableVolts;

    private OpenCircuitCurve(Func<double, double>? function, ImmutableArray<double> tableX, ImmutableArray<double> tableVolts, double minimum, double maximum, string description)
    {
        this.function = function;
        this.tableX = tableX;
        this.tableVolts = tableVolts;
        MinimumStoichiometry = minimum;
        MaximumStoichiometry = maximum;
        Description = description;
    }

    /// <summary>The smallest stoichiometry the curve is defined at.</summary>
    public double MinimumStoichiometry { get; }

    /// <summary>The largest stoichiometry the curve is defined at.</summary>
    public double MaximumStoichiometry { get; }

    /// <summary>What the curve is, in words.</summary>
    public string Description { get; }

    /// <summary>U(x) = U₀ + (dU/dx)·x on [0, 1].</summary>
    /// <param name="voltsAtZero">U₀ (V), U at x = 0.</param>
    /// <param name="voltsPerUnitStoichiometry">dU/dx (V), negative for a cathode whose voltage falls as it fills.</param>
    /// <returns>The curve.</returns>
    public static OpenCircuitCurve Linear(double voltsAtZero, double voltsPerUnitStoichiometry)
    {
        Preconditions.CheckFinite(voltsAtZero);
        Preconditions.CheckFinite(voltsPerUnitStoichiometry);
        return new OpenCircuitCurve(x => voltsAtZero + (voltsPerUnitStoichiometry * x), default, default, 0, 1, FormattableString.Invariant($"U = {voltsAtZero:G6} V {(voltsPerUnitStoichiometry < 0 ? '−' : '+')} {Math.Abs(voltsPerUnitStoichiometry):G6} V·x"));
    }

    /// <summary>U(x) from a function, defined on [minimum, maximum].</summary>
    /// <param name="ofStoichiometry">x ↦ U(x) in V.</param>
    /// <param name="minimumStoichiometry">Lower end of the range (≥ 0).</param>
    /// <param name="maximumStoichiometry">Upper end of the range (≤ 1, &gt; the lower end).</param>
    /// <param name="description">What the function is.</param>
    /// <returns>The curve.</returns>
    public static OpenCircuitCurve FromFunction(Func<double, double> ofStoichiometry, double minimumStoichiometry = 0, double maximumStoichiometry = 1, string description = "U(x)")
    {
        ArgumentNullException.ThrowIfNull(ofStoichiometry);
        CheckRange(minimumStoichiometry, maximumStoichiometry);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        return new OpenCircuitCurve(ofStoichiometry, default, default, minimumStoichiometry, maximumStoichiometry, description);
    }

    /// <summary>U(x) interpolated linearly in a table of at least two points.</summary>
    /// <param name="stoichiometry">x values, strictly increasing, within [0, 1].</param>
    /// <param name="volts">U at each x (V), finite.</param>
    /// <returns>The curve, defined from the first to the last x.</returns>
    /// <exception cref="ArgumentException">Lengths differ, fewer than two points, x not strictly increasing or outside [0, 1], or a value is not finite.</exception>
    public static OpenCircuitCurve FromTable(ReadOnlySpan<double> stoichiometry, ReadOnlySpan<double> volts)
    {
        Preconditions.CheckSameLength(stoichiometry.Length, volts.Length, nameof(stoichiometry), nameof(volts));
        Preconditions.CheckMinimumCount(stoichiometry.Length, 2, nameof(stoichiometry), "an open-circuit table needs two points to interpolate between");
        Preconditions.CheckAllFinite(stoichiometry, nameof(stoichiometry));
        Preconditions.CheckAllFinite(volts, nameof(volts));
        for (int i = 1; i < stoichiometry.Length; i++)
        {
            if (!(stoichiometry[i] > stoichiometry[i - 1]))
            {
                throw new ArgumentException($"The open-circuit table's stoichiometry must increase strictly, but point {i} (x = {Preconditions.Format(stoichiometry[i])}) does not exceed point {i - 1} (x = {Preconditions.Format(stoichiometry[i - 1])}).", nameof(stoichiometry));
            }
        }

        CheckRange(stoichiometry[0], stoichiometry[^1]);
        return new OpenCircuitCurve(null, [.. stoichiometry], [.. volts], stoichiometry[0], stoichiometry[^1], $"table of {stoichiometry.Length} points");
    }

    /// <summary>True when x lies within the curve's range.</summary>
    /// <param name="stoichiometry">x.</param>
    /// <returns>Whether U(x) is defined.</returns>
    public bool Contains(double stoichiometry) => stoichiometry >= MinimumStoichiometry && stoichiometry <= MaximumStoichiometry;

    /// <summary>U(x) in volts.</summary>
    /// <param name="stoichiometry">x within the range.</param>
    /// <returns>U (V).</returns>
    /// <exception cref="ArgumentOutOfRangeException">x is outside the range (or NaN).</exception>
    /// <exception cref="ArgumentException">The function returned a value that is not finite.</exception>
    public double At(double stoichiometry)
    {
        if (!Contains(stoichiometry))
        {
            throw new ArgumentOutOfRangeException(nameof(stoichiometry), stoichiometry, $"x = {Preconditions.Format(stoichiometry)} is outside the open-circuit curve's range [{Preconditions.Format(MinimumStoichiometry)}, {Preconditions.Format(MaximumStoichiometry)}] ({Description}).");
        }

        if (function is not null)
        {
            double u = function(stoichiometry);
            return double.IsFinite(u) ? u : throw new ArgumentException($"The open-circuit function ({Description}) returned {Preconditions.Format(u)} V at x = {Preconditions.Format(stoichiometry)}.");
        }

        int upper = tableX.AsSpan().BinarySearch(stoichiometry);
        if (upper >= 0)
        {
            return tableVolts[upper];
        }

        upper = ~upper;
        int lower = upper - 1;
        double f = (stoichiometry - tableX[lower]) / (tableX[upper] - tableX[lower]);
        return tableVolts[lower] + (f * (tableVolts[upper] - tableVolts[lower]));
    }

    /// <summary>dU/dx (V) at x: a central difference of step 10⁻⁶ (one-sided at the ends) for a function, the segment's slope for a table.</summary>
    /// <param name="stoichiometry">x within the range.</param>
    /// <returns>dU/dx (V per unit stoichiometry).</returns>
    public double Slope(double stoichiometry)
    {
        if (function is null && Contains(stoichiometry))
        {
            int i = tableX.AsSpan().BinarySearch(stoichiometry);
            int upper = Math.Clamp(i >= 0 ? i + 1 : ~i, 1, tableX.Length - 1);
            return (tableVolts[upper] - tableVolts[upper - 1]) / (tableX[upper] - tableX[upper - 1]);
        }

        const double h = 1e-6;
        double a = Math.Max(MinimumStoichiometry, stoichiometry - h);
        double b = Math.Min(MaximumStoichiometry, stoichiometry + h);
        return (At(b) - At(a)) / (b - a);
    }

    /// <inheritdoc/>
    public override string ToString() => Description;

    private static void CheckRange(double minimum, double maximum)
    {
        if (!(minimum >= 0) || !(maximum <= 1) || !(maximum > minimum))
        {
            throw new ArgumentException($"The open-circuit curve's stoichiometry range [{Preconditions.Format(minimum)}, {Preconditions.Format(maximum)}] must lie within [0, 1] and have its upper end above its lower end.");
        }
    }
}
