using System.Collections.Immutable;
using System.Text.Json;
using Electrochem.Fitting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.Tests.Fitting;

public class NonlinearLeastSquaresTests
{
    private static readonly double[] Times = TestData.Linspace(0, 10, 41);

    /// <summary>y = a·exp(−t/τ) + c with an analytic Jacobian (or none, for finite differences).</summary>
    private static NonlinearModel Decay(double[] t, bool analytic = true, double tauLower = double.NegativeInfinity, double tauUpper = double.PositiveInfinity) => new(
        [new("Amplitude", "V"), new("TimeConstant", "s", tauLower, tauUpper), new("Offset", "V")],
        (theta, values) =>
        {
            for (int i = 0; i < t.Length; i++)
            {
                values[i] = (theta[0] * Math.Exp(-t[i] / theta[1])) + theta[2];
            }
        },
        analytic
            ? (theta, jacobian) =>
            {
                int n = t.Length;
                for (int i = 0; i < n; i++)
                {
                    double e = Math.Exp(-t[i] / theta[1]);
                    jacobian[i] = e;
                    jacobian[n + i] = theta[0] * e * t[i] / (theta[1] * theta[1]);
                    jacobian[(2 * n) + i] = 1;
                }
            }
            : null);

    private static double[] DecayData(double a, double tau, double c, double noise = 0, ulong seed = 1)
    {
        var random = new TestData(seed);
        return Times.Select(t => (a * Math.Exp(-t / tau)) + c + (noise * random.Normal())).ToArray();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Exact_data_are_recovered_to_1e_9(bool analytic)
    {
        double[] y = DecayData(2.5, 1.7, 0.3);
        FitResult fit = NonlinearLeastSquares.Fit(Decay(Times, analytic), y, [1.0, 1.0, 0.0]);

        Assert.True(fit.Converged, fit.StatusReason);
        Assert.Equal(2.5, fit["Amplitude"].Value, 9);
        Assert.Equal(1.7, fit["TimeConstant"].Value, 9);
        Assert.Equal(0.3, fit["Offset"].Value, 9);
        Assert.Equal("s", fit["TimeConstant"].Unit);
    }

    [Property(MaxTest = 60)]
    public Property Noisy_decays_are_recovered_within_five_standard_errors(int seed)
    {
        var random = new TestData((ulong)seed);
        double a = random.Uniform(0.5, 5);
        double tau = random.Uniform(0.5, 4);
        double c = random.Uniform(-1, 1);
        double[] y = DecayData(a, tau, c, 0.01, (ulong)seed + 7);
        FitResult fit = NonlinearLeastSquares.Fit(Decay(Times), y, [1.0, 1.0, 0.0]);
        bool within(string name, double truth) => Math.Abs(fit[name].Value - truth) <= 5 * fit[name].StandardError;
        return (fit.Converged && within("Amplitude", a) && within("TimeConstant", tau) && within("Offset", c))
            .Label($"status {fit.Status}: {fit.StatusReason}; a={a}, τ={tau}, c={c}");
    }

    // The fit may stop without evaluating a last step whose model predicts a gain below FunctionTolerance (1e-14
    // relative). Run to the rounding floor instead (tolerances of 1e-300) and χ² must not fall by more than a few
    // times that tolerance: the skipped evaluations were worth nothing.
    [Property(MaxTest = 60)]
    public Property Stopping_on_a_negligible_predicted_gain_leaves_nothing_on_the_table(int seed)
    {
        var random = new TestData((ulong)seed);
        double[] y = DecayData(random.Uniform(0.5, 5), random.Uniform(0.5, 4), random.Uniform(-1, 1), 0.01, (ulong)seed + 11);
        FitResult fit = NonlinearLeastSquares.Fit(Decay(Times), y, [1.0, 1.0, 0.0]);
        FitResult floor = NonlinearLeastSquares.Fit(Decay(Times), y, [1.0, 1.0, 0.0], default,
            NonlinearFitOptions.Default with { FunctionTolerance = 1e-300, ParameterTolerance = 1e-300, GradientTolerance = 1e-300 });
        double chiSquare = fit.Statistics.ChiSquare;
        return (fit.Converged && chiSquare - floor.Statistics.ChiSquare <= 5e-14 * chiSquare)
            .Label($"{fit.StatusReason}: χ² {chiSquare:R} ({fit.Iterations} evaluations), at the floor {floor.Statistics.ChiSquare:R} ({floor.Iterations}; {floor.StatusReason})");
    }

    // Iterations counts exactly the trial points the model was evaluated at after the start (scipy's nfev − 1),
    // whichever rule ends the fit: the step-length rule (a loose ParameterTolerance makes it fire), the predicted-gain
    // rule, a bound that clamps steps (an upper bound on τ below the truth) — a step that is not evaluated is not counted.
    [Property(MaxTest = 60)]
    public Property Iterations_are_the_model_evaluations_after_the_start(int seed)
    {
        var random = new TestData((ulong)seed);
        double tau = random.Uniform(0.5, 4);
        double[] y = DecayData(random.Uniform(0.5, 5), tau, random.Uniform(-1, 1), 0.01, (ulong)seed + 13);
        double tauUpper = random.Uniform(0, 1) < 0.3 ? 0.8 * tau : double.PositiveInfinity;
        NonlinearModel decay = Decay(Times, tauUpper: tauUpper);
        int calls = 0;
        NonlinearModel counted = decay with
        {
            Function = (theta, values) =>
            {
                calls++;
                decay.Function(theta, values);
            },
        };
        var options = NonlinearFitOptions.Default with { ParameterTolerance = random.Uniform(0, 1) < 0.5 ? 1e-4 : 1e-10 };

        FitResult fit = NonlinearLeastSquares.Fit(counted, y, [1.0, Math.Min(1.0, 0.5 * tauUpper), 0.0], default, options);

        return (fit.Iterations == calls - 1).Label($"{fit.StatusReason}: {fit.Iterations} iterations, {calls} evaluations");
    }

    // On a model that is linear in its parameters, Levenberg–Marquardt must land on the exact linear solution and
    // report the same covariance (same formula at the same point): tolerance 1e-7 relative, the solver's tolerance.
    [Property(MaxTest = 100)]
    public Property Linear_and_nonlinear_engines_agree_on_linear_problems(int seed)
    {
        var random = new TestData((ulong)seed);
        double[] x = TestData.Linspace(-2, 5, 12);
        double a = random.Uniform(-10, 10);
        double b = random.Uniform(-10, 10);
        double[] y = x.Select(v => a + (b * v) + (0.1 * random.Normal())).ToArray();
        double[] w = x.Select(_ => random.Uniform(0.5, 2)).ToArray();
        FitResult linear = LinearLeastSquares.FitLine(x, y, w);
        var model = new NonlinearModel([new("Intercept", ""), new("Slope", "")], (theta, values) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                values[i] = theta[0] + (theta[1] * x[i]);
            }
        });
        FitResult nonlinear = NonlinearLeastSquares.Fit(model, y, [0.0, 0.0], w);
        bool close(double p, double q) => Math.Abs(p - q) <= 1e-7 * Math.Max(1, Math.Abs(q));
        return (nonlinear.Converged
                && close(nonlinear["Intercept"].Value, linear["Intercept"].Value)
                && close(nonlinear["Slope"].Value, linear["Slope"].Value)
                && close(nonlinear["Slope"].StandardError, linear["Slope"].StandardError)
                && close(nonlinear.Covariance[0, 1], linear.Covariance[0, 1])
                && close(nonlinear.Statistics.ChiSquare, linear.Statistics.ChiSquare)).Label(nonlinear.StatusReason);
    }

    [Theory]
    [InlineData(8.0)]
    [InlineData(3.0)]
    [InlineData(-4.0)]
    public void A_large_residual_problem_reaches_the_true_minimum(double last)
    {
        // Dennis and Schnabel's example: y = e^{θt} at t = 1, 2, 3 with y = (2, 4, last). For last = 8 the residual is
        // zero (θ = ln 2); the smaller `last`, the larger the residual at the optimum and the worse Gauss–Newton's
        // curvature — it converges linearly, or not at all, there. The minimum is checked against a fine scan of χ².
        double[] t = [1, 2, 3];
        double[] y = [2, 4, last];
        var model = new NonlinearModel([new("theta", "")], (theta, values) =>
        {
            for (int i = 0; i < t.Length; i++)
            {
                values[i] = Math.Exp(theta[0] * t[i]);
            }
        });
        double ChiSquare(double theta) => Enumerable.Range(0, 3).Sum(i => Math.Pow(y[i] - Math.Exp(theta * t[i]), 2));
        double best = Enumerable.Range(0, 2_000_001).Select(k => -1 + (k * 2e-6)).MinBy(ChiSquare);

        FitResult fit = NonlinearLeastSquares.Fit(model, y, [1.0]);

        Assert.True(fit.Converged, fit.StatusReason);
        Assert.Equal(best, fit["theta"].Value, 2e-6);
        Assert.True(fit.Statistics.ChiSquare <= ChiSquare(best), $"χ² {fit.Statistics.ChiSquare} above the scan's {ChiSquare(best)}");
        Assert.InRange(fit.Iterations, 1, 40);
    }

    [Fact]
    public void A_step_to_a_point_whose_Jacobian_is_not_finite_is_refused_and_the_fit_goes_on()
    {
        // y = a²·x with a = 1, started at a = 5: the first Gauss–Newton step lands at a = 2.6, where this model's
        // Jacobian is not finite (|a − 2.6| < 0.05, as a derivative that diverges at a point inside the domain). The step
        // lowers χ², but no step can be taken from there: it is refused like a step into non-finite values, and from the
        // smaller steps that follow the fit steps over that point to a = 1. (Before, the fit ended at a = 2.6: "the
        // Jacobian became non-finite during the fit".)
        double[] x = [1, 2, 3, 4];
        double[] y = [.. x];
        int badJacobians = 0;
        var model = new NonlinearModel(
            [new("a", "")],
            (theta, values) =>
            {
                for (int i = 0; i < x.Length; i++)
                {
                    values[i] = theta[0] * theta[0] * x[i];
                }
            },
            (theta, jacobian) =>
            {
                bool bad = Math.Abs(theta[0] - 2.6) < 0.05;
                badJacobians += bad ? 1 : 0;
                for (int i = 0; i < x.Length; i++)
                {
                    jacobian[i] = bad ? double.PositiveInfinity : 2 * theta[0] * x[i];
                }
            });

        FitResult fit = NonlinearLeastSquares.Fit(model, y, [5.0], options: NonlinearFitOptions.Default with { InitialDamping = 1e-6 });

        Assert.True(badJacobians > 0, "the fit never stepped into the band; the test does not test the refusal");
        Assert.True(fit.Converged, fit.StatusReason);
        Assert.Equal(1, fit["a"].Value, 1e-9);
    }

    [Fact]
    public void Fixed_parameters_keep_their_value_and_free_a_degree_of_freedom()
    {
        double[] y = DecayData(2.5, 1.7, 0.3, 0.01);
        var options = NonlinearFitOptions.Default with { FixedParameters = ["Offset"] };
        FitResult fit = NonlinearLeastSquares.Fit(Decay(Times), y, [1.0, 1.0, 0.3], options: options);

        Assert.True(fit.Converged, fit.StatusReason);
        Assert.True(fit["Offset"].IsFixed);
        Assert.Equal(0.3, fit["Offset"].Value);
        Assert.Equal(0, fit["Offset"].StandardError);
        Assert.Equal(0, fit.Covariance["Offset", "Amplitude"]);
        Assert.Equal(2, fit.Statistics.FreeParameterCount);
        Assert.Equal(Times.Length - 2, fit.Statistics.DegreesOfFreedom);
    }

    [Fact]
    public void Unknown_fixed_parameter_name_is_an_argument_error_listing_the_names()
    {
        var options = NonlinearFitOptions.Default with { FixedParameters = ["Tau"] };
        var error = Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(Decay(Times), DecayData(1, 1, 0), [1.0, 1.0, 0.0], options: options));
        Assert.Contains("'Tau'", error.Message, StringComparison.Ordinal);
        Assert.Contains("TimeConstant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optimum_outside_the_bounds_is_reported_at_the_bound()
    {
        double[] y = DecayData(2.5, 1.7, 0.3);
        FitResult fit = NonlinearLeastSquares.Fit(Decay(Times, tauUpper: 1.2), y, [1.0, 1.0, 0.0]);

        Assert.Equal(FitStatus.ParameterAtBound, fit.Status);
        Assert.False(fit.Converged);
        Assert.Equal(1.2, fit["TimeConstant"].Value);
        Assert.Equal(BoundState.AtUpperBound, fit["TimeConstant"].Bound);
        Assert.True(double.IsNaN(fit["TimeConstant"].StandardError));
        Assert.Contains("TimeConstant", fit.StatusReason, StringComparison.Ordinal);
        Assert.True(fit["Amplitude"].StandardError > 0);
    }

    [Fact]
    public void A_parameter_the_data_cannot_determine_gives_a_singular_status()
    {
        // y = (a + b)·x: only the sum is determined.
        double[] x = TestData.Linspace(1, 5, 9);
        double[] y = x.Select(v => (3 * v) + (0.01 * Math.Sin(7 * v))).ToArray();
        var model = new NonlinearModel([new("a", ""), new("b", "")], (theta, values) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                values[i] = (theta[0] + theta[1]) * x[i];
            }
        });
        FitResult fit = NonlinearLeastSquares.Fit(model, y, [1.0, 1.0]);

        Assert.Equal(FitStatus.SingularJacobian, fit.Status);
        Assert.True(double.IsNaN(fit["b"].StandardError));
        Assert.Contains("singular", fit.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_that_is_not_finite_at_the_start_reports_it()
    {
        double[] x = TestData.Linspace(1, 5, 9);
        var model = new NonlinearModel([new("a", "")], (theta, values) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                values[i] = Math.Log(theta[0]) * x[i];
            }
        });
        FitResult fit = NonlinearLeastSquares.Fit(model, x, [-1.0]);

        Assert.Equal(FitStatus.NonFiniteModelValue, fit.Status);
        Assert.Contains("starting point", fit.StatusReason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_within_the_close_start_residual_begins_with_the_close_start_damping()
    {
        // y = a·x fitted to y = x from a = 1.1: every point is 10 % off, so ρ₀ = √(χ²₀ / Σwy²) = 0.1 under any weights.
        double[] x = TestData.Linspace(1, 10, 10);
        var line = new NonlinearModel([new("a", "")], (theta, values) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                values[i] = theta[0] * x[i];
            }
        });
        double[] weights = [.. x.Select(v => 1 / (v * v))];
        var cautious = NonlinearFitOptions.Default with { InitialDamping = 10, CloseStartDamping = 1e-3 };
        FitResult Fit(NonlinearFitOptions options) => NonlinearLeastSquares.Fit(line, x, [1.1], weights, options);

        FitResult justClose = Fit(cautious with { CloseStartResidual = 0.1 * (1 + 1e-9) });
        FitResult justFar = Fit(cautious with { CloseStartResidual = 0.1 * (1 - 1e-9) });
        FitResult bold = Fit(cautious with { InitialDamping = 1e-3 });
        FitResult damped = Fit(cautious);

        Assert.NotEqual(bold.Iterations, damped.Iterations);
        Assert.Equal(bold.Iterations, justClose.Iterations);
        Assert.Equal(bold.Parameters[0].Value, justClose.Parameters[0].Value);
        Assert.Equal(damped.Iterations, justFar.Iterations);
        Assert.Equal(damped.Parameters[0].Value, justFar.Parameters[0].Value);
        // Both reach a = 1 to within the step tolerance (10⁻¹⁰ relative: the last step, not taken, is below it).
        Assert.All([justClose, justFar], f => Assert.True(Math.Abs(f.Parameters[0].Value - 1) < 1e-9, $"{f.Parameters[0].Value:R} after {f.Iterations}: {f.StatusReason}"));
    }

    [Property(MaxTest = 60)]
    public Property A_fit_with_a_close_start_residual_is_the_fit_with_whichever_damping_its_start_earns(int seed)
    {
        // Random decay, weights and start; ρ₀ = √(Σw(y − f(θ₀))² / Σwy²) written out here. With CloseStartResidual r
        // the fit must be exactly the fit begun with CloseStartDamping when ρ₀ ≤ r, and with InitialDamping otherwise.
        var random = new TestData((ulong)seed);
        double[] y = DecayData(random.Uniform(0.5, 5), random.Uniform(0.5, 4), random.Uniform(-1, 1), 0.01, (ulong)seed + 17);
        double[] weights = [.. y.Select(_ => random.Uniform(0.2, 5))];
        double[] start = [random.Uniform(0.5, 5), random.Uniform(0.5, 4), random.Uniform(-1, 1)];
        NonlinearModel model = Decay(Times);
        var values = new double[y.Length];
        model.Function(start, values);
        double misfit = 0, size = 0;
        for (int i = 0; i < y.Length; i++)
        {
            misfit += weights[i] * (y[i] - values[i]) * (y[i] - values[i]);
            size += weights[i] * y[i] * y[i];
        }

        double rho = Math.Sqrt(misfit / size);
        double threshold = random.Uniform(0, 2) * rho; // about half the fits close, half not
        var options = NonlinearFitOptions.Default with { InitialDamping = 0.1, CloseStartDamping = 1e-4, CloseStartResidual = threshold };
        FitResult gated = NonlinearLeastSquares.Fit(model, y, start, weights, options);
        FitResult expected = NonlinearLeastSquares.Fit(model, y, start, weights, options with { CloseStartResidual = 0, InitialDamping = rho <= threshold ? 1e-4 : 0.1 });
        return (gated.Iterations == expected.Iterations && gated.Parameters.Select(e => e.Value).SequenceEqual(expected.Parameters.Select(e => e.Value)))
            .Label($"ρ₀ {rho:G6}, threshold {threshold:G6}: {gated.Iterations} vs {expected.Iterations} evaluations");
    }

    [Theory]
    [InlineData(-0.01, 1e-3)]
    [InlineData(double.NaN, 1e-3)]
    [InlineData(double.PositiveInfinity, 1e-3)]
    [InlineData(0.02, 0.0)]
    [InlineData(0.02, double.NaN)]
    public void A_close_start_setting_out_of_range_is_refused_with_its_name(double residual, double damping)
    {
        double[] y = DecayData(2.5, 1.7, 0.3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NonlinearLeastSquares.Fit(Decay(Times), y, [2.0, 1.0, 0.0], options: NonlinearFitOptions.Default with { CloseStartResidual = residual, CloseStartDamping = damping }));
        Assert.StartsWith("CloseStart", e.ParamName, StringComparison.Ordinal);
    }

    [Fact]
    public void The_iteration_limit_is_reported()
    {
        double[] y = DecayData(2.5, 1.7, 0.3, 0.01);
        FitResult fit = NonlinearLeastSquares.Fit(Decay(Times), y, [10.0, 8.0, -3.0], options: NonlinearFitOptions.Default with { MaxIterations = 1 });
        Assert.Equal(FitStatus.IterationLimitReached, fit.Status);
        Assert.Equal(1, fit.Iterations);
    }

    [Fact]
    public void Cancellation_is_honoured()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.Throws<OperationCanceledException>(() => NonlinearLeastSquares.Fit(Decay(Times), DecayData(1, 1, 0), [1.0, 1.0, 0.0], cancellationToken: source.Token));
    }

    [Fact]
    public void Complex_residuals_are_split_into_real_and_imaginary_parts()
    {
        // Parallel RC: Z = R/(1 + jωRC).
        double[] omega = TestData.Linspace(0, 6, 31).Select(e => Math.Pow(10, e)).ToArray();
        const double r = 120, c = 2e-5;
        double[] re = omega.Select(w => r / (1 + Math.Pow(w * r * c, 2))).ToArray();
        double[] im = omega.Select(w => -w * r * r * c / (1 + Math.Pow(w * r * c, 2))).ToArray();
        var model = new NonlinearModel([new("R", "Ω", 0), new("C", "F", 0)], (theta, values) =>
        {
            int n = omega.Length;
            for (int i = 0; i < n; i++)
            {
                double x = omega[i] * theta[0] * theta[1];
                values[i] = theta[0] / (1 + (x * x));
                values[n + i] = -x * theta[0] / (1 + (x * x));
            }
        });
        FitResult fit = NonlinearLeastSquares.FitComplex(model, re, im, [100.0, 1e-5]);

        Assert.True(fit.Converged, fit.StatusReason);
        Assert.Equal(1, fit["R"].Value / r, 9);
        Assert.Equal(1, fit["C"].Value / c, 9);
        Assert.Equal(2 * omega.Length, fit.Statistics.ObservationCount);
        Assert.Equal(2 * omega.Length, fit.Residuals.Length);
    }

    [Fact]
    public void The_result_prints_as_a_table_and_serialises_to_json()
    {
        FitResult fit = NonlinearLeastSquares.Fit(Decay(Times), DecayData(2.5, 1.7, 0.3, 0.01), [1.0, 1.0, 0.0]);
        string table = fit.ToTable();
        Assert.Contains("TimeConstant", table, StringComparison.Ordinal);
        Assert.Contains("95% CI", table, StringComparison.Ordinal);
        Assert.Contains("Converged", table, StringComparison.Ordinal);

        using JsonDocument json = JsonDocument.Parse(fit.ToJson());
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("converged").GetBoolean());
        Assert.Equal(3, root.GetProperty("parameters").GetArrayLength());
        Assert.Equal(fit["TimeConstant"].Value, root.GetProperty("parameters")[1].GetProperty("value").GetDouble());
        Assert.Equal(Times.Length, root.GetProperty("residuals").GetArrayLength());
        Assert.Equal(1.0, root.GetProperty("correlation")[2][2].GetDouble());
        Assert.False(JsonDocument.Parse(fit.ToJson(includeResiduals: false)).RootElement.TryGetProperty("residuals", out _));
    }

    [Fact]
    public void Non_finite_statistics_are_written_as_null_in_json()
    {
        // Two points, two parameters: no degrees of freedom is refused, so use a singular fit to get NaN standard errors.
        double[] x = TestData.Linspace(1, 5, 9);
        var model = new NonlinearModel([new("a", ""), new("b", "")], (theta, values) =>
        {
            for (int i = 0; i < x.Length; i++)
            {
                values[i] = (theta[0] + theta[1]) * x[i];
            }
        });
        FitResult fit = NonlinearLeastSquares.Fit(model, x.Select(v => 2 * v + 0.01 * Math.Cos(v)).ToArray(), [1.0, 1.0]);
        using JsonDocument json = JsonDocument.Parse(fit.ToJson());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("parameters")[1].GetProperty("standardError").ValueKind);
    }

    [Fact]
    public void Bad_input_is_rejected_with_the_argument_named()
    {
        NonlinearModel model = Decay(Times);
        double[] y = DecayData(1, 1, 0);
        Assert.Equal("initialGuess", Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(model, y, [1.0, 1.0])).ParamName);
        Assert.Equal("observed", Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(model, [1.0, 2, 3], [1.0, 1.0, 0.0])).ParamName);
        Assert.Equal("observed", Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(model, [.. y[..^1], double.NaN], [1.0, 1.0, 0.0])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(model, y, [1.0, 1.0, 0.0], new double[y.Length])).ParamName);
        Assert.Contains("within", Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(Decay(Times, tauLower: 2), y, [1.0, 1.0, 0.0])).Message, StringComparison.Ordinal);
        var duplicate = new NonlinearModel([new("a", ""), new("a", "")], (_, _) => { });
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(duplicate, y, [1.0, 1.0])).Message, StringComparison.Ordinal);
        var reversed = new NonlinearModel([new("a", "", 2, 1)], (_, _) => { });
        Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.Fit(reversed, y, [1.5]));
        Assert.Throws<ArgumentOutOfRangeException>(() => NonlinearLeastSquares.Fit(model, y, [1.0, 1.0, 0.0], options: NonlinearFitOptions.Default with { MaxIterations = 0 }));
        Assert.Throws<ArgumentException>(() => NonlinearLeastSquares.FitComplex(model, [1.0, 2], [1.0], [1.0, 1.0, 0.0]));
    }
}
