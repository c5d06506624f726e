namespace Electrochem.Diffusion;

/// <summary>
/// The chemical diffusion coefficient of the inserted species (m²/s), constant or a function of the stoichiometry
/// x = c/c_max ∈ [0, 1]. Immutable and thread-safe as long as the function given is.
/// </summary>
public sealed class Diffusivity
{
    private readonly Func<double, double>? function;

    private Diffusivity(double constant, Func<double, double>? function, string description)
    {
        ConstantValue = constant;
        this.function = function;
        Description = description;
    }

    /// <summary>True when D does not depend on the stoichiometry.</summary>
    public bool IsConstant => function is null;

    /// <summary>D (m²/s) when constant; NaN otherwise.</summary>
    public double ConstantValue { get; }

    /// <summary>What D is, in words, for reports.</summary>
    public string Description { get; }

    /// <summary>A constant D.</summary>
    /// <param name="squareMetresPerSecond">D (m²/s), finite and &gt; 0.</param>
    /// <returns>The diffusivity.</returns>
    /// <exception cref="ArgumentOutOfRangeException">D is not finite and positive.</exception>
    public static Diffusivity Constant(double squareMetresPerSecond)
    {
        Preconditions.CheckPositive(squareMetresPerSecond);
        return new Diffusivity(squareMetresPerSecond, null, FormattableString.Invariant($"D = {squareMetresPerSecond:G4} m²/s"));
    }

    /// <summary>D(x) (m²/s) from a function of the stoichiometry; the simulator checks every value it gets is finite and positive.</summary>
    /// <param name="ofStoichiometry">x ↦ D(x) in m²/s.</param>
    /// <param name="description">What the function is, for reports.</param>
    /// <returns>The diffusivity.</returns>
    public static Diffusivity FromFunction(Func<double, double> ofStoichiometry, string description = "D(x)")
    {
        ArgumentNullException.ThrowIfNull(ofStoichiometry);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        return new Diffusivity(double.NaN, ofStoichiometry, description);
    }

    /// <summary>D (m²/s) at stoichiometry x.</summary>
    /// <param name="stoichiometry">x.</param>
    /// <returns>D in m²/s.</returns>
    /// <exception cref="ArgumentException">The function returned a value that is not finite and positive.</exception>
    public double At(double stoichiometry)
    {
        if (function is null)
        {
            return ConstantValue;
        }

        double d = function(stoichiometry);
        if (!(d > 0) || !double.IsFinite(d))
        {
            throw new ArgumentException($"The diffusion coefficient function ({Description}) returned {Preconditions.Format(d)} m²/s at x = {Preconditions.Format(stoichiometry)}; it must be finite and greater than zero.");
        }

        return d;
    }

    /// <inheritdoc/>
    public override string ToString() => Description;
}
