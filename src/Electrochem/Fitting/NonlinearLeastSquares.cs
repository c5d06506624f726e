using System.Collections.Immutable;
using System.Buffers;
using System.Numerics.Tensors;

namespace Electrochem.Fitting;

/// <summary>
/// Nonlinear weighted least squares by Levenberg–Marquardt with box bounds: minimises χ² = Σ wᵢ (yᵢ − f(xᵢ; θ))²
/// over θ. Each step solves (H + λD²)·δ = JᵀW·r inside a trust region ‖D·δ‖ ≤ Δ (Moré's method, as MINPACK's
/// lmder: λ = 0, the Gauss–Newton step, whenever that fits), with D² Marquardt's scaling (the running maximum of
/// diag JᵀWJ). H is JᵀWJ, or JᵀWJ plus a secant estimate S of the second-order term −Σ rᵢ∇²fᵢ (the Dennis–Gay–Welsch
/// update of NL2SOL) when S predicted the last step's reduction better — which turns the linear crawl of Gauss–Newton
/// along a curved, poorly determined valley into superlinear convergence. A parameter at a bound whose gradient
/// points outward is held there for that step, and every trial point is projected into the box. Work buffers are
/// rented once per fit, so the iterations allocate nothing. <see cref="FitResult.Iterations"/> counts model
/// evaluations after the start (one per trial point).
/// </summary>
public static class NonlinearLeastSquares
{
    /// <summary>Fits a real-valued model.</summary>
    /// <param name="model">Parameters, model function and optional Jacobian.</param>
    /// <param name="observed">Observations yᵢ, N values.</param>
    /// <param name="initialGuess">Starting values, one per parameter, inside the bounds; fixed parameters stay here.</param>
    /// <param name="weights">Weights wᵢ &gt; 0, or empty for unit weights. Scale residuals this way rather than forming a dense N×N weight matrix.</param>
    /// <param name="options">Tolerances, iteration limit, fixed parameters, confidence level; null for defaults.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>The fit with its status; a failure to converge is reported in the status, not thrown.</returns>
    /// <exception cref="ArgumentException">Sizes disagree, N &lt; free parameters + 1, a value is not finite, a weight is not positive, a start value lies outside its bounds, or a fixed parameter name is unknown.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static FitResult Fit(
        NonlinearModel model,
        ReadOnlySpan<double> observed,
        ReadOnlySpan<double> initialGuess,
        ReadOnlySpan<double> weights = default,
        NonlinearFitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        options ??= NonlinearFitOptions.Default;
        options.Validate();
        Preconditions.CheckAllFinite(observed, nameof(observed));
        FitResultBuilder.ValidateWeights(weights, observed.Length, nameof(weights));
        return LevenbergMarquardt.Solve(model, observed, initialGuess, weights, options, cancellationToken);
    }

    /// <summary>
    /// Fits a complex-valued model (such as an impedance) by splitting every complex residual into its real and
    /// imaginary parts: the model function writes all N real parts, then all N imaginary parts (2N values), and the
    /// residuals of the result follow the same layout.
    /// </summary>
    /// <param name="model">Model writing 2N values (real parts, then imaginary parts).</param>
    /// <param name="observedReal">Real parts of the observations.</param>
    /// <param name="observedImaginary">Imaginary parts of the observations.</param>
    /// <param name="initialGuess">Starting values.</param>
    /// <param name="weightsReal">Weights of the real residuals, or empty for unit weights.</param>
    /// <param name="weightsImaginary">Weights of the imaginary residuals (same emptiness as <paramref name="weightsReal"/>).</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>The fit; N in its statistics counts 2 per complex point.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Fit"/>, or the real and imaginary parts differ in length.</exception>
    public static FitResult FitComplex(
        NonlinearModel model,
        ReadOnlySpan<double> observedReal,
        ReadOnlySpan<double> observedImaginary,
        ReadOnlySpan<double> initialGuess,
        ReadOnlySpan<double> weightsReal = default,
        ReadOnlySpan<double> weightsImaginary = default,
        NonlinearFitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckSameLength(observedReal.Length, observedImaginary.Length, nameof(observedReal), nameof(observedImaginary));
        if (weightsReal.IsEmpty != weightsImaginary.IsEmpty)
        {
            throw new ArgumentException("Give weights for both the real and the imaginary parts, or for neither.", nameof(weightsImaginary));
        }

        int n = observedReal.Length;
        if (!weightsReal.IsEmpty)
        {
            Preconditions.CheckSameLength(n, weightsReal.Length, nameof(observedReal), nameof(weightsReal));
            Preconditions.CheckSameLength(n, weightsImaginary.Length, nameof(observedImaginary), nameof(weightsImaginary));
        }

        // Stacked into pooled buffers: the fit reads them as spans and keeps copies of what it returns, and a batch
        // of fits then allocates only its results.
        double[] stacked = ArrayPool<double>.Shared.Rent(2 * n);
        double[] stackedWeights = weightsReal.IsEmpty ? [] : ArrayPool<double>.Shared.Rent(2 * n);
        try
        {
            observedReal.CopyTo(stacked);
            observedImaginary.CopyTo(stacked.AsSpan(n));
            if (!weightsReal.IsEmpty)
            {
                weightsReal.CopyTo(stackedWeights);
                weightsImaginary.CopyTo(stackedWeights.AsSpan(n));
            }

            return Fit(model, stacked.AsSpan(0, 2 * n), initialGuess, weightsReal.IsEmpty ? default : stackedWeights.AsSpan(0, 2 * n), options, cancellationToken);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(stacked);
            if (stackedWeights.Length > 0)
            {
                ArrayPool<double>.Shared.Return(stackedWeights);
            }
        }
    }
}

