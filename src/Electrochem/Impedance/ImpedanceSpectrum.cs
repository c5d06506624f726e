using System.Numerics;
using System.Numerics.Tensors;

namespace Electrochem.Impedance;

/// <summary>
/// A measured or simulated impedance spectrum: frequencies f in Hz and complex impedance Z = Z' + j·Z″ in Ω, stored as
/// three separate arrays (frequency, real part, imaginary part) so models and fits run vectorised over spans.
/// Immutable and thread-safe. The sign convention is the physical one: a capacitive arc has Z″ &lt; 0 (plot −Z″ upward
/// in a Nyquist diagram); inductive points have Z″ &gt; 0.
/// </summary>
public sealed class ImpedanceSpectrum
{
    private readonly double[] _frequency;
    private readonly double[] _real;
    private readonly double[] _imaginary;

    /// <summary>A spectrum from separate frequency, real and imaginary arrays (copied), in the order given.</summary>
    /// <param name="frequencyHertz">Frequencies f in Hz, each finite and &gt; 0.</param>
    /// <param name="real">Z′ in Ω, finite.</param>
    /// <param name="imaginary">Z″ in Ω, finite (negative for capacitive behaviour).</param>
    /// <exception cref="ArgumentException">Lengths differ, the spectrum is empty, a value is not finite, or a frequency is not positive.</exception>
    public ImpedanceSpectrum(ReadOnlySpan<double> frequencyHertz, ReadOnlySpan<double> real, ReadOnlySpan<double> imaginary)
    {
        Check(frequencyHertz, real, imaginary);
        _frequency = frequencyHertz.ToArray();
        _real = real.ToArray();
        _imaginary = imaginary.ToArray();
    }

    /// <summary>
    /// A spectrum that takes the arrays as they are, checked as the constructor checks them but not copied: the caller
    /// gives them up (or shares them only with other immutable holders) so a reader does not hold the data twice.
    /// </summary>
    internal static ImpedanceSpectrum Adopt(double[] frequencyHertz, double[] real, double[] imaginary)
    {
        Check(frequencyHertz, real, imaginary);
        return new ImpedanceSpectrum(frequencyHertz, real, imaginary);
    }

    private static void Check(ReadOnlySpan<double> frequencyHertz, ReadOnlySpan<double> real, ReadOnlySpan<double> imaginary)
    {
        Preconditions.CheckSameLength(frequencyHertz.Length, real.Length, nameof(frequencyHertz), nameof(real));
        Preconditions.CheckSameLength(frequencyHertz.Length, imaginary.Length, nameof(frequencyHertz), nameof(imaginary));
        Preconditions.CheckMinimumCount(frequencyHertz.Length, 1, nameof(frequencyHertz), "a spectrum needs at least one point");
        Preconditions.CheckAllPositive(frequencyHertz, nameof(frequencyHertz), " Hz");
        Preconditions.CheckAllFinite(real, nameof(real));
        Preconditions.CheckAllFinite(imaginary, nameof(imaginary));
    }

    private ImpedanceSpectrum(double[] frequency, double[] real, double[] imaginary)
    {
        _frequency = frequency;
        _real = real;
        _imaginary = imaginary;
    }

    /// <summary>A spectrum from frequencies and complex impedances.</summary>
    /// <param name="frequencyHertz">Frequencies in Hz, each &gt; 0.</param>
    /// <param name="impedance">Z in Ω.</param>
    /// <returns>The spectrum.</returns>
    /// <exception cref="ArgumentException">As for the constructor.</exception>
    public static ImpedanceSpectrum FromComplex(ReadOnlySpan<double> frequencyHertz, ReadOnlySpan<Complex> impedance)
    {
        Preconditions.CheckSameLength(frequencyHertz.Length, impedance.Length, nameof(frequencyHertz), nameof(impedance));
        var real = new double[impedance.Length];
        var imaginary = new double[impedance.Length];
        for (int i = 0; i < impedance.Length; i++)
        {
            real[i] = impedance[i].Real;
            imaginary[i] = impedance[i].Imaginary;
        }

        return new ImpedanceSpectrum(frequencyHertz, real, imaginary);
    }

    /// <summary>Number of points.</summary>
    public int Count => _frequency.Length;

    /// <summary>Frequencies f in Hz.</summary>
    public ReadOnlySpan<double> Frequency => _frequency;

    /// <summary>Real parts Z′ in Ω.</summary>
    public ReadOnlySpan<double> Real => _real;

    /// <summary>Imaginary parts Z″ in Ω (negative for capacitive behaviour).</summary>
    public ReadOnlySpan<double> Imaginary => _imaginary;

    /// <summary>The impedance at one point, Z′ + j·Z″ in Ω.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    /// <exception cref="IndexOutOfRangeException">The index is outside the spectrum.</exception>
    public Complex this[int index] => new(_real[index], _imaginary[index]);

    /// <summary>Lowest frequency in Hz.</summary>
    public double MinimumFrequency => TensorPrimitives.Min<double>(_frequency);

    /// <summary>Highest frequency in Hz.</summary>
    public double MaximumFrequency => TensorPrimitives.Max<double>(_frequency);

    /// <summary>Writes ω = 2π·f in rad s⁻¹.</summary>
    /// <param name="destination">At least <see cref="Count"/> values.</param>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public void AngularFrequency(Span<double> destination)
    {
        Preconditions.CheckDestination(Count, destination.Length, nameof(destination));
        TensorPrimitives.Multiply(_frequency, 2 * Math.PI, destination[..Count]);
    }

