using System.Collections.Immutable;
using Electrochem.Fitting;

namespace Electrochem.Impedance;

/// <summary>Complex nonlinear least squares of a circuit on a spectrum: what <see cref="CircuitModel.Fit"/> runs.</summary>
internal static class CircuitFitter
{
    private const double RandomStartDecades = 2;

    internal static FitResult<CircuitModel> Fit(Circuit circuit, ImpedanceSpectrum spectrum, CircuitFitOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(spectrum);
        options ??= CircuitFitOptions.Default;
        ArgumentNullException.ThrowIfNull(options.Solver, nameof(options.Solver));
        if (!options.Solver.FixedParameters.IsDefaultOrEmpty)
        {
            throw new ArgumentException("Hold parameters fixed with CircuitFitOptions.FixedParameters (name → value), not with Solver.FixedParameters.", nameof(options));
        }

        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1))
        {
            throw new ArgumentException($"ConfidenceLevel is {Preconditions.Format(options.ConfidenceLevel)}; it must lie strictly between 0 and 1.", nameof(options));
        }

        if (options.GlobalStarts < 0 || options.GlobalStarts > CircuitFitOptions.MaximumGlobalStarts)
        {
            throw new ArgumentException($"GlobalStarts is {options.GlobalStarts}; it must lie between 0 (local fit only) and {CircuitFitOptions.MaximumGlobalStarts}.", nameof(options));
        }

        int p = circuit.ParameterCount;
        ImmutableArray<ParameterDefinition> definitions = ParameterDefinitions(circuit, options);
        var isFixed = new bool[p];
        var start = new double[p];
        var given = new bool[p];
        foreach ((string name, double value) in options.FixedParameters)
        {
            int j = IndexOf(circuit, name, "FixedParameters", nameof(options));
            CheckValue(name, value, definitions[j], "fixed value", nameof(options));
            isFixed[j] = true;
            given[j] = true;
            start[j] = value;
        }

        foreach ((string name, double value) in options.InitialGuess)
        {
            int j = IndexOf(circuit, name, "InitialGuess", nameof(options));
            if (isFixed[j])
            {
                if (options.FixedParameters[name] != value)
                {
                    throw new ArgumentException($"'{name}' is both fixed at {Preconditions.Format(options.FixedParameters[name])} and given a different initial guess {Preconditions.Format(value)}; give it in one place.", nameof(options));
                }

                continue;
            }

            CheckValue(name, value, definitions[j], "initial guess", nameof(options));
            given[j] = true;
            start[j] = value;
        }

        int free = p - isFixed.Count(f => f);
        if (free == 0)
        {
            throw new ArgumentException("Every parameter is fixed; nothing is left to fit.", nameof(options));
        }

        Preconditions.AsArgument(nameof(spectrum), () => spectrum.CheckEnoughPointsFor(free));
        bool anyAutomatic = given.Contains(false);
        if (anyAutomatic)
        {
            Automatic(CircuitInitialGuess.Estimate(circuit, spectrum), start, given, definitions);
        }

        int n = spectrum.Count;
        double[] pooled = System.Buffers.ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            return FitWithWeights(circuit, spectrum, options, definitions, isFixed, start, anyAutomatic && options.SecondAutomaticStart ? given : null, pooled, cancellationToken);
        }
        finally
        {
            System.Buffers.ArrayPool<double>.Shared.Return(pooled);
        }
    }

    /// <summary>Puts the estimate, inside the bounds, into every entry of <paramref name="start"/> not given by the user.</summary>
    private static void Automatic(ImmutableArray<double> estimated, double[] start, bool[] given, ImmutableArray<ParameterDefinition> definitions)
    {
        for (int j = 0; j < start.Length; j++)
        {
            if (!given[j])
            {
                start[j] = Math.Clamp(estimated[j], definitions[j].LowerBound, definitions[j].UpperBound);
            }
        }
    }

    /// <summary>
    /// The fit itself, from <paramref name="start"/> and, when that does not converge and <paramref name="secondStartFor"/>
    /// (which parameters were given) is not null, from the apex reading in every parameter not given, unless that equals
    /// the first start. The second start is read only then: rarely, on ordinary spectra. <paramref name="weights"/> (pooled by the
    /// caller) holds the real and imaginary weights in [0, N) and [N, 2N).
    /// </summary>
    private static FitResult<CircuitModel> FitWithWeights(Circuit circuit, ImpedanceSpectrum spectrum, CircuitFitOptions options, ImmutableArray<ParameterDefinition> definitions, bool[] isFixed, double[] start, bool[]? secondStartFor, double[] weights, CancellationToken cancellationToken)
    {
        int n = spectrum.Count;
        Preconditions.AsArgument(nameof(options), () => ImpedanceWeights.Compute(spectrum, options.Weighting, weights.AsSpan(0, n), weights.AsSpan(n, n), options.RealStandardDeviation.AsSpan(), options.ImaginaryStandardDeviation.AsSpan()));
        ReadOnlySpan<double> realWeights = weights.AsSpan(0, n);
        ReadOnlySpan<double> imaginaryWeights = weights.AsSpan(n, n);
        NonlinearFitOptions solver = options.Solver with
        {
            ConfidenceLevel = options.ConfidenceLevel,
            FixedParameters = [.. circuit.Parameters.Where((_, j) => isFixed[j]).Select(q => q.Name)],
        };
        NonlinearModel model = circuit.Compile().ToNonlinearModel(spectrum);
        model = WithFiniteJacobian(definitions == circuit.ParameterDefinitions ? model : model with { Parameters = definitions }, 2 * n);
        FitResult best = NonlinearLeastSquares.FitComplex(model, spectrum.Real, spectrum.Imaginary, start, realWeights, imaginaryWeights, solver, cancellationToken);
        double[] bestStart = start;
        double[]? secondStart = null;
        if (secondStartFor is not null && best.Status != FitStatus.Converged)
        {
            secondStart = [.. start];
            Automatic(CircuitInitialGuess.EstimateFromApexes(circuit, spectrum), secondStart, secondStartFor, definitions);
        }

        if (secondStart is not null && !secondStart.AsSpan().SequenceEqual(start))
        {
            FitResult other = NonlinearLeastSquares.FitComplex(model, spectrum.Real, spectrum.Imaginary, secondStart, realWeights, imaginaryWeights, solver, cancellationToken);
            if (IsBetter(other.Statistics.ChiSquare, other.Status != FitStatus.NonFiniteModelValue, best.Statistics.ChiSquare))
            {
                string first = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{best.Status}, χ² {best.Statistics.ChiSquare:G4}");
                best = other with { StatusReason = $"{other.StatusReason} (from the second automatic start, each arc read at its apex: the fit from the first start, each arc read as a Zarc circle, ended with {first})" };
                bestStart = secondStart;
            }
        }

        if (options.GlobalStarts > 0)
        {
            // The random starts are drawn in order from the seed, fitted side by side on every core, then scanned in
            // order exactly as one thread would (a start wins only by beating the best so far by the margin), and the
            // winner is fitted once more to give its full result: identical to fitting one start after another.
            var random = new SplitMix64(options.Seed);
            var trials = new double[options.GlobalStarts][];
            for (int k = 0; k < trials.Length; k++)
            {
                trials[k] = RandomStart(start, isFixed, definitions, ref random);
            }

            var chiSquares = new double[trials.Length];
            var usable = new bool[trials.Length];
            try
            {
                Parallel.For(0, trials.Length, new ParallelOptions { CancellationToken = cancellationToken }, k =>
                {
                    FitResult candidate = NonlinearLeastSquares.FitComplex(model, spectrum.Real, spectrum.Imaginary, trials[k], weights.AsSpan(0, n), weights.AsSpan(n, n), solver, cancellationToken);
                    chiSquares[k] = candidate.Statistics.ChiSquare;
                    usable[k] = candidate.Status != FitStatus.NonFiniteModelValue;
                });
            }
            catch (AggregateException failed) when (failed.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failed.InnerExceptions[0]).Throw();
            }

            int winner = -1;
            double current = best.Statistics.ChiSquare;
            for (int k = 0; k < trials.Length; k++)
            {
                if (IsBetter(chiSquares[k], usable[k], current))
                {
                    winner = k;
                    current = chiSquares[k];
                }
            }

            if (winner >= 0)
            {
                best = NonlinearLeastSquares.FitComplex(model, spectrum.Real, spectrum.Imaginary, trials[winner], realWeights, imaginaryWeights, solver, cancellationToken);
                bestStart = trials[winner];
            }
        }

        double[] values = [.. best.Parameters.Select(e => e.Value)];
        double[] standardErrors = [.. best.Parameters.Select(e => e.StandardError)];
        var fitted = new CircuitModel(circuit, values, solver.FixedParameters, name: null, initialValues: bestStart, standardErrors: standardErrors);
        return new FitResult<CircuitModel>(best, fitted);
    }

    /// <summary>
    /// The analytic Jacobian, except that a column which is not finite is replaced by a one-sided difference. The chain
    /// rule through a parallel multiplies (Z_parallel/Z_branch)² by ∂Z_branch/∂θ, which is 0·∞ when a branch element sits
    /// at a bound where its impedance diverges (C = 0, Q = 0); the true derivative there (e.g. ∂/∂C of R/(1 + jωRC) =
    /// −jωR²) is finite, and a difference of two finite impedances recovers it.
    /// </summary>
    private static NonlinearModel WithFiniteJacobian(NonlinearModel model, int rows)
    {
        ModelFunction function = model.Function;
        JacobianFunction analytic = model.Jacobian!;
        ImmutableArray<ParameterDefinition> definitions = model.Parameters;
        return model with
        {
            Jacobian = (theta, jacobian) =>
            {
                analytic(theta, jacobian);
                double[]? shifted = null;
                double[]? baseValues = null;
                double[]? shiftedValues = null;
                for (int j = 0; j < theta.Length; j++)
                {
                    Span<double> column = jacobian.Slice(j * rows, rows);
                    if (AllFinite(column))
                    {
                        continue;
                    }

                    shifted ??= theta.ToArray();
                    baseValues ??= Evaluate(function, theta, rows);
                    shiftedValues ??= new double[rows];
                    double step = Math.Sqrt(double.Epsilon) + (1e-7 * Math.Abs(theta[j]));
                    double direction = theta[j] + step <= definitions[j].UpperBound ? 1 : -1;
                    theta.CopyTo(shifted);
                    shifted[j] = theta[j] + (direction * step);
                    step = shifted[j] - theta[j];
                    function(shifted, shiftedValues);
                    for (int i = 0; i < rows; i++)
                    {
                        column[i] = (shiftedValues[i] - baseValues[i]) / step;
                    }
                }
            },
        };
    }

    private static double[] Evaluate(ModelFunction function, ReadOnlySpan<double> theta, int rows)
    {
        var values = new double[rows];
        function(theta, values);
        return values;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A random start replaces the current best only when it lowers χ² by more than <see cref="GlobalImprovement"/>
    /// relative: minima that are equal up to rounding — above all the same arcs with their labels swapped, since
    /// p(R1,CPE1)-p(R2,CPE2) is symmetric in its two blocks — keep the primary start's result and its labelling
    /// (arcs in order of decreasing apex frequency).
    /// </summary>
    private static bool IsBetter(double chiSquare, bool usable, double current)
    {
        bool lower = double.IsFinite(current) ? chiSquare < current * (1 - GlobalImprovement) : true;
        return double.IsFinite(chiSquare) && lower && usable;
    }

    /// <summary>Relative χ² decrease a random start must achieve to replace the best result so far.</summary>
    private const double GlobalImprovement = 1e-9;

    private static double[] RandomStart(double[] start, bool[] isFixed, ImmutableArray<ParameterDefinition> definitions, ref SplitMix64 random)
    {
        var trial = new double[start.Length];
        for (int j = 0; j < start.Length; j++)
        {
            double u = random.NextDouble();
            double lower = definitions[j].LowerBound;
            double upper = definitions[j].UpperBound;
            if (isFixed[j])
            {
                trial[j] = start[j];
            }
            else if (double.IsFinite(lower) && double.IsFinite(upper))
            {
                trial[j] = lower + ((upper - lower) * u);
            }
            else
            {
                double centre = Math.Abs(start[j]) > 0 ? Math.Abs(start[j]) : 1;
                trial[j] = Math.Clamp(centre * Math.Pow(10, RandomStartDecades * ((2 * u) - 1)), lower, upper);
            }
        }

        return trial;
    }

    private static ImmutableArray<ParameterDefinition> ParameterDefinitions(Circuit circuit, CircuitFitOptions options)
    {
        ImmutableDictionary<string, ParameterBounds> bounds = options.Bounds;
        ArgumentNullException.ThrowIfNull(bounds, nameof(options));
        if (bounds.IsEmpty)
        {
            return circuit.ParameterDefinitions;
        }

        var definitions = circuit.ParameterDefinitions.ToArray();
        foreach ((string name, ParameterBounds box) in bounds)
        {
            int j = IndexOf(circuit, name, "Bounds", nameof(options));
            ArgumentNullException.ThrowIfNull(box, $"Bounds[{name}]");
            if (double.IsNaN(box.Lower) || double.IsNaN(box.Upper) || !(box.Lower < box.Upper))
            {
                throw new ArgumentException($"Bounds of '{name}' are [{Preconditions.Format(box.Lower)}, {Preconditions.Format(box.Upper)}]; the lower bound must be below the upper bound.", nameof(options));
            }

            definitions[j] = definitions[j] with { LowerBound = box.Lower, UpperBound = box.Upper };
        }

        return ImmutableArray.Create(definitions);
    }

    private static int IndexOf(Circuit circuit, string name, string option, string argumentName) =>
        circuit.HasParameter(name)
            ? circuit.IndexOf(name)
            : throw new ArgumentException(
                $"{option} names '{name}', which is not a parameter of {circuit}; its parameters are {string.Join(", ", circuit.Parameters.Select(q => q.Name))}.",
                argumentName);

    private static void CheckValue(string name, double value, ParameterDefinition definition, string what, string argumentName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"The {what} of '{name}' is {Preconditions.Format(value)}; it must be finite.", argumentName);
        }

        if (value < definition.LowerBound || value > definition.UpperBound)
        {
            throw new ArgumentException(
                $"The {what} of '{name}' is {Preconditions.Format(value)}, outside its bounds [{Preconditions.Format(definition.LowerBound)}, {Preconditions.Format(definition.UpperBound)}].",
                argumentName);
        }
    }
}
