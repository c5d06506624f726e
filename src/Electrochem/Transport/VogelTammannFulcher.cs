using System.Collections.Immutable;
using System.Numerics.Tensors;
using Electrochem.Constants;
using Electrochem.Fitting;

namespace Electrochem.Transport;

/// <summary>
/// Vogel–Tammann–Fulcher conductivity of polymer and glassy electrolytes, σ = A·T^(−1/2)·exp(−B/(T − T₀)),
/// T and T₀ in K, B in K; the pseudo-activation energy is E_a = k_B·B. Defined for T &gt; T₀. Unit-transparent in σ:
/// A is in the unit of σ times K^½.
/// </summary>
/// <param name="PreExponentialFactor">A, in the unit of σ·K^½, &gt; 0.</param>
/// <param name="PseudoActivationTemperature">B in K (E_a/k_B), ≥ 0.</param>
/// <param name="IdealGlassTransitionTemperature">T₀ in K (the "ideal" glass transition, typically T_g − 50 K).</param>
public sealed record VogelTammannFulcher(double PreExponentialFactor, double PseudoActivationTemperature, double IdealGlassTransitionTemperature)
{
    /// <summary>
    /// How far below the lowest measured temperature T₀ must stay, in K: the fit bounds T₀ ≤ min(T) − 1 K so the model
    /// is finite at every data point.
    /// </summary>
    public const double MinimumGapKelvin = 1.0;

    /// <summary>Name of ln A in a fit's results.</summary>
    public const string LnPreExponentialFactorName = "LnPreExponentialFactor";

    /// <summary>Name of B (K) in a fit's results.</summary>
    public const string PseudoActivationTemperatureName = "PseudoActivationTemperature";

    /// <summary>Name of T₀ (K) in a fit's results.</summary>
    public const string IdealGlassTransitionTemperatureName = "IdealGlassTransitionTemperature";

    private const int ProfileGridPoints = 48;

    /// <summary>Largest number of points used to locate the starting T₀ (a strided subsample beyond it).</summary>
    private const int MaximumProfilePoints = 2048;

    /// <summary>Pseudo-activation energy k_B·B in eV.</summary>
    public double PseudoActivationEnergyElectronVolts => PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin * PseudoActivationTemperature;

    /// <summary>Pseudo-activation energy R·B in kJ mol⁻¹.</summary>
    public double PseudoActivationEnergyKilojoulesPerMole => PhysicalConstants.MolarGasConstant * PseudoActivationTemperature / 1000;

    /// <summary>σ at one temperature.</summary>
    /// <param name="temperatureKelvin">T in K, above T₀.</param>
    /// <returns>σ in the unit the model was fitted in.</returns>
    /// <exception cref="ArgumentOutOfRangeException">T is not finite or not above T₀.</exception>
    public double Evaluate(double temperatureKelvin)
    {
        ConductivityData.CheckTemperature(temperatureKelvin);
        CheckAboveT0(temperatureKelvin, nameof(temperatureKelvin));
        return PreExponentialFactor / Math.Sqrt(temperatureKelvin) * Math.Exp(-PseudoActivationTemperature / (temperatureKelvin - IdealGlassTransitionTemperature));
    }

    /// <summary>σ at every temperature (destination must not partially overlap the input).</summary>
    /// <param name="temperatureKelvin">Temperatures in K, each above T₀.</param>
    /// <param name="conductivity">Destination, at least as long as the input.</param>
    /// <exception cref="ArgumentException">The destination is too short or overlaps, or a temperature is not above T₀.</exception>
    public void Evaluate(ReadOnlySpan<double> temperatureKelvin, Span<double> conductivity)
    {
        Preconditions.CheckDestination(temperatureKelvin.Length, conductivity.Length, nameof(conductivity));
        Preconditions.CheckNoOverlap(temperatureKelvin, conductivity, nameof(temperatureKelvin), nameof(conductivity));
        for (int i = 0; i < temperatureKelvin.Length; i++)
        {
            double t = temperatureKelvin[i];
            if (!(t > IdealGlassTransitionTemperature) || !double.IsFinite(t))
            {
                throw new ArgumentException($"temperatureKelvin[{i}] is {Preconditions.Format(t)} K; VTF is defined only above T₀ = {Preconditions.Format(IdealGlassTransitionTemperature)} K.", nameof(temperatureKelvin));
            }

            conductivity[i] = PreExponentialFactor / Math.Sqrt(t) * Math.Exp(-PseudoActivationTemperature / (t - IdealGlassTransitionTemperature));
        }
    }

