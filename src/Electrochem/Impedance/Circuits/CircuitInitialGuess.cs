using System.Collections.Immutable;

namespace Electrochem.Impedance;

/// <summary>
/// Starting values for a circuit fit read off the spectrum's shape, so common circuits fit without a user guess.
/// The heuristic (docs/impedance.md, "Automatic initial guesses"):
/// <list type="bullet">
/// <item>Series resistor (the first <c>R</c> of the top-level series): the high-frequency real intercept, Z′ where Z″
/// crosses zero (interpolated); when it never does, the left real-axis intercept of the circle fitted to the first
/// arc (extrapolating an arc cut off at high frequency), if smaller than Z′ at the highest frequency.</item>
/// <item>Series inductor <c>L</c>: Z″/ω at the highest frequency when that point is inductive (Z″ &gt; 0).</item>
/// <item>Arcs: local maxima of −Z″ (over ±2 neighbours, at least 5 % as tall as the tallest, with a prominence of at
/// least 10 % of their height above the valleys beside them), in order of decreasing apex frequency. Each arc is read
/// as a Zarc R_k/(1 + (jωτ_k)^α_k), a circle in the (Z′, −Z″) plane whose centre lies (1 − α)π/2 below the real axis
/// as seen from an intercept: a circle is fitted (Kåsa's algebraic least squares) to the
/// arc's points at least half its apex height h (the first arc: also every point above its apex frequency), giving
/// R_k = the chord on the real axis (2c, c = √(r² − y_c²)) and α_k = 1 − (2/π)·atan(−y_c/c), clamped to [0.5, 1]. When
/// the circle fails (fewer than four points, collinear, not crossing the axis, chord outside [h, 20h]), R_k is the
/// rise of Z′ between the valleys of −Z″ around it (from the intercept for the first arc), at least 2h, and
/// α_k = (4/π)·atan(2h/R_k) (the apex of a Zarc is (R/2)·tan(απ/4) high). The characteristic frequency
/// f_k = 1/(2πτ_k) is the median over those points of the one each gives: ln|(R_k − z)/z| = α_k·ln(ωτ_k), with z = Z
/// minus the arc's left intercept.</item>
/// <item>Each top-level parallel block (and each <c>Zarc</c> or <c>K</c>), left to right, takes the next arc: its
/// resistor R = R_k, a capacitor C = 1/(2π f_k R_k), a CPE α = α_k and Q = 1/(R_k (2π f_k)^α_k), a Zarc or K
/// τ = 1/(2π f_k) (a Zarc α = α_k). A block beyond the arcs found gets α = 0.9 and half the real-axis span the arcs found leave unexplained, at
/// an apex frequency a factor 100 below the previous one.</item>
/// <item>Diffusion, from the low-frequency tail (the points after the last arc's valley): a Warburg <c>W</c>
/// σ = mean of −Z″·√ω over the three lowest frequencies; a <c>Ws</c> or <c>Wo</c> Z₀ = |Z(f_min) − Z′_valley| and
/// τ = 1/(2π f_min).</item>
/// <item>A series capacitor C = 1/(2π f_min·(−Z″(f_min))); a series CPE α = 0.9, Q = 1/(|Z(f_min) − R_intercept| (2π f_min)^0.9).</item>
/// </list>
/// Everything else falls back to a value of the right scale for its unit, from the median modulus |Z|_med and the
/// geometric mean frequency f_g: Ω → 0.1|Z|_med; F → 1/(2π f_g |Z|_med); s → 1/(2π f_g); H → 0.01|Z|_med/(2π f_max);
/// exponents (upper bound 1) → 0.9; CPE-type coefficients → 1/(|Z|_med (2π f_g)^0.9); σ → 0.1|Z|_med √(2π f_g);
/// La's L → 0.01|Z|_med/(2π f_max)^0.9; dimensionless → 1. Limits: overlapping arcs with no valley between them are
/// seen as one; noise larger than ~10 % of an arc's height hides it; nested parallels inside a block get the
/// fallbacks; a spectrum with no capacitive points leaves every arc to the fallbacks.
/// </summary>
public static class CircuitInitialGuess
{
    private const double CpeExponent = Arc.DefaultExponent;

