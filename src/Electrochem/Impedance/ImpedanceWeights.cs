namespace Electrochem.Impedance;

/// <summary>Per-point weights of the real and imaginary residuals for an <see cref="ImpedanceWeighting"/>.</summary>
public static class ImpedanceWeights
{
    /// <summary>Writes w′ and w″ for every point of the spectrum.</summary>
    /// <param name="spectrum">The spectrum being fitted.</param>
    /// <param name="weighting">The scheme.</param>
    /// <param name="realWeights">Destination of w′, at least <see cref="ImpedanceSpectrum.Count"/> values.</param>
    /// <param name="imaginaryWeights">Destination of w″, at least <see cref="ImpedanceSpectrum.Count"/> values.</param>
    /// <param name="realStandardDeviation">σ′ per point in Ω, for <see cref="ImpedanceWeighting.StandardDeviation"/> only.</param>
    /// <param name="imaginaryStandardDeviation">σ″ per point in Ω, for <see cref="ImpedanceWeighting.StandardDeviation"/> only.</param>
    /// <exception cref="ArgumentException">
    /// A destination is too short; standard deviations are missing, of the wrong length or not positive; or a part is
    /// exactly zero where <see cref="ImpedanceWeighting.Proportional"/> divides by it (or |Z| = 0 for Modulus).
    /// </exception>
    public static void Compute(
        ImpedanceSpectrum spectrum,
        ImpedanceWeighting weighting,
        Span<double> realWeights,
        Span<double> imaginaryWeights,
        ReadOnlySpan<double> realStandardDeviation = default,
        ReadOnlySpan<double> imaginaryStandardDeviation = default)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        int n = spectrum.Count;
        Preconditions.CheckDestination(n, realWeights.Length, nameof(realWeights));
        Preconditions.CheckDestination(n, imaginaryWeights.Length, nameof(imaginaryWeights));
        ReadOnlySpan<double> re = spectrum.Real;
        ReadOnlySpan<double> im = spectrum.Imaginary;
        switch (weighting)
        {
            case ImpedanceWeighting.Unit:
                realWeights[..n].Fill(1);
                imaginaryWeights[..n].Fill(1);
                break;
            case ImpedanceWeighting.Modulus:
                for (int i = 0; i < n; i++)
                {
                    double modulus2 = (re[i] * re[i]) + (im[i] * im[i]);
                    CheckNonZero(modulus2, i, spectrum, "|Z|", weighting);
                    realWeights[i] = 1 / modulus2;
                    imaginaryWeights[i] = 1 / modulus2;
                }

                break;
            case ImpedanceWeighting.Proportional:
                for (int i = 0; i < n; i++)
                {
                    CheckNonZero(re[i], i, spectrum, "Z′", weighting);
                    CheckNonZero(im[i], i, spectrum, "Z″", weighting);
                    realWeights[i] = 1 / (re[i] * re[i]);
                    imaginaryWeights[i] = 1 / (im[i] * im[i]);
                }

                break;
            case ImpedanceWeighting.StandardDeviation:
                Preconditions.CheckSameLength(n, realStandardDeviation.Length, "the spectrum", nameof(realStandardDeviation));
                Preconditions.CheckSameLength(n, imaginaryStandardDeviation.Length, "the spectrum", nameof(imaginaryStandardDeviation));
                Preconditions.CheckAllPositive(realStandardDeviation, nameof(realStandardDeviation), " Ω");
                Preconditions.CheckAllPositive(imaginaryStandardDeviation, nameof(imaginaryStandardDeviation), " Ω");
                for (int i = 0; i < n; i++)
                {
                    realWeights[i] = 1 / (realStandardDeviation[i] * realStandardDeviation[i]);
                    imaginaryWeights[i] = 1 / (imaginaryStandardDeviation[i] * imaginaryStandardDeviation[i]);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "weighting must be Unit, Modulus, Proportional or StandardDeviation.");
        }
    }

    private static void CheckNonZero(double value, int index, ImpedanceSpectrum spectrum, string what, ImpedanceWeighting weighting)
    {
        if (value == 0)
        {
            throw new ArgumentException(
                $"{what} is exactly zero at point {index} ({Preconditions.Format(spectrum.Frequency[index])} Hz), so {weighting} weighting would divide by zero; use Modulus weighting or drop the point.",
                nameof(spectrum));
        }
    }
}