    /// <summary>
    /// Fits ln σ = ln A − ½·ln T − B/(T − T₀) by Levenberg–Marquardt with the analytic Jacobian, bounds B ≥ 0 and
    /// 0 ≤ T₀ ≤ min(T) − <see cref="MinimumGapKelvin"/>. Starting values need no guess: for fixed T₀ the model is a
    /// straight line in −1/(T − T₀), so T₀ is first located by profiling χ² over a grid and a golden-section search.
    /// A result at a bound (typically T₀ → 0 for data that are Arrhenius-like) is reported as
    /// <see cref="FitStatus.ParameterAtBound"/>.
    /// </summary>
    /// <param name="temperatureKelvin">T in K, at least 4 points, at least two distinct.</param>
    /// <param name="conductivity">σ, each &gt; 0, any unit.</param>
    /// <param name="conductivityStandardUncertainty">Standard uncertainties of σ giving log-space weights (σ/u)², or empty.</param>
    /// <param name="options">Solver options; null for defaults.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>The fit with the model at the estimates; see <see cref="VogelTammannFulcherFitResults"/> for E_a and predictions.</returns>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 4 points, all temperatures equal, a value not positive and finite.</exception>
    public static FitResult<VogelTammannFulcher> Fit(
        ReadOnlySpan<double> temperatureKelvin,
        ReadOnlySpan<double> conductivity,
        ReadOnlySpan<double> conductivityStandardUncertainty = default,
        NonlinearFitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        double[] weights = ConductivityData.Validate(temperatureKelvin, conductivity, conductivityStandardUncertainty, 3);
        int n = temperatureKelvin.Length;
        double[] temperatures = temperatureKelvin.ToArray();
        var lnSigma = new double[n];
        TensorPrimitives.Log(conductivity, lnSigma);
        double upperT0 = TensorPrimitives.Min<double>(temperatures) - MinimumGapKelvin;
        if (!(upperT0 > 0))
        {
            throw new ArgumentException($"The lowest temperature is {Preconditions.Format(upperT0 + MinimumGapKelvin)} K; VTF needs temperatures above {MinimumGapKelvin} K.", nameof(temperatureKelvin));
        }

        (double lnA, double b, double t0) = InitialGuess(temperatures, lnSigma, weights, upperT0);
        ImmutableArray<ParameterDefinition> definitions =
        [
            new(LnPreExponentialFactorName, "ln(σ unit·K^½)"),
            new(PseudoActivationTemperatureName, "K", 0, double.PositiveInfinity),
            new(IdealGlassTransitionTemperatureName, "K", 0, upperT0),
        ];
        var model = new NonlinearModel(
            definitions,
            (theta, values) => LogModel(temperatures, theta, values),
            (theta, jacobian) => LogJacobian(temperatures, theta, jacobian));
        FitResult fit = NonlinearLeastSquares.Fit(model, lnSigma, [lnA, b, t0], weights, options, cancellationToken);
        var vtf = new VogelTammannFulcher(Math.Exp(fit[LnPreExponentialFactorName].Value), fit[PseudoActivationTemperatureName].Value, fit[IdealGlassTransitionTemperatureName].Value);
        return new FitResult<VogelTammannFulcher>(fit, vtf);
    }