    /// <summary>Starting values for every parameter of the circuit, in circuit order, from the spectrum's shape.</summary>
    /// <param name="circuit">The circuit to fit.</param>
    /// <param name="spectrum">The measured spectrum (any frequency order).</param>
    /// <returns>P finite values inside the default bounds.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spectrum is all zero, or gives no finite start for a parameter.</exception>
    public static ImmutableArray<double> Estimate(Circuit circuit, ImpedanceSpectrum spectrum) => EstimateAs(circuit, spectrum, ArcReading.Circle);

    /// <summary>
    /// The cruder estimate of the fit's second automatic start (<see cref="CircuitFitOptions.SecondAutomaticStart"/>):
    /// each arc read at its apex alone — its diameter the rise of Z′ between the valleys beside it (at least twice its
    /// height), a CPE or Zarc α = 0.9, its frequency the apex's — instead of as a Zarc circle; everything else as
    /// <see cref="Estimate"/>. It does not lean on the arcs being Zarcs, so where overlapping or skewed arcs mislead the
    /// circle reading it often starts a fit in the better basin.
    /// </summary>
    /// <param name="circuit">The circuit to fit.</param>
    /// <param name="spectrum">The measured spectrum (any frequency order).</param>
    /// <returns>P finite values inside the default bounds.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The spectrum is all zero, or gives no finite start for a parameter.</exception>
    public static ImmutableArray<double> EstimateFromApexes(Circuit circuit, ImpedanceSpectrum spectrum) => EstimateAs(circuit, spectrum, ArcReading.Apex);

    /// <summary>The estimate with each arc read as <paramref name="reading"/> says.</summary>
    private static ImmutableArray<double> EstimateAs(Circuit circuit, ImpedanceSpectrum spectrum, ArcReading reading)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(spectrum);
        bool anyImpedance = false;
        for (int k = 0; k < spectrum.Count && !anyImpedance; k++)
        {
            anyImpedance = spectrum.Real[k] != 0 || spectrum.Imaginary[k] != 0;
        }

        if (!anyImpedance)
        {
            throw new ArgumentException("Every impedance of the spectrum is zero: there is no shape to estimate starting values from (is the file's impedance column empty or in the wrong place?).", nameof(spectrum));
        }

        // Most sweeps already run from high to low frequency: then the spectrum is its own sorted copy (the stable sort
        // would return the same points in the same order), and a batch of fits does not copy every spectrum.
        var shape = new SpectrumShape(IsNonIncreasing(spectrum.Frequency) ? spectrum : spectrum.SortedByFrequency(descending: true), reading);
        var values = new double[circuit.ParameterCount];
        var assigned = new bool[circuit.ParameterCount];
        ImmutableArray<CircuitNode> terms = circuit.Root is SeriesNode series ? series.Parts : [circuit.Root];
        int arcIndex = 0;
        bool seriesResistorSeen = false;
        foreach (CircuitNode term in terms)
        {
            switch (term)
            {
                case ParallelNode parallel:
                    GuessArcBlock(circuit, parallel, shape.Arc(arcIndex++), shape, values, assigned);
                    break;
                case ElementNode { Element.Symbol: "Zarc" or "K" } arcElement:
                    {
                        Arc arc = shape.Arc(arcIndex++);
                        Set(circuit, arcElement, 0, arc.Resistance, values, assigned);
                        Set(circuit, arcElement, 1, 1 / (2 * Math.PI * arc.ApexFrequency), values, assigned);
                        if (arcElement.Element.Symbol == "Zarc")
                        {
                            Set(circuit, arcElement, 2, arc.Exponent, values, assigned);
                        }

                        break;
                    }

                case ElementNode { Element.Symbol: "R" } resistor when !seriesResistorSeen:
                    seriesResistorSeen = true;
                    Set(circuit, resistor, 0, shape.HighFrequencyIntercept, values, assigned);
                    break;
                case ElementNode { Element.Symbol: "L" } inductor when shape.HighFrequencyInductance > 0:
                    Set(circuit, inductor, 0, shape.HighFrequencyInductance, values, assigned);
                    break;
                case ElementNode { Element.Symbol: "C" } capacitor when shape.LowFrequencyCapacitance > 0:
                    Set(circuit, capacitor, 0, shape.LowFrequencyCapacitance, values, assigned);
                    break;
                case ElementNode { Element.Symbol: "CPE" } cpe:
                    Set(circuit, cpe, 0, 1 / (shape.LowFrequencyExcess * Math.Pow(2 * Math.PI * shape.MinimumFrequency, CpeExponent)), values, assigned);
                    break;
                case ElementNode element:
                    GuessDiffusion(circuit, element, shape, values, assigned);
                    break;
                case SeriesNode:
                    break;
            }
        }