/// <summary>The Levenberg–Marquardt iteration behind <see cref="NonlinearLeastSquares"/>.</summary>
internal static class LevenbergMarquardt
{
    /// <summary>Consecutive rejected steps after which the fit gives up (each shrinks the region at least two-fold).</summary>
    private const int MaximumRejections = 80;



    /// <summary>A parameter closer than this many standard errors to a finite bound is reported at that bound.</summary>
    private const double NearBoundFraction = 1e-3;

    /// <summary>√ε for double, the relative forward-difference step.</summary>
    private const double SqrtEpsilon = 1.4901161193847656e-8;

    internal static FitResult Solve(
        NonlinearModel model,
        ReadOnlySpan<double> observed,
        ReadOnlySpan<double> initialGuess,
        ReadOnlySpan<double> weights,
        NonlinearFitOptions options,
        CancellationToken cancellationToken)
    {
        var definitions = model.Parameters;
        int p = definitions.Length;
        int n = observed.Length;
        Preconditions.CheckSameLength(p, initialGuess.Length, "the model's parameters", nameof(initialGuess));
        bool[] isFixed = FixedFlags(model, options);
        int[] free = Enumerable.Range(0, p).Where(j => !isFixed[j]).ToArray();
        int pf = free.Length;
        Preconditions.CheckMinimumCount(n, pf + 1, nameof(observed), $"{pf} free parameters need at least {pf + 1} observations to estimate their uncertainty");
        for (int j = 0; j < p; j++)
        {
            ParameterDefinition d = definitions[j];
            double v = initialGuess[j];
            if (!double.IsFinite(v) || v < d.LowerBound || v > d.UpperBound)
            {
                throw new ArgumentException(
                    $"The starting value of '{d.Name}' is {Preconditions.Format(v)}; it must be finite and within [{Preconditions.Format(d.LowerBound)}, {Preconditions.Format(d.UpperBound)}].",
                    nameof(initialGuess));
            }
        }

        var work = new Workspace(n, p, free);
        try
        {
            return work.Run(model, observed, initialGuess, weights, options, isFixed, cancellationToken);
        }
        finally
        {
            work.Return();
        }
    }

    private static bool[] FixedFlags(NonlinearModel model, NonlinearFitOptions options)
    {
        var flags = new bool[model.Parameters.Length];
        foreach (string name in options.FixedParameters)
        {
            int index = model.Parameters.Select(d => d.Name).ToList().IndexOf(name);
            if (index < 0)
            {
                throw new ArgumentException(
                    $"Cannot hold '{name}' fixed: the model has no such parameter (it has {string.Join(", ", model.Parameters.Select(d => d.Name))}).",
                    nameof(options));
            }

            flags[index] = true;
        }

        return flags;
    }

    /// <summary>Buffers for one fit, rented from the shared pool and returned at the end.</summary>
    private sealed class Workspace(int n, int p, int[] free)
    {
        private readonly int pf = free.Length;
        private readonly double[] _sqrtWeights = ArrayPool<double>.Shared.Rent(n);
        private readonly double[] _values = ArrayPool<double>.Shared.Rent(n);
        private readonly double[] _trialValues = ArrayPool<double>.Shared.Rent(n);
        private readonly double[] _residuals = ArrayPool<double>.Shared.Rent(n);
        private readonly double[] _trialResiduals = ArrayPool<double>.Shared.Rent(n);
        private readonly double[] _jacobian = ArrayPool<double>.Shared.Rent(n * p);
        // The last accepted point (θ, f, r), kept while the Jacobian at a newly accepted one is computed.
        private readonly double[] _previousTheta = ArrayPool<double>.Shared.Rent(p);
        private readonly double[] _previousValues = ArrayPool<double>.Shared.Rent(n);
        private readonly double[] _previousResiduals = ArrayPool<double>.Shared.Rent(n);
        // The small vectors and matrices live in one pooled buffer, cleared on rent: θ, start and trial θ (P each), seven
        // vectors over the free parameters, then S, JᵀWJ and the factorised system (P_f² each).
        private readonly double[] _small = RentCleared((3 * p) + (7 * free.Length) + (3 * free.Length * free.Length));
        private bool _useSecant;
        private readonly bool[] _active = new bool[free.Length];

        private Span<double> Theta => _small.AsSpan(0, p);
        private Span<double> Start => _small.AsSpan(p, p);
        private Span<double> TrialTheta => _small.AsSpan(2 * p, p);
        private Span<double> NewtonWork => _small.AsSpan((3 * p) + (0 * pf), pf);
        private Span<double> Direction => _small.AsSpan((3 * p) + (1 * pf), pf);
        private Span<double> OldJacobianResiduals => _small.AsSpan((3 * p) + (2 * pf), pf);
        private Span<double> PreviousGradient => _small.AsSpan((3 * p) + (3 * pf), pf);
        private Span<double> Gradient => _small.AsSpan((3 * p) + (4 * pf), pf);
        private Span<double> Step => _small.AsSpan((3 * p) + (5 * pf), pf);
        private Span<double> Scaling => _small.AsSpan((3 * p) + (6 * pf), pf);
        private Span<double> Secant => _small.AsSpan((3 * p) + (7 * pf), pf * pf);
        private Span<double> Normal => _small.AsSpan((3 * p) + (7 * pf) + (pf * pf), pf * pf);
        private Span<double> SystemMatrix => _small.AsSpan((3 * p) + (7 * pf) + (2 * pf * pf), pf * pf);

        private static double[] RentCleared(int length)
        {
            double[] buffer = ArrayPool<double>.Shared.Rent(length);
            Array.Clear(buffer, 0, length);
            return buffer;
        }