    private static void LogModel(double[] temperatures, ReadOnlySpan<double> theta, Span<double> values)
    {
        double lnA = theta[0];
        double b = theta[1];
        double t0 = theta[2];
        for (int i = 0; i < temperatures.Length; i++)
        {
            double t = temperatures[i];
            values[i] = lnA - (0.5 * Math.Log(t)) - (b / (t - t0));
        }
    }

    private static void LogJacobian(double[] temperatures, ReadOnlySpan<double> theta, Span<double> jacobian)
    {
        int n = temperatures.Length;
        double b = theta[1];
        double t0 = theta[2];
        for (int i = 0; i < n; i++)
        {
            double inverseGap = 1 / (temperatures[i] - t0);
            jacobian[i] = 1;
            jacobian[n + i] = -inverseGap;
            jacobian[(2 * n) + i] = -b * inverseGap * inverseGap;
        }
    }

    /// <summary>Profiles χ²(T₀) of the straight line y + ½ln T = ln A − B/(T − T₀) and refines the minimum by golden section.</summary>
    private static (double LnA, double B, double T0) InitialGuess(double[] temperatures, double[] lnSigma, double[] weights, double upperT0)
    {
        if (temperatures.Length > MaximumProfilePoints)
        {
            // Only a starting point is needed: profile an evenly strided subsample; the final fit uses every point.
            int stride = (temperatures.Length + MaximumProfilePoints - 1) / MaximumProfilePoints;
            double[] Every(double[] values) => values.Length == 0 ? values : values.Where((_, i) => i % stride == 0).ToArray();
            (temperatures, lnSigma, weights) = (Every(temperatures), Every(lnSigma), Every(weights));
        }

        int n = temperatures.Length;
        var x = new double[n];
        var y = new double[n];
        var scratch = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = lnSigma[i] + (0.5 * Math.Log(temperatures[i]));
        }

        StraightLine Profile(double t0)
        {
            for (int i = 0; i < n; i++)
            {
                x[i] = -1 / (temperatures[i] - t0);
            }

            return StraightLine.Solve(x, y, weights, scratch);
        }

        int best = 0;
        double bestChi = double.PositiveInfinity;
        double step = upperT0 / (ProfileGridPoints - 1);
        for (int k = 0; k < ProfileGridPoints; k++)
        {
            double chi = Profile(k * step).ChiSquare;
            if (chi < bestChi)
            {
                bestChi = chi;
                best = k;
            }
        }

        double lo = Math.Max(0, (best - 1) * step);
        double hi = Math.Min(upperT0, (best + 1) * step);
        // Golden section: each step keeps one interior point and its χ², so it costs one profile evaluation.
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double m1 = hi - (ratio * (hi - lo));
        double m2 = lo + (ratio * (hi - lo));
        double chi1 = Profile(m1).ChiSquare;
        double chi2 = Profile(m2).ChiSquare;
        for (int iteration = 0; iteration < 60 && hi - lo > 1e-9 * upperT0; iteration++)
        {
            if (chi1 <= chi2)
            {
                hi = m2;
                (m2, chi2) = (m1, chi1);
                m1 = hi - (ratio * (hi - lo));
                chi1 = Profile(m1).ChiSquare;
            }
            else
            {
                lo = m1;
                (m1, chi1) = (m2, chi2);
                m2 = lo + (ratio * (hi - lo));
                chi2 = Profile(m2).ChiSquare;
            }
        }

        double t0 = 0.5 * (lo + hi);
        StraightLine line = Profile(t0);
        double b = Math.Max(line.Slope, 1e-9 * upperT0);
        return (line.Intercept, b, t0);
    }

    private void CheckAboveT0(double temperatureKelvin, string name)
    {
        if (!(temperatureKelvin > IdealGlassTransitionTemperature))
        {
            throw new ArgumentOutOfRangeException(name, temperatureKelvin, $"{name} is {Preconditions.Format(temperatureKelvin)} K; VTF is defined only above T₀ = {Preconditions.Format(IdealGlassTransitionTemperature)} K.");
        }
    }
}
