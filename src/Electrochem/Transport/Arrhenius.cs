using System.Collections.Immutable;
using System.Numerics.Tensors;
using Electrochem.Constants;
using Electrochem.Fitting;

namespace Electrochem.Transport;

/// <summary>
/// Arrhenius temperature dependence of conductivity, in the form named by <see cref="Form"/>:
/// σ = A·exp(−E_a/(k_B·T)) or σ·T = A·exp(−E_a/(k_B·T)), with T in K and E_a in eV
/// (k_B = 8.617 333 262 × 10⁻⁵ eV K⁻¹). Unit-transparent in σ: A is in the unit of σ (σ form) or σ·K (σT form).
/// </summary>
/// <param name="PreExponentialFactor">A, in the unit of σ (σ form) or σ·K (σT form); &gt; 0.</param>
/// <param name="ActivationEnergyElectronVolts">E_a in eV per particle.</param>
/// <param name="Form">Which quantity is exponential in 1/T.</param>
public sealed record Arrhenius(double PreExponentialFactor, double ActivationEnergyElectronVolts, ArrheniusForm Form)
{
    private const int BlockSize = 512;

    /// <summary>Name of the activation-energy parameter in a fit's results (unit eV).</summary>
    public const string ActivationEnergyName = "ActivationEnergy";

    /// <summary>Name of the ln A parameter in a fit's results (A fitted in log space).</summary>
    public const string LnPreExponentialFactorName = "LnPreExponentialFactor";

    /// <summary>E_a in kJ mol⁻¹ (= eV × F/1000).</summary>
    public double ActivationEnergyKilojoulesPerMole => UnitConversions.ElectronVoltsToKilojoulesPerMole(ActivationEnergyElectronVolts);

    /// <summary>σ at one temperature.</summary>
    /// <param name="temperatureKelvin">T in K, &gt; 0.</param>
    /// <returns>σ in the unit the model was fitted in.</returns>
    /// <exception cref="ArgumentOutOfRangeException">T is not a positive finite temperature.</exception>
    public double Evaluate(double temperatureKelvin)
    {
        ConductivityData.CheckTemperature(temperatureKelvin);
        double inverse = 1 / temperatureKelvin;
        double value = PreExponentialFactor * Math.Exp(-ActivationEnergyElectronVolts * inverse / PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin);
        return Form == ArrheniusForm.Conductivity ? value : value * inverse;
    }

    /// <summary>σ at every temperature, vectorised in cache-sized blocks; the destination may be the input itself.</summary>
    /// <param name="temperatureKelvin">Temperatures in K, each &gt; 0.</param>
    /// <param name="conductivity">Destination, at least as long as the input.</param>
    /// <exception cref="ArgumentException">The destination is too short or partially overlaps the input, or a temperature is not positive.</exception>
    public void Evaluate(ReadOnlySpan<double> temperatureKelvin, Span<double> conductivity)
    {
        Preconditions.CheckDestination(temperatureKelvin.Length, conductivity.Length, nameof(conductivity));
        Preconditions.CheckNoOverlap(temperatureKelvin, conductivity, nameof(temperatureKelvin), nameof(conductivity));
        Preconditions.CheckAllPositive(temperatureKelvin, nameof(temperatureKelvin), " K");
        double exponentFactor = -ActivationEnergyElectronVolts / PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin;
        Span<double> inverse = stackalloc double[BlockSize];
        for (int start = 0; start < temperatureKelvin.Length; start += BlockSize)
        {
            int length = Math.Min(BlockSize, temperatureKelvin.Length - start);
            Span<double> u = inverse[..length];
            Span<double> destination = conductivity.Slice(start, length);
            TensorPrimitives.Reciprocal(temperatureKelvin.Slice(start, length), u);
            TensorPrimitives.Multiply(u, exponentFactor, destination);
            TensorPrimitives.Exp(destination, destination);
            if (Form == ArrheniusForm.ConductivityTimesTemperature)
            {
                TensorPrimitives.Multiply(destination, u, destination);
            }

            TensorPrimitives.Multiply(destination, PreExponentialFactor, destination);
        }
    }