        for (int j = 0; j < values.Length; j++)
        {
            CircuitParameter parameter = circuit.Parameters[j];
            double value = assigned[j] && double.IsFinite(values[j]) ? values[j] : Fallback(parameter, shape);
            values[j] = Math.Clamp(value, parameter.LowerBound, parameter.UpperBound);
            if (!double.IsFinite(values[j]))
            {
                throw new ArgumentException($"This spectrum gives no finite starting value for {parameter.Name} ({Preconditions.Format(values[j])}); give one (an initial guess) or check the spectrum's values.", nameof(spectrum));
            }
        }

        return ImmutableArray.Create(values);
    }

    private static void GuessArcBlock(Circuit circuit, ParallelNode parallel, Arc arc, SpectrumShape shape, double[] values, bool[] assigned)
    {
        bool resistorSeen = false;
        foreach (ElementNode element in parallel.Elements)
        {
            switch (element.Element.Symbol)
            {
                case "R":
                    Set(circuit, element, 0, resistorSeen ? 10 * arc.Resistance : arc.Resistance, values, assigned);
                    resistorSeen = true;
                    break;
                case "C":
                    Set(circuit, element, 0, 1 / (2 * Math.PI * arc.ApexFrequency * arc.Resistance), values, assigned);
                    break;
                case "CPE":
                    Set(circuit, element, 0, 1 / (arc.Resistance * Math.Pow(2 * Math.PI * arc.ApexFrequency, arc.Exponent)), values, assigned);
                    Set(circuit, element, 1, arc.Exponent, values, assigned);
                    break;
                default:
                    GuessDiffusion(circuit, element, shape, values, assigned);
                    break;
            }
        }
    }

    private static void GuessDiffusion(Circuit circuit, ElementNode element, SpectrumShape shape, double[] values, bool[] assigned)
    {
        switch (element.Element.Symbol)
        {
            case "W" when shape.WarburgCoefficient > 0:
                Set(circuit, element, 0, shape.WarburgCoefficient, values, assigned);
                break;
            case "Ws" or "Wo" when shape.DiffusionResistance > 0:
                Set(circuit, element, 0, shape.DiffusionResistance, values, assigned);
                Set(circuit, element, 1, 1 / (2 * Math.PI * shape.MinimumFrequency), values, assigned);
                break;
        }
    }

    private static void Set(Circuit circuit, ElementNode element, int index, double value, double[] values, bool[] assigned)
    {
        int j = circuit.IndexOf(element.ParameterName(index));
        values[j] = value;
        assigned[j] = true;
    }

    private static double Fallback(CircuitParameter parameter, SpectrumShape shape)
    {
        double modulus = shape.MedianModulus;
        double omegaMean = 2 * Math.PI * shape.GeometricMeanFrequency;
        double omegaMax = 2 * Math.PI * shape.MaximumFrequency;
        if (parameter.UpperBound == 1)
        {
            return CpeExponent;
        }

        return parameter.Unit switch
        {
            "Ω" => 0.1 * modulus,
            "F" => 1 / (omegaMean * modulus),
            "s" => 1 / omegaMean,
            "H" => 0.01 * modulus / omegaMax,
            "S s^α" or "F s^(γ-1)" => 1 / (modulus * Math.Pow(omegaMean, CpeExponent)),
            "Ω s^-1/2" => 0.1 * modulus * Math.Sqrt(omegaMean),
            "Ω s^α" => 0.01 * modulus / Math.Pow(omegaMax, CpeExponent),
            _ => 1,
        };
    }

    private static bool IsNonIncreasing(ReadOnlySpan<double> frequency)
    {
        for (int k = 1; k < frequency.Length; k++)
        {
            if (frequency[k] > frequency[k - 1])
            {
                return false;
            }
        }

        return true;
    }
}