    /// <summary>Writes |Z| = √(Z′² + Z″²) in Ω.</summary>
    /// <param name="destination">At least <see cref="Count"/> values.</param>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public void Modulus(Span<double> destination)
    {
        Preconditions.CheckDestination(Count, destination.Length, nameof(destination));
        TensorPrimitives.Hypot(_real, _imaginary, destination[..Count]);
    }

    /// <summary>Writes the phase angle φ = atan2(Z″, Z′) in degrees (−90° for an ideal capacitor).</summary>
    /// <param name="destination">At least <see cref="Count"/> values.</param>
    /// <exception cref="ArgumentException">The destination is too short.</exception>
    public void PhaseDegrees(Span<double> destination)
    {
        Preconditions.CheckDestination(Count, destination.Length, nameof(destination));
        Span<double> phase = destination[..Count];
        TensorPrimitives.Atan2(_imaginary, _real, phase);
        TensorPrimitives.Multiply(phase, 180 / Math.PI, phase);
    }

    /// <summary>Writes the admittance Y = 1/Z = (Z′ − j·Z″)/|Z|² in S, as real and imaginary parts.</summary>
    /// <param name="real">Destination of Y′, at least <see cref="Count"/> values.</param>
    /// <param name="imaginary">Destination of Y″, at least <see cref="Count"/> values.</param>
    /// <exception cref="ArgumentException">A destination is too short.</exception>
    /// <exception cref="DivideByZeroException">Some Z is exactly zero.</exception>
    public void Admittance(Span<double> real, Span<double> imaginary)
    {
        Preconditions.CheckDestination(Count, real.Length, nameof(real));
        Preconditions.CheckDestination(Count, imaginary.Length, nameof(imaginary));
        for (int i = 0; i < Count; i++)
        {
            double modulus2 = (_real[i] * _real[i]) + (_imaginary[i] * _imaginary[i]);
            if (modulus2 == 0)
            {
                throw new DivideByZeroException($"Z is exactly zero at point {i} ({Preconditions.Format(_frequency[i])} Hz); the admittance is undefined there.");
            }

            real[i] = _real[i] / modulus2;
            imaginary[i] = -_imaginary[i] / modulus2;
        }
    }

    /// <summary>The same points sorted by frequency (stable for equal frequencies).</summary>
    /// <param name="descending">True for high to low frequency (the usual measurement order).</param>
    /// <returns>A new spectrum.</returns>
    public ImpedanceSpectrum SortedByFrequency(bool descending = false)
    {
        int[] order = Enumerable.Range(0, Count).ToArray();
        double[] keys = _frequency;
        Array.Sort(order, (a, b) =>
        {
            int byFrequency = descending ? keys[b].CompareTo(keys[a]) : keys[a].CompareTo(keys[b]);
            return byFrequency != 0 ? byFrequency : a.CompareTo(b);
        });
        return Select(order);
    }

    /// <summary>The points with minimumHertz ≤ f ≤ maximumHertz, in their original order.</summary>
    /// <param name="minimumHertz">Lowest frequency kept, Hz.</param>
    /// <param name="maximumHertz">Highest frequency kept, Hz.</param>
    /// <returns>A new spectrum.</returns>
    /// <exception cref="ArgumentException">The range is empty or reversed, a bound is NaN, or no point lies in it.</exception>
    public ImpedanceSpectrum TrimFrequency(double minimumHertz, double maximumHertz)
    {
        if (!(minimumHertz <= maximumHertz))
        {
            throw new ArgumentException($"The frequency range [{Preconditions.Format(minimumHertz)}, {Preconditions.Format(maximumHertz)}] Hz is empty or reversed.", nameof(minimumHertz));
        }

        int[] kept = Enumerable.Range(0, Count).Where(i => _frequency[i] >= minimumHertz && _frequency[i] <= maximumHertz).ToArray();
        if (kept.Length == 0)
        {
            throw new ArgumentException(
                $"No point lies in [{Preconditions.Format(minimumHertz)}, {Preconditions.Format(maximumHertz)}] Hz; the spectrum spans {Preconditions.Format(MinimumFrequency)}–{Preconditions.Format(MaximumFrequency)} Hz.",
                nameof(minimumHertz));
        }

        return Select(kept);
    }

    /// <summary>
    /// The points with Z″ ≤ 0, dropping inductive points (Z″ &gt; 0; typically cable inductance at high frequency).
    /// Only when asked: inductive points are data, and a model with an inductor can fit them.
    /// </summary>
    /// <returns>A new spectrum.</returns>
    /// <exception cref="ArgumentException">Every point is inductive.</exception>
    public ImpedanceSpectrum WithoutInductivePoints()
    {
        int[] kept = Enumerable.Range(0, Count).Where(i => _imaginary[i] <= 0).ToArray();
        if (kept.Length == 0)
        {
            throw new ArgumentException("Every point has Z″ > 0 (inductive); nothing would remain.");
        }

        return Select(kept);
    }

    /// <summary>Checks there are enough real residuals (2 per point) to fit a model and estimate its uncertainty.</summary>
    /// <param name="parameterCount">Number of free parameters P; needs 2·Count ≥ P + 1.</param>
    /// <exception cref="ArgumentException">The spectrum has too few points.</exception>
    public void CheckEnoughPointsFor(int parameterCount)
    {
        if ((2 * Count) < parameterCount + 1)
        {
            throw new ArgumentException(
                $"The spectrum has {Count} points (2·{Count} = {2 * Count} real residuals) but {parameterCount} free parameters need at least {parameterCount + 1} residuals, i.e. {(parameterCount + 2) / 2} points.",
                nameof(parameterCount));
        }
    }

    private ImpedanceSpectrum Select(int[] indices) =>
        new(indices.Select(i => _frequency[i]).ToArray(), indices.Select(i => _real[i]).ToArray(), indices.Select(i => _imaginary[i]).ToArray());
}
