namespace Electrochem.Cycling;

/// <summary>How a differential-capacity curve is smoothed.</summary>
public enum DifferentiationMethod
{
    /// <summary>Q resampled on an even voltage grid and differentiated by a Savitzky–Golay filter (a local polynomial of <see cref="DifferentialCapacityOptions.PolynomialOrder"/> over <see cref="DifferentialCapacityOptions.WindowPoints"/> grid points).</summary>
    SavitzkyGolay,

    /// <summary>Q resampled on an even voltage grid, smoothed by a Gaussian of standard deviation <see cref="DifferentialCapacityOptions.GaussianWidthVolts"/>, then differentiated by central differences.</summary>
    Gaussian,

    /// <summary>The histogram (incremental capacity) method: the capacity passed within each voltage bin of width <see cref="DifferentialCapacityOptions.VoltageStep"/>, over the bin width.</summary>
    Histogram,
}

/// <summary>Settings of <see cref="DifferentialCapacity"/>. Immutable; change one with <c>with</c>. State them with the curves you publish.</summary>
public sealed record DifferentialCapacityOptions
{
    /// <summary>The defaults: Savitzky–Golay, 2 mV grid, 21 points, cubic.</summary>
    public static DifferentialCapacityOptions Default { get; } = new();

    /// <summary>The smoothing method.</summary>
    public DifferentiationMethod Method { get; init; } = DifferentiationMethod.SavitzkyGolay;

    /// <summary>The voltage grid spacing, and the histogram's bin width (V, default 0.002).</summary>
    public double VoltageStep { get; init; } = 0.002;

    /// <summary>Savitzky–Golay window in grid points (odd, ≥ 5; default 21, i.e. 40 mV at the default step).</summary>
    public int WindowPoints { get; init; } = 21;

    /// <summary>Savitzky–Golay polynomial order (2–6, below the window; default 3).</summary>
    public int PolynomialOrder { get; init; } = 3;

    /// <summary>Gaussian smoothing width (V, standard deviation; default 0.005).</summary>
    public double GaussianWidthVolts { get; init; } = 0.005;

    /// <summary>A peak must rise above its higher neighbouring valley by this fraction of the curve's largest |dQ/dV| (default 0.05).</summary>
    public double MinimumProminence { get; init; } = 0.05;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(VoltageStep) || VoltageStep <= 0 || VoltageStep > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(VoltageStep), VoltageStep, $"VoltageStep is {VoltageStep} V; expected a step above 0 and at most 1 V (typically 1–5 mV).");
        }

        if (WindowPoints < 5 || WindowPoints % 2 == 0 || WindowPoints > 1001)
        {
            throw new ArgumentOutOfRangeException(nameof(WindowPoints), WindowPoints, $"WindowPoints is {WindowPoints}; expected an odd number from 5 to 1001.");
        }

        if (PolynomialOrder < 2 || PolynomialOrder > 6 || PolynomialOrder >= WindowPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(PolynomialOrder), PolynomialOrder, $"PolynomialOrder is {PolynomialOrder}; expected 2 to 6 and below the window ({WindowPoints} points).");
        }

        if (!double.IsFinite(GaussianWidthVolts) || GaussianWidthVolts <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(GaussianWidthVolts), GaussianWidthVolts, $"GaussianWidthVolts is {GaussianWidthVolts}; expected a width > 0 V.");
        }

        if (!double.IsFinite(MinimumProminence) || MinimumProminence < 0 || MinimumProminence >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumProminence), MinimumProminence, $"MinimumProminence is {MinimumProminence}; expected a fraction from 0 to below 1.");
        }
    }
}