    /// <summary>
    /// Fits E_a and A by weighted linear least squares of ln y = ln A − E_a·(1/(k_B·T)), y = σ or σ·T: exactly
    /// the maximum-likelihood fit for multiplicative (log-normal) scatter, the usual case for conductivity.
    /// The result's parameters are <c>LnPreExponentialFactor</c> (ln of A's unit) and <c>ActivationEnergy</c> (eV);
    /// <see cref="ArrheniusFitResults"/> gives E_a in kJ mol⁻¹, A with its asymmetric interval, and predictions.
    /// </summary>
    /// <param name="temperatureKelvin">T in K, each &gt; 0, at least two distinct, at least 3 points.</param>
    /// <param name="conductivity">σ, each &gt; 0, any unit.</param>
    /// <param name="form">The form to fit; there is no default because the two differ by ≈ k_B·T̄.</param>
    /// <param name="conductivityStandardUncertainty">Standard uncertainties of σ (same unit), giving weights wᵢ = (σᵢ/uᵢ)² in log space; empty for an unweighted fit.</param>
    /// <param name="options">Confidence level and weight interpretation; null for defaults.</param>
    /// <returns>The fit, with the model at the estimates.</returns>
    /// <exception cref="ArgumentException">Lengths differ, fewer than 3 points, all temperatures equal, or a value is not positive and finite.</exception>
    /// <example><code>var fit = Arrhenius.Fit(kelvin, sigma, ArrheniusForm.Conductivity);
    /// ParameterEstimate ea = fit["ActivationEnergy"];          // eV, with SE and 95 % CI
    /// ParameterEstimate eaKj = fit.ActivationEnergyKilojoulesPerMole();</code></example>
    public static FitResult<Arrhenius> Fit(
        ReadOnlySpan<double> temperatureKelvin,
        ReadOnlySpan<double> conductivity,
        ArrheniusForm form,
        ReadOnlySpan<double> conductivityStandardUncertainty = default,
        LinearFitOptions? options = null)
    {
        if (!Enum.IsDefined(form))
        {
            throw new ArgumentOutOfRangeException(nameof(form), form, "form must be ArrheniusForm.Conductivity or ArrheniusForm.ConductivityTimesTemperature.");
        }

        double[] weights = ConductivityData.Validate(temperatureKelvin, conductivity, conductivityStandardUncertainty, 2);
        int n = temperatureKelvin.Length;
        var x = new double[n];
        var y = new double[n];
        LogResponse(temperatureKelvin, conductivity, form, x, y);
        FitResult fit = LinearLeastSquares.FitLine(x, y, weights, options, Definitions(form)[0], Definitions(form)[1]);
        var model = new Arrhenius(Math.Exp(fit[LnPreExponentialFactorName].Value), fit[ActivationEnergyName].Value, form);
        return new FitResult<Arrhenius>(fit, model);
    }

    /// <summary>x = −1/(k_B·T) in eV⁻¹ and y = ln σ or ln(σ·T): the coordinates in which the model is a straight line of slope E_a.</summary>
    internal static void LogResponse(ReadOnlySpan<double> temperatureKelvin, ReadOnlySpan<double> conductivity, ArrheniusForm form, Span<double> x, Span<double> y)
    {
        TensorPrimitives.Reciprocal(temperatureKelvin, x);
        TensorPrimitives.Multiply(x, -1 / PhysicalConstants.BoltzmannConstantInElectronVoltsPerKelvin, x);
        if (form == ArrheniusForm.ConductivityTimesTemperature)
        {
            TensorPrimitives.Multiply(conductivity, temperatureKelvin, y);
            TensorPrimitives.Log(y, y);
        }
        else
        {
            TensorPrimitives.Log(conductivity, y);
        }
    }

    internal static ImmutableArray<ParameterDefinition> Definitions(ArrheniusForm form) =>
    [
        new(LnPreExponentialFactorName, form == ArrheniusForm.Conductivity ? "ln(σ unit)" : "ln(σ unit·K)"),
        new(ActivationEnergyName, "eV"),
    ];
}