        internal void Return()
        {
            ArrayPool<double>.Shared.Return(_sqrtWeights);
            ArrayPool<double>.Shared.Return(_values);
            ArrayPool<double>.Shared.Return(_trialValues);
            ArrayPool<double>.Shared.Return(_residuals);
            ArrayPool<double>.Shared.Return(_trialResiduals);
            ArrayPool<double>.Shared.Return(_jacobian);
            ArrayPool<double>.Shared.Return(_previousTheta);
            ArrayPool<double>.Shared.Return(_previousValues);
            ArrayPool<double>.Shared.Return(_previousResiduals);
            ArrayPool<double>.Shared.Return(_small);
        }

        internal FitResult Run(
            NonlinearModel model,
            ReadOnlySpan<double> observed,
            ReadOnlySpan<double> initialGuess,
            ReadOnlySpan<double> weights,
            NonlinearFitOptions options,
            bool[] isFixed,
            CancellationToken cancellationToken)
        {
            Span<double> sqrtW = _sqrtWeights.AsSpan(0, n);
            if (weights.IsEmpty)
            {
                sqrtW.Fill(1.0);
            }
            else
            {
                TensorPrimitives.Sqrt(weights, sqrtW);
            }

            initialGuess.CopyTo(Theta);
            initialGuess.CopyTo(Start);
            var definitions = model.Parameters;
            double chiSquare = Evaluate(model, Theta, observed, _values, _residuals);
            if (!double.IsFinite(chiSquare))
            {
                return Finish(model, observed, weights, options, isFixed, FitStatus.NonFiniteModelValue,
                    "the model gave a non-finite value (NaN or ±∞) at the starting point; check the initial guess and the model's domain", 0);
            }

            if (pf == 0)
            {
                return Finish(model, observed, weights, options, isFixed, FitStatus.Converged, "every parameter is fixed; the model was evaluated only", 0);
            }

            if (!ComputeJacobian(model))
            {
                return Finish(model, observed, weights, options, isFixed, FitStatus.NonFiniteModelValue,
                    "the Jacobian is not finite at the starting point", 0);
            }

            // A trust region in the scaled norm ‖D·δ‖ (Moré 1978, as MINPACK's lmder): each step is the Gauss–Newton
            // step when that fits inside the region, else the Levenberg–Marquardt step whose λ puts it on the
            // region's edge. The first region is the length of the step at λ = InitialDamping, so the first step is
            // as cautious as a plain Marquardt start; from then on a good step doubles the region, and once the
            // Gauss–Newton step fits, λ is 0 and convergence is quadratic (Nielsen's λ update shrinks λ at most 3-fold
            // per step, which left well-fitted spectra damped for most of their iterations).
            FormNormalEquations();
            bool normalEquationsCurrent = true;
            MarkActiveBounds(definitions);
            double damping = IsCloseStart(chiSquare, observed, options) ? options.CloseStartDamping : options.InitialDamping;
            double radius = SolveStep(damping) ? ScaledNorm(Step) : 0;
            if (!(radius > 0) || !double.IsFinite(radius))
            {
                radius = Math.Max(ScaledNorm(Theta, free), 1);
            }

            int iterations = 0;
            int rejections = 0;
            bool lastRejectionNonFinite = false;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!normalEquationsCurrent)
                {
                    // JᵀJ and Jᵀr change only when a step is accepted; a rejected step reuses them in a smaller region.
                    FormNormalEquations();
                    normalEquationsCurrent = true;
                }

                if (chiSquare == 0)
                {
                    return Finish(model, observed, weights, options, isFixed, FitStatus.Converged, "the model reproduces the data exactly (χ² = 0)", iterations);
                }

                MarkActiveBounds(definitions);
                if (ScaledGradient(chiSquare) <= options.GradientTolerance)
                {
                    return Finish(model, observed, weights, options, isFixed, FitStatus.Converged,
                        $"the gradient vanished (largest cosine between residuals and Jacobian columns ≤ {Preconditions.Format(options.GradientTolerance)})", iterations);
                }

                if (iterations >= options.MaxIterations)
                {
                    return Finish(model, observed, weights, options, isFixed, FitStatus.IterationLimitReached,
                        $"stopped after {iterations} iterations without meeting a convergence criterion; raise MaxIterations or improve the initial guess", iterations);
                }

                bool stepped = TrustRegionStep(radius, ref damping);
                if (!stepped && _useSecant)
                {
                    // No step of the secant model inside the region (S made the system indefinite): Gauss–Newton.
                    _useSecant = false;
                    stepped = TrustRegionStep(radius, ref damping);
                }

                if (rejections > MaximumRejections || !stepped)
                {
                    return lastRejectionNonFinite
                        ? Finish(model, observed, weights, options, isFixed, FitStatus.NonFiniteModelValue,
                            "every step tried from the last point made the model or its Jacobian non-finite; tighten the parameter bounds to the model's domain", iterations)
                        : Finish(model, observed, weights, options, isFixed, FitStatus.NoFurtherProgress,
                            "no step lowered χ² even in the smallest trust region while the gradient was not yet small; the model or its Jacobian may be inconsistent, or χ² is at its rounding floor", iterations);
                }

                iterations++;
                (double stepNorm, double thetaNorm, bool clamped) = ProjectTrial(definitions);
                if (stepNorm <= options.ParameterTolerance * (thetaNorm + options.ParameterTolerance))
                {
                    iterations--; // the step is not evaluated, so it does not count
                    return lastRejectionNonFinite && rejections > 0
                        ? Finish(model, observed, weights, options, isFixed, FitStatus.NonFiniteModelValue,
                            "every step tried from the last point made the model or its Jacobian non-finite; tighten the parameter bounds to the model's domain", iterations)
                        : Finish(model, observed, weights, options, isFixed, FitStatus.Converged,
                            $"the step became smaller than ParameterTolerance = {Preconditions.Format(options.ParameterTolerance)} relative to the parameters", iterations);
                }

