using System.Numerics;
using Electrochem.Impedance;

namespace Electrochem.Cli.Impedance;

/// <summary>
/// A short summary of how a fitted circuit misses the data, independent of the weighting: the relative residuals
/// Δ′ = (Z′ − Ẑ′)/|Z| and Δ″ = (Z″ − Ẑ″)/|Z| (the Lin-KK test's definition), their RMS and the largest one.
/// </summary>
/// <param name="RootMeanSquareReal">RMS of Δ′.</param>
/// <param name="RootMeanSquareImaginary">RMS of Δ″.</param>
/// <param name="Largest">The largest |Δ′| or |Δ″|.</param>
/// <param name="LargestAtHertz">The frequency of that point.</param>
internal sealed record CircuitFitResiduals(double RootMeanSquareReal, double RootMeanSquareImaginary, double Largest, double LargestAtHertz)
{
    /// <summary>The residuals of <paramref name="model"/> on <paramref name="spectrum"/>.</summary>
    internal static CircuitFitResiduals Of(CircuitModel model, ImpedanceSpectrum spectrum)
    {
        double sumReal = 0;
        double sumImaginary = 0;
        double largest = 0;
        double at = double.NaN;
        double[] values = [.. model.Values];
        for (int i = 0; i < spectrum.Count; i++)
        {
            Complex measured = spectrum[i];
            Complex fitted = model.Circuit.Impedance(2 * Math.PI * spectrum.Frequency[i], values);
            double modulus = measured.Magnitude;
            double real = (measured.Real - fitted.Real) / modulus;
            double imaginary = (measured.Imaginary - fitted.Imaginary) / modulus;
            sumReal += real * real;
            sumImaginary += imaginary * imaginary;
            double worst = Math.Max(Math.Abs(real), Math.Abs(imaginary));
            if (worst > largest || double.IsNaN(at))
            {
                largest = worst;
                at = spectrum.Frequency[i];
            }
        }

        return new CircuitFitResiduals(Math.Sqrt(sumReal / spectrum.Count), Math.Sqrt(sumImaginary / spectrum.Count), largest, at);
    }
}
