namespace Electrochem;

/// <summary>
/// A measured or derived value with its standard (1σ) uncertainty, in whatever unit the caller uses: the input and
/// output type wherever Electrochem propagates uncertainty outside a fit (conductivity, transference, kinetics, CPE
/// capacitance).
/// </summary>
/// <param name="Value">The value.</param>
/// <param name="StandardUncertainty">Its standard uncertainty u ≥ 0, same unit (0 for an exact value).</param>
public readonly record struct Measurement(double Value, double StandardUncertainty)
{
    /// <summary>Relative standard uncertainty u/|value|.</summary>
    public double RelativeUncertainty => StandardUncertainty == 0 ? 0 : StandardUncertainty / Math.Abs(Value);

    /// <summary>An exact value (zero uncertainty).</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Measurement(double value) => new(value, 0);

    /// <summary>An exact value (zero uncertainty).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The measurement.</returns>
    public static Measurement FromDouble(double value) => new(value, 0);

    /// <summary>The value with its uncertainty to two significant digits, e.g. <c>0.2542 ± 0.0026</c> or <c>(3.58 ± 0.09)e-4</c>; <c>x (exact)</c> when u = 0.</summary>
    /// <returns>The text, invariant culture.</returns>
    public override string ToString() => UncertaintyText.WithUncertainty(Value, StandardUncertainty);

    /// <summary>value ± k·u, the expanded interval for coverage factor k (k = 2 ≈ 95 % for a normal error).</summary>
    /// <param name="coverageFactor">k &gt; 0.</param>
    /// <returns>The interval's ends.</returns>
    /// <exception cref="ArgumentOutOfRangeException">k is not positive and finite.</exception>
    public (double Lower, double Upper) ExpandedInterval(double coverageFactor = 2)
    {
        Preconditions.CheckPositive(coverageFactor);
        return (Value - (coverageFactor * StandardUncertainty), Value + (coverageFactor * StandardUncertainty));
    }

    internal void CheckPositive(string name)
    {
        if (!(Value > 0) || !double.IsFinite(Value))
        {
            throw new ArgumentOutOfRangeException(name, Value, $"{name} must be a finite value greater than zero but was {Preconditions.Format(Value)}.");
        }

        if (!(StandardUncertainty >= 0) || !double.IsFinite(StandardUncertainty))
        {
            throw new ArgumentOutOfRangeException(name, StandardUncertainty, $"The standard uncertainty of {name} must be finite and zero or greater but was {Preconditions.Format(StandardUncertainty)}.");
        }
    }

    /// <summary>This result, or an argument error when its value or uncertainty is not finite (the inputs overflow or underflow double precision).</summary>
    /// <param name="what">The quantity in words, for the message.</param>
    internal Measurement CheckedResult(string what)
    {
        if (!double.IsFinite(Value) || !double.IsFinite(StandardUncertainty))
        {
            throw new ArgumentException($"{what} comes out as {Preconditions.Format(Value)} ± {Preconditions.Format(StandardUncertainty)} for these inputs: they overflow or underflow double precision. Check their units and magnitudes.");
        }

        return this;
    }
}