                double scaledStep = ScaledNorm(Step);
                double predicted = PredictedReduction();
                if (damping == 0 && !clamped && predicted <= options.FunctionTolerance * chiSquare)
                {
                    // The unconstrained minimum of the step's model (Gauss–Newton, or with the secant term) lies inside
                    // the region and within FunctionTolerance of χ²: no step can gain more, so the evaluation that
                    // would only confirm it is skipped.
                    iterations--;
                    return Finish(model, observed, weights, options, isFixed, FitStatus.Converged,
                        $"the {(_useSecant ? "quasi-Newton" : "Gauss–Newton")} step predicts χ² to fall by less than FunctionTolerance = {Preconditions.Format(options.FunctionTolerance)} relative", iterations);
                }

                if (!(predicted > 0))
                {
                    // Clamping to the bounds turned the step into one the model says cannot help: a smaller region
                    // instead, without spending a model evaluation on it.
                    iterations--;
                    rejections++;
                    radius = 0.25 * Math.Min(radius, scaledStep);
                    continue;
                }

                double trialChiSquare = Evaluate(model, TrialTheta, observed, _trialValues, _trialResiduals);
                double actual = chiSquare - trialChiSquare;
                if (double.IsFinite(trialChiSquare) && actual > 0)
                {
                    double ratio = actual / predicted;
                    KeepPrevious();
                    Swap();
                    double previous = chiSquare;
                    chiSquare = trialChiSquare;
                    rejections = 0;
                    lastRejectionNonFinite = false;
                    if (ratio < 0.25)
                    {
                        radius = 0.5 * Math.Min(radius, 10 * scaledStep);
                    }
                    else if (ratio >= 0.75 || damping == 0)
                    {
                        radius = Math.Max(radius, 2 * scaledStep);
                    }

                    bool usedSecant = _useSecant;
                    ChooseModel(actual);
                    SaveForSecant();
                    if (!ComputeJacobian(model))
                    {
                        // No step can be taken from a point whose derivatives are not finite: refuse the step as one
                        // into non-finite values, back at the last point (its Jacobian computed again), in a smaller region.
                        RestorePrevious();
                        chiSquare = previous;
                        _useSecant = usedSecant;
                        if (!ComputeJacobian(model))
                        {
                            return Finish(model, observed, weights, options, isFixed, FitStatus.NonFiniteModelValue,
                                "the Jacobian became non-finite during the fit", iterations);
                        }

                        rejections++;
                        lastRejectionNonFinite = true;
                        radius = Shrunk(radius, scaledStep, actual, nonFinite: true);
                        continue;
                    }

                    FormNormalEquations();
                    normalEquationsCurrent = true;
                    UpdateSecant(Step);

                    if (previous - chiSquare <= options.FunctionTolerance * previous)
                    {
                        return Finish(model, observed, weights, options, isFixed, FitStatus.Converged,
                            $"χ² decreased by less than FunctionTolerance = {Preconditions.Format(options.FunctionTolerance)} relative", iterations);
                    }
                }
                else
                {
                    // MINPACK's test: the step was rejected, but only by rounding — χ² changed, and the linear model
                    // predicted it to change, by less than FunctionTolerance relative. Nothing is left to gain.
                    if (-actual <= options.FunctionTolerance * chiSquare && predicted <= options.FunctionTolerance * chiSquare)
                    {
                        return Finish(model, observed, weights, options, isFixed, FitStatus.Converged,
                            $"χ² changed by less than FunctionTolerance = {Preconditions.Format(options.FunctionTolerance)} relative, as the linear model predicted", iterations);
                    }

                    rejections++;
                    lastRejectionNonFinite = !double.IsFinite(trialChiSquare);
                    radius = Shrunk(radius, scaledStep, actual, lastRejectionNonFinite);
                }
            }
        }

        /// <summary>
        /// The trust region after a rejected step: a tenth of the step after a non-finite value, otherwise the step
        /// length times the minimiser of the parabola through χ²(0), its slope and χ²(1) along the step, kept within
        /// [0.1, 0.5] (MINPACK's rule).
        /// </summary>
        private double Shrunk(double radius, double scaledStep, double actual, bool nonFinite)
        {
            if (nonFinite)
            {
                return 0.1 * Math.Min(radius, scaledStep);
            }

            double slope = 0;
            for (int a = 0; a < pf; a++)
            {
                slope += Step[a] * Gradient[a];
            }

            // χ²(t) ≈ χ² − 2t·gᵀδ + c·t², with c from χ²(1) = χ² − actual.
            double factor = slope > 0 ? slope / (2 * slope - actual) : 0.5;
            return Math.Clamp(double.IsFinite(factor) ? factor : 0.1, 0.1, 0.5) * Math.Min(radius, 10 * scaledStep);
        }

        /// <summary>Clamps θ + δ into the box as the trial point; δ becomes the step actually taken. Returns ‖δ‖ and ‖θ‖ over the free parameters.</summary>
        private (double StepNorm, double ThetaNorm, bool Clamped) ProjectTrial(ImmutableArray<ParameterDefinition> definitions)
        {
            Span<double> theta = Theta;
            Span<double> trialTheta = TrialTheta;
            Span<double> step = Step;
            double stepNorm = 0;
            double thetaNorm = 0;
            bool clamped = false;
            theta.CopyTo(trialTheta);
            for (int a = 0; a < pf; a++)
            {
                int j = free[a];
                ParameterDefinition d = definitions[j];
                double trial = Math.Clamp(theta[j] + step[a], d.LowerBound, d.UpperBound);
                trialTheta[j] = trial;
                clamped |= trial != theta[j] + step[a];
                step[a] = trial - theta[j];
                stepNorm += step[a] * step[a];
                thetaNorm += theta[j] * theta[j];
            }

            return (Math.Sqrt(stepNorm), Math.Sqrt(thetaNorm), clamped);
        }

        /// <summary>‖D·v‖ over the free parameters, D² = Marquardt's scaling (the running maximum of diag JᵀWJ).</summary>
        private double ScaledNorm(ReadOnlySpan<double> v)
        {
            Span<double> scaling = Scaling;
            double sum = 0;
            for (int a = 0; a < pf; a++)
            {
                sum += scaling[a] * v[a] * v[a];
            }

            return Math.Sqrt(sum);
        }

        /// <summary>‖D·θ‖ over the free parameters of a full parameter vector.</summary>
        private double ScaledNorm(ReadOnlySpan<double> theta, int[] columns)
        {
            Span<double> scaling = Scaling;
            double sum = 0;
            for (int a = 0; a < columns.Length; a++)
            {
                sum += scaling[a] * theta[columns[a]] * theta[columns[a]];
            }

            return Math.Sqrt(sum);
        }

        /// <summary>
        /// The step for a trust region of scaled radius Δ into <c>Step</c>: the Gauss–Newton step (λ = 0) when it is
        /// defined and ‖Dδ‖ ≤ 1.1Δ, otherwise the damped step with ‖Dδ(λ)‖ within 10 % of Δ, λ found by Moré's
        /// safeguarded Newton iteration on 1/‖Dδ(λ)‖ (at most ten factorisations of the small normal matrix).
        /// <paramref name="damping"/> carries λ from the previous step as the first guess. False when no step exists.
        /// </summary>
        private bool TrustRegionStep(double radius, ref double damping)
        {
            double lower = 0;
            if (SolveStep(0))
            {
                double gaussNewton = ScaledNorm(Step);
                if (gaussNewton <= 1.1 * radius)
                {
                    damping = 0;
                    return true;
                }

                double newton = (gaussNewton - radius) / (radius * NewtonDenominator(gaussNewton));
                lower = double.IsFinite(newton) ? Math.Max(0, newton) : 0;
            }

            double gradientNorm = 0;
            for (int a = 0; a < pf; a++)
            {
                if (!_active[a])
                {
                    gradientNorm += Gradient[a] * Gradient[a] / Math.Max(Scaling[a], double.Epsilon);
                }
            }

            double upper = Math.Sqrt(gradientNorm) / radius;
            if (!(upper > 0) || !double.IsFinite(upper))
            {
                return false;
            }

            damping = Math.Min(Math.Max(damping, lower), upper);
            double solvedDamping = double.NaN;
            bool stepCurrent = false;
            for (int k = 0; k < 10; k++)
            {
                if (!(damping > lower) && !(lower == 0 && damping > 0))
                {
                    // Newton overshot to (or below) the lower bracket, or λ = 0 after a singular Gauss–Newton
                    // system: restart inside the bracket (MINPACK's max(dwarf, 0.001·upper)).
                    damping = Math.Max(Math.Sqrt(lower * upper), upper * 1e-3);
                }

                if (!SolveStep(damping))
                {
                    // The damped system is not positive definite yet (a singular JᵀWJ plus an indefinite S): more λ.
                    stepCurrent = false;
                    lower = damping;
                    damping = Math.Min(10 * damping, upper);
                    if (lower >= upper)
                    {
                        break;
                    }

                    continue;
                }

                solvedDamping = damping;
                stepCurrent = true;
                double length = ScaledNorm(Step);
                double excess = length - radius;
                if (Math.Abs(excess) <= 0.1 * radius)
                {
                    break;
                }

                if (excess > 0)
                {
                    lower = Math.Max(lower, damping);
                }
                else
                {
                    upper = Math.Min(upper, damping);
                }

                damping += excess / (radius * NewtonDenominator(length));
                if (!(damping < upper) || !double.IsFinite(damping))
                {
                    damping = 0.5 * (lower + upper);
                }
            }

            if (double.IsNaN(solvedDamping))
            {
                return false;
            }

            damping = solvedDamping;
            return stepCurrent || SolveStep(damping);
        }

        /// <summary>
        /// ‖L⁻¹·D²δ/‖Dδ‖‖² for the factor L of the current system: the term of Moré's Newton correction
        /// λ⁺ = λ + (‖Dδ‖ − Δ)/(Δ·this), using the factor <see cref="SolveStep"/> left in <c>SystemMatrix</c>.
        /// </summary>
        private double NewtonDenominator(double length)
        {
            Span<double> step = Step;
            Span<double> scaling = Scaling;
            Span<double> system = SystemMatrix;
            Span<double> w = NewtonWork;
            for (int a = 0; a < pf; a++)
            {
                w[a] = _active[a] ? 0 : scaling[a] * step[a] / length;
            }

            double sum = 0;
            for (int i = 0; i < pf; i++)
            {
                double value = w[i];
                for (int k = 0; k < i; k++)
                {
                    value -= system[(i * pf) + k] * w[k];
                }

                w[i] = value / system[(i * pf) + i];
                sum += w[i] * w[i];
            }

            return sum;
        }

        /// <summary>
        /// Whether the start reproduces the data within <see cref="NonlinearFitOptions.CloseStartResidual"/>:
        /// χ²₀ ≤ ρ²·Σ wᵢyᵢ² (the weighted data in the trial residuals' buffer, unused before the first step).
        /// </summary>
        private bool IsCloseStart(double chiSquare, ReadOnlySpan<double> observed, NonlinearFitOptions options)
        {
            if (options.CloseStartResidual == 0)
            {
                return false;
            }

            Span<double> weighted = _trialResiduals.AsSpan(0, n);
            TensorPrimitives.Multiply(observed, _sqrtWeights.AsSpan(0, n), weighted);
            return chiSquare <= options.CloseStartResidual * options.CloseStartResidual * TensorPrimitives.SumOfSquares<double>(weighted);
        }

        /// <summary>f(θ) into values, r = √w·(y − f) into residuals; returns χ² = r·r (non-finite when any value is).</summary>
        private double Evaluate(NonlinearModel model, ReadOnlySpan<double> theta, ReadOnlySpan<double> observed, double[] values, double[] residuals)
        {
            Span<double> f = values.AsSpan(0, n);
            Span<double> r = residuals.AsSpan(0, n);
            model.Function(theta, f);
            TensorPrimitives.Subtract(observed, f, r);
            TensorPrimitives.Multiply(r, _sqrtWeights.AsSpan(0, n), r);
            return TensorPrimitives.SumOfSquares<double>(r);
        }

        /// <summary>Weighted Jacobian √w·∂f/∂θ at the current θ, free columns only; false when not finite.</summary>
        private bool ComputeJacobian(NonlinearModel model)
        {
            Span<double> jacobian = _jacobian.AsSpan(0, n * p);
            ReadOnlySpan<double> sqrtW = _sqrtWeights.AsSpan(0, n);
            if (model.Jacobian is { } analytic)
            {
                analytic(Theta, jacobian);
                foreach (int j in free)
                {
                    Span<double> column = jacobian.Slice(j * n, n);
                    TensorPrimitives.Multiply(column, sqrtW, column);
                    if (!double.IsFinite(TensorPrimitives.SumOfSquares<double>(column)))
                    {
                        return false;
                    }
                }

                return true;
            }

            Theta.CopyTo(TrialTheta);
            foreach (int j in free)
            {
                ParameterDefinition d = model.Parameters[j];
                double theta = Theta[j];
                double h = theta != 0 ? SqrtEpsilon * Math.Abs(theta) : SqrtEpsilon;
                if (theta + h > d.UpperBound)
                {
                    h = -h;
                }

                TrialTheta[j] = theta + h;
                h = TrialTheta[j] - theta; // the step actually representable
                Span<double> column = jacobian.Slice(j * n, n);
                model.Function(TrialTheta, column);
                TrialTheta[j] = theta;
                TensorPrimitives.Subtract(column, _values.AsSpan(0, n), column);
                TensorPrimitives.Multiply(column, sqrtW, column);
                TensorPrimitives.Divide(column, h, column);
                if (!double.IsFinite(TensorPrimitives.SumOfSquares<double>(column)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A = JᵀJ and g = Jᵀr over the free columns; updates Marquardt's scaling.</summary>
        private void FormNormalEquations()
        {
            Span<double> gradient = Gradient;
            Span<double> scaling = Scaling;
            Span<double> normal = Normal;
            ReadOnlySpan<double> r = _residuals.AsSpan(0, n);
            for (int a = 0; a < pf; a++)
            {
                ReadOnlySpan<double> ca = _jacobian.AsSpan(free[a] * n, n);
                gradient[a] = TensorPrimitives.Dot(ca, r);
                for (int b = 0; b <= a; b++)
                {
                    double value = TensorPrimitives.Dot(ca, _jacobian.AsSpan(free[b] * n, n));
                    normal[(a * pf) + b] = value;
                    normal[(b * pf) + a] = value;
                }

                scaling[a] = Math.Max(scaling[a], normal[(a * pf) + a]);
            }
        }

        /// <summary>
        /// Largest |gⱼ|/(‖Jⱼ‖·‖r‖), the cosine between the residual vector and a Jacobian column, over the parameters
        /// not held at a bound (the projected gradient), so an optimum on a bound is recognised as converged.
        /// </summary>
        private double ScaledGradient(double chiSquare)
        {
            Span<double> gradient = Gradient;
            Span<double> normal = Normal;
            double largest = 0;
            double residualNorm = Math.Sqrt(chiSquare);
            for (int a = 0; a < pf; a++)
            {
                double columnNorm = Math.Sqrt(normal[(a * pf) + a]);
                if (columnNorm > 0 && !_active[a])
                {
                    largest = Math.Max(largest, Math.Abs(gradient[a]) / (columnNorm * residualNorm));
                }
            }

            return largest;
        }

        /// <summary>Holds a parameter at its bound for this step when the descent direction points out of the box.</summary>
        private void MarkActiveBounds(System.Collections.Immutable.ImmutableArray<ParameterDefinition> definitions)
        {
            Span<double> theta = Theta;
            Span<double> gradient = Gradient;
            for (int a = 0; a < pf; a++)
            {
                int j = free[a];
                ParameterDefinition d = definitions[j];
                _active[a] = (theta[j] <= d.LowerBound && gradient[a] < 0) || (theta[j] >= d.UpperBound && gradient[a] > 0);
            }
        }

        /// <summary>Solves (A + λD)δ = g over the inactive free parameters; false when the system is not positive definite.</summary>
        private bool SolveStep(double damping)
        {
            Span<double> gradient = Gradient;
            Span<double> step = Step;
            Span<double> scaling = Scaling;
            Span<double> secant = Secant;
            Span<double> normal = Normal;
            Span<double> system = SystemMatrix;
            for (int a = 0; a < pf; a++)
            {
                for (int b = 0; b < pf; b++)
                {
                    bool pinned = _active[a] || _active[b];
                    system[(a * pf) + b] = pinned ? (a == b ? 1.0 : 0.0) : normal[(a * pf) + b] + (_useSecant ? secant[(a * pf) + b] : 0);
                }

                if (!_active[a])
                {
                    system[(a * pf) + a] += damping * Math.Max(scaling[a], double.Epsilon);
                }

                step[a] = _active[a] ? 0.0 : gradient[a];
            }

            if (!DenseAlgebra.Cholesky(system, pf))
            {
                return false;
            }

            DenseAlgebra.CholeskySolve(system, pf, step);
            return true;
        }

        /// <summary>Reduction of χ² the linearised model predicts for the step: δᵀ(2g − Aδ).</summary>
        private double PredictedReduction() => PredictedReduction(_useSecant);

        /// <summary>δᵀ(2g − Hδ) for H = JᵀWJ, plus the secant term S when <paramref name="withSecant"/>.</summary>
        private double PredictedReduction(bool withSecant)
        {
            Span<double> gradient = Gradient;
            Span<double> step = Step;
            Span<double> secant = Secant;
            Span<double> normal = Normal;
            double sum = 0;
            for (int a = 0; a < pf; a++)
            {
                double aDelta = 0;
                for (int b = 0; b < pf; b++)
                {
                    aDelta += (normal[(a * pf) + b] + (withSecant ? secant[(a * pf) + b] : 0)) * step[b];
                }

                sum += step[a] * ((2 * gradient[a]) - aDelta);
            }

            return sum;
        }

        /// <summary>
        /// Picks the model for the next step — Gauss–Newton, or Gauss–Newton plus the secant term S — as the one whose
        /// prediction of this step's reduction came nearer the actual one (NL2SOL's rule).
        /// </summary>
        private void ChooseModel(double actual) =>
            _useSecant = Math.Abs(PredictedReduction(true) - actual) < Math.Abs(PredictedReduction(false) - actual);

        /// <summary>Keeps Jᵀr at the accepted residuals with the old Jacobian, and the old gradient, for <see cref="UpdateSecant"/>.</summary>
        private void SaveForSecant()
        {
            Span<double> oldJacobianResiduals = OldJacobianResiduals;
            Span<double> previousGradient = PreviousGradient;
            Span<double> gradient = Gradient;
            ReadOnlySpan<double> r = _residuals.AsSpan(0, n);
            for (int a = 0; a < pf; a++)
            {
                oldJacobianResiduals[a] = TensorPrimitives.Dot(_jacobian.AsSpan(free[a] * n, n), r);
                previousGradient[a] = gradient[a];
            }
        }

        /// <summary>
        /// The Dennis–Gay–Welsch update of S ≈ −Σ rᵢ∇²fᵢ, the part of the Hessian of χ²/2 Gauss–Newton leaves out,
        /// after a step s with the new gradient in place: S is first sized by min(1, |sᵀy♯|/|sᵀSs|), then made to
        /// satisfy S·s = y♯ = (J − J₊)ᵀr₊ by the symmetric rank-two update nearest in the y-weighted norm, where
        /// y = g − g₊ is the change of the whole gradient. Skipped when sᵀy ≤ 0.
        /// </summary>
        private void UpdateSecant(ReadOnlySpan<double> step)
        {
            Span<double> oldJacobianResiduals = OldJacobianResiduals;
            Span<double> previousGradient = PreviousGradient;
            Span<double> gradient = Gradient;
            Span<double> secant = Secant;
            Span<double> y = NewtonWork;
            double sy = 0;
            double ssharp = 0;
            double sss = 0;
            for (int a = 0; a < pf; a++)
            {
                y[a] = previousGradient[a] - gradient[a];
                sy += step[a] * y[a];
                ssharp += step[a] * (oldJacobianResiduals[a] - gradient[a]);
                double row = 0;
                for (int b = 0; b < pf; b++)
                {
                    row += secant[(a * pf) + b] * step[b];
                }

                sss += step[a] * row;
            }

            if (!(sy > 0) || !double.IsFinite(sy))
            {
                return;
            }

            double size = sss != 0 ? Math.Min(1, Math.Abs(ssharp) / Math.Abs(sss)) : 1;
            Span<double> z = Direction;
            double sz = 0;
            for (int a = 0; a < pf; a++)
            {
                double row = 0;
                for (int b = 0; b < pf; b++)
                {
                    secant[(a * pf) + b] *= size;
                    row += secant[(a * pf) + b] * step[b];
                }

                z[a] = oldJacobianResiduals[a] - gradient[a] - row;
                sz += step[a] * z[a];
            }

            for (int a = 0; a < pf; a++)
            {
                for (int b = 0; b < pf; b++)
                {
                    secant[(a * pf) + b] += (((z[a] * y[b]) + (y[a] * z[b])) / sy) - (sz * y[a] * y[b] / (sy * sy));
                }
            }
        }

        /// <summary>Keeps the current point (θ, f, r) so that <see cref="RestorePrevious"/> can return to it.</summary>
        private void KeepPrevious()
        {
            Theta.CopyTo(_previousTheta);
            _values.AsSpan(0, n).CopyTo(_previousValues);
            _residuals.AsSpan(0, n).CopyTo(_previousResiduals);
        }

        /// <summary>Returns to the point <see cref="KeepPrevious"/> kept.</summary>
        private void RestorePrevious()
        {
            _previousTheta.AsSpan(0, p).CopyTo(Theta);
            _previousValues.AsSpan(0, n).CopyTo(_values);
            _previousResiduals.AsSpan(0, n).CopyTo(_residuals);
        }

        private void Swap()
        {
            (_trialValues.AsSpan(0, n)).CopyTo(_values);
            (_trialResiduals.AsSpan(0, n)).CopyTo(_residuals);
            TrialTheta.CopyTo(Theta);
        }

        /// <summary>(JᵀWJ)⁻¹ over the free parameters that are not at a bound, the dependent index when singular.</summary>
        private (List<int> Interior, double[] Inverse, int Dependent) InteriorInverse(BoundState[] bounds)
        {
            var interior = new List<int>(pf);
            var slots = new List<int>(pf);
            for (int a = 0; a < pf; a++)
            {
                if (bounds[free[a]] == BoundState.Interior)
                {
                    interior.Add(free[a]);
                    slots.Add(a);
                }
            }

            int k = interior.Count;
            Span<double> normal = SystemMatrix[..(k * k)]; // free once the iteration has ended
            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < k; b++)
                {
                    normal[(a * k) + b] = Normal[(slots[a] * pf) + slots[b]];
                }
            }

            var inverse = new double[k * k];
            int dependent = k == 0 ? -1 : DenseAlgebra.ScaledInverse(normal, k, inverse);
            return (interior, inverse, dependent);
        }

        /// <summary>Whether a parameter ended more than ten times farther from a bound than it started (a start at the bound never counts).</summary>
        private static bool MovedAway(double distance, double startDistance) => startDistance > 0 && distance > 10 * startDistance;

        /// <summary>
        /// The message naming every free interior parameter that ran away — moved more than 10⁴-fold from a non-zero
        /// start with an SE that is not finite or above 100 × its value — or null when none did.
        /// </summary>
        private string? Diverged(ImmutableArray<ParameterDefinition> definitions, BoundState[] bounds, List<int> interior, double[] inverse, double scale)
        {
            var names = new List<string>();
            foreach (int j in free)
            {
                if (bounds[j] != BoundState.Interior || Start[j] == 0 || !(Math.Abs(Theta[j]) > 1e4 * Math.Abs(Start[j])))
                {
                    continue;
                }

                int a = interior.IndexOf(j);
                double se = a < 0 || inverse.Length == 0 ? double.NaN : Math.Sqrt(scale * inverse[(a * interior.Count) + a]);
                if (!double.IsFinite(se) || se > 100 * Math.Abs(Theta[j]))
                {
                    string unit = definitions[j].Unit.Length == 0 ? string.Empty : " " + definitions[j].Unit;
                    names.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{definitions[j].Name}' ran away from {Start[j]:G4} to {Theta[j]:G4}{unit}"));
                }
            }

            return names.Count == 0
                ? null
                : $"{string.Join(", ", names)} with no usable standard error: the data do not determine {(names.Count == 1 ? "it" : "them")}, and the other values are not to be trusted either. "
                  + "The model probably has an element the data do not show: simplify it, hold the parameter fixed, or start it closer (and check the frequency range and the sign of Z″)";
        }

        private FitResult Finish(
            NonlinearModel model,
            ReadOnlySpan<double> observed,
            ReadOnlySpan<double> weights,
            NonlinearFitOptions options,
            bool[] isFixed,
            FitStatus status,
            string reason,
            int iterations)
        {
            var definitions = model.Parameters;
            var bounds = new BoundState[p];
            for (int a = 0; a < pf; a++)
            {
                int j = free[a];
                ParameterDefinition d = definitions[j];
                bounds[j] = Theta[j] <= d.LowerBound ? BoundState.AtLowerBound : Theta[j] >= d.UpperBound ? BoundState.AtUpperBound : BoundState.Interior;
            }

            var interior = new List<int>(pf);
            double[] inverse = [];
            if (status != FitStatus.NonFiniteModelValue)
            {
                // A parameter that crept to within a thousandth of its standard error of a bound is, for the data, at
                // that bound: mark it so and recompute the others' covariance without it (at most pf rounds).
                double chiSquare = TensorPrimitives.SumOfSquares<double>(_residuals.AsSpan(0, n));
                double scale = options.WeightsAreAbsolute ? 1.0 : chiSquare / (n - pf);
                bool marked = true;
                while (marked)
                {
                    marked = false;
                    (interior, inverse, int dependent) = InteriorInverse(bounds);
                    if (dependent >= 0)
                    {
                        inverse = [];
                        string singular = $"the Jacobian is singular at the solution: '{definitions[interior[dependent]].Name}' is (nearly) determined by the other parameters, so the data cannot fix it; hold it fixed or simplify the model";
                        (status, reason) = status == FitStatus.Converged
                            ? (FitStatus.SingularJacobian, singular)
                            : (status, reason + "; also, " + singular);
                        break;
                    }

                    for (int a = 0; a < interior.Count; a++)
                    {
                        // Near a bound means within a thousandth of a (finite) SE of it, and not more than ten times
                        // farther from it than the start was: a parameter that ran away from the bound with a huge SE
                        // is not "at" it (it is reported as diverged below).
                        int j = interior[a];
                        double nearness = NearBoundFraction * Math.Sqrt(scale * inverse[(a * interior.Count) + a]);
                        ParameterDefinition d = definitions[j];
                        bool nearLower = Theta[j] - d.LowerBound <= nearness && !MovedAway(Theta[j] - d.LowerBound, Start[j] - d.LowerBound);
                        bool nearUpper = d.UpperBound - Theta[j] <= nearness && !MovedAway(d.UpperBound - Theta[j], d.UpperBound - Start[j]);
                        if (double.IsFinite(nearness) && (nearLower || nearUpper))
                        {
                            bounds[j] = nearLower ? BoundState.AtLowerBound : BoundState.AtUpperBound;
                            marked = true;
                        }
                    }
                }

                string? diverged = Diverged(definitions, bounds, interior, inverse, scale);
                if (diverged is not null)
                {
                    (status, reason) = (FitStatus.ParameterDiverged, diverged);
                }
            }

            if (status == FitStatus.Converged && free.Any(j => bounds[j] != BoundState.Interior))
            {
                string names = string.Join(", ", free.Where(j => bounds[j] != BoundState.Interior).Select(j =>
                    $"'{definitions[j].Name}' at its {(bounds[j] == BoundState.AtLowerBound ? "lower" : "upper")} bound {Preconditions.Format(bounds[j] == BoundState.AtLowerBound ? definitions[j].LowerBound : definitions[j].UpperBound)}"));
                status = FitStatus.ParameterAtBound;
                reason = $"{reason}, but {names}: the best fit lies outside the allowed range, and the other parameters' uncertainties are conditional on holding it there";
            }

            var residuals = new double[n];
            TensorPrimitives.Subtract(observed, _values.AsSpan(0, n), residuals);
            return FitResultBuilder.Build(definitions, Theta, isFixed, bounds, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(interior), inverse, residuals, observed, weights, pf,
                (options.ConfidenceLevel, options.WeightsAreAbsolute), status, reason, iterations);
        }
    }
}
