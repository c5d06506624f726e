using System.Collections.Immutable;
using System.Globalization;
using Electrochem.Constants;
using Electrochem.Cycling;

namespace Electrochem.Diffusion;

/// <summary>
/// Simulates a titration of an <see cref="InsertionElectrode"/> under a program of constant-current steps (pulses,
/// rests, interruptions): Fick's second law ∂x/∂t = ∇·(D(x)∇x) in a film or a sphere, zero flux at the back face or
/// the centre, D·∂x/∂n = j/c_max at the surface with j = ±I/(z·F·S), solved by finite volumes on a grid refined toward
/// the surface and Crank–Nicolson in time (with Rannacher's backward-Euler start after every change of current; D(x) at
/// each face taken from the concentrations extrapolated to the half step, and re-evaluated only where x has moved by
/// more than 10⁻⁵), one tridiagonal solve per step (factored once per step length when D is constant). Second
/// order in space and time; the error shrinks four-fold when both the cells and the steps double.
/// </summary>
public static class TitrationSimulator
{
    /// <summary>The most rows a simulation may record; a program that would record more is refused (raise the sample interval).</summary>
    public const long MaximumSamples = 50_000_000;

    /// <summary>Runs a current program and records what a cycler would have seen.</summary>
    /// <param name="electrode">The electrode.</param>
    /// <param name="program">The current steps, in order.</param>
    /// <param name="options">Discretisation, sampling and voltage limits (null: <see cref="DiffusionSolverOptions.Default"/>).</param>
    /// <param name="cancellationToken">Stops a long simulation.</param>
    /// <returns>The simulated recording with the surface and mean stoichiometry.</returns>
    /// <exception cref="ArgumentException">
    /// A parameter is out of range, the program is empty or has a step that is not finite and positive in length, it
    /// would record more than <see cref="MaximumSamples"/> rows, or the surface stoichiometry leaves the open-circuit
    /// curve's range (the electrode is full or empty: shorten the program or set voltage limits).
    /// </exception>
    public static TitrationSimulation Simulate(InsertionElectrode electrode, ReadOnlySpan<CurrentStep> program, DiffusionSolverOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(electrode);
        electrode.Validate();
        options ??= DiffusionSolverOptions.Default;
        options.Validate();
        long capacity = CheckProgram(program, options);

        var grid = new Grid(electrode, options);
        var time = new double[capacity];
        var current = new double[capacity];
        var voltage = new double[capacity];
        var stepIndex = new double[capacity];
        var stepTime = new double[capacity];
        var surface = new double[capacity];
        var mean = new double[capacity];
        var warnings = ImmutableArray.CreateBuilder<string>();
        double fluxPerAmpere = (electrode.Charging == ChargingDirection.Insertion ? 1 : -1)
            / (electrode.ChargeNumber * PhysicalConstants.FaradayConstant * electrode.SurfaceAreaSquareMetres * electrode.MaximumConcentration);

        int rows = 0;
        void Record(double t, double amperes, int step, double sinceStart)
        {
            double xs = grid.SurfaceStoichiometry(amperes * fluxPerAmpere);
            time[rows] = t;
            current[rows] = amperes;
            voltage[rows] = Voltage(electrode, xs, amperes, t, step);
            stepIndex[rows] = step;
            stepTime[rows] = sinceStart;
            surface[rows] = xs;
            mean[rows] = grid.MeanStoichiometry();
            rows++;
        }

        Record(0, 0, 0, 0);
        double stepStart = 0;
        for (int k = 0; k < program.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CurrentStep step = program[k];
            double flux = step.Amperes * fluxPerAmpere;
            int count = (int)Math.Ceiling((step.Seconds / options.MaximumTimeStepSeconds) - 1e-9);
            double dt = step.Seconds / count;
            double lastSample = stepStart;
            for (int s = 0; s < count; s++)
            {
                if (s < options.StartupSteps)
                {
                    grid.Advance(dt / 2, flux, implicitWeight: 1);
                    grid.Advance(dt / 2, flux, implicitWeight: 1);
                }
                else
                {
                    grid.Advance(dt, flux, implicitWeight: 0.5);
                }

                double t = stepStart + ((s + 1) * dt);
                bool last = s + 1 == count;
                double xs = grid.SurfaceStoichiometry(flux);
                CheckSurface(electrode, xs, step.Amperes, t, k + 1);
                bool limited = false;
                if ((step.Amperes > 0 && options.UpperVoltageLimit is not null) || (step.Amperes < 0 && options.LowerVoltageLimit is not null))
                {
                    double v = Voltage(electrode, xs, step.Amperes, t, k + 1);
                    limited = (step.Amperes > 0 && v >= options.UpperVoltageLimit) || (step.Amperes < 0 && v <= options.LowerVoltageLimit);
                }

                if (last || limited || options.SampleIntervalSeconds is not { } interval || t - lastSample >= interval * (1 - 1e-9))
                {
                    Record(t, step.Amperes, k + 1, t - stepStart);
                    lastSample = t;
                }

                if (limited && !last)
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture, $"step {k + 1} ({step.Amperes:G4} A) reached the {(step.Amperes > 0 ? "upper" : "lower")} voltage limit after {t - stepStart:G6} s of {step.Seconds:G6} s and ended there"));
                    stepStart = t;
                    break;
                }

                if (last)
                {
                    stepStart += step.Seconds;
                }
            }
        }

        var recording = CyclerRecording.Create(
            "simulated titration",
            "Electrochem titration simulator",
            RecordingMetadata.Empty with { Technique = "simulated titration" },
            [
                Column("Test time", RecordingQuantity.TestTime, time, rows),
                Column("Current", RecordingQuantity.Current, current, rows),
                Column("Voltage", RecordingQuantity.Voltage, voltage, rows),
                Column("Step index", RecordingQuantity.StepIndex, stepIndex, rows),
                Column("Step time", RecordingQuantity.StepTime, stepTime, rows),
            ],
            warnings: warnings);
        return new TitrationSimulation(recording, surface.AsMemory(0, rows), mean.AsMemory(0, rows), warnings.ToImmutable(), electrode, options);
    }

    private static RecordingColumn Column(string name, RecordingQuantity quantity, double[] values, int rows) =>
        new(name, quantity, RecordingQuantities.Unit(quantity), values.AsMemory(0, rows), new ColumnOrigin(name, RecordingQuantities.Unit(quantity), Note: "simulated"));

    private static double Voltage(InsertionElectrode electrode, double surfaceStoichiometry, double amperes, double t, int step)
    {
        CheckSurface(electrode, surfaceStoichiometry, amperes, t, step);
        return electrode.OpenCircuitVoltage.At(surfaceStoichiometry) + (amperes * electrode.SeriesResistanceOhms);
    }

    private static void CheckSurface(InsertionElectrode electrode, double surfaceStoichiometry, double amperes, double t, int step)
    {
        if (!electrode.OpenCircuitVoltage.Contains(surfaceStoichiometry))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"At t = {t:G6} s (step {step}, {amperes:G4} A) the surface stoichiometry reached {surfaceStoichiometry:G6}, outside the open-circuit curve's range [{electrode.OpenCircuitVoltage.MinimumStoichiometry:G6}, {electrode.OpenCircuitVoltage.MaximumStoichiometry:G6}]: the electrode is full or empty at its surface. Shorten the program, lower the current, or set voltage limits."));
        }
    }

    /// <summary>Checks the program and returns an upper bound on the rows it records.</summary>
    private static long CheckProgram(ReadOnlySpan<CurrentStep> program, DiffusionSolverOptions options)
    {
        if (program.IsEmpty)
        {
            throw new ArgumentException("The current program is empty; give at least one step (a pulse, a rest).", nameof(program));
        }

        long rows = 1;
        for (int k = 0; k < program.Length; k++)
        {
            CurrentStep step = program[k];
            if (!(step.Seconds > 0) || !double.IsFinite(step.Seconds) || !double.IsFinite(step.Amperes))
            {
                throw new ArgumentException($"Program step {k + 1} lasts {Preconditions.Format(step.Seconds)} s at {Preconditions.Format(step.Amperes)} A; a step needs a finite, positive duration and a finite current.", nameof(program));
            }

            double steps = Math.Ceiling((step.Seconds / options.MaximumTimeStepSeconds) - 1e-9);
            double samples = options.SampleIntervalSeconds is { } interval ? Math.Min(steps, Math.Ceiling(step.Seconds / interval) + 1) : steps;
            rows += (long)Math.Min(samples, MaximumSamples + 1);
            if (rows > MaximumSamples || steps > int.MaxValue)
            {
                throw new ArgumentException($"The program would record more than {MaximumSamples:N0} rows (or take more than {int.MaxValue:N0} time steps in one step); raise the sample interval or the time step.", nameof(program));
            }
        }

        return rows;
    }

    /// <summary>The finite-volume grid and its state: cells from the centre (0) to the surface (N − 1).</summary>
    private sealed class Grid
    {
        private readonly InsertionElectrode electrode;
        private readonly double[] volume;
        private readonly double[] conductance; // face area / centre spacing, faces 1..N−1 (index 0 unused: the centre or back face carries no flux)
        private readonly double[] faceD;
        private readonly double[] faceX; // the x each face's D was last evaluated at (NaN: never)
        private readonly double[] x;
        private readonly double[] previous;
        private readonly double[] rhs;
        private readonly List<Factors> cache = [];
        private readonly Factors scratchFactors;
        private readonly double surfaceArea;
        private readonly double surfaceGap;
        private readonly double totalVolume;
        private bool hasPrevious;

        internal Grid(InsertionElectrode electrode, DiffusionSolverOptions options)
        {
            this.electrode = electrode;
            int n = options.Cells;
            double length = electrode.LengthMetres;
            bool sphere = electrode.Geometry == DiffusionGeometry.Spherical;

            // Cell widths grow geometrically from the surface inward, by the refinement ratio overall.
            var faces = new double[n + 1];
            double q = Math.Pow(options.SurfaceRefinement, 1.0 / (n - 1));
            double smallest = q == 1 ? length / n : length * (q - 1) / (Math.Pow(q, n) - 1);
            for (int i = 0; i < n; i++)
            {
                faces[i + 1] = faces[i] + (smallest * Math.Pow(q, n - 1 - i));
            }

            faces[n] = length;
            volume = new double[n];
            var centre = new double[n];
            for (int i = 0; i < n; i++)
            {
                centre[i] = (faces[i] + faces[i + 1]) / 2;
                volume[i] = sphere ? (Cube(faces[i + 1]) - Cube(faces[i])) / 3 : faces[i + 1] - faces[i];
            }

            conductance = new double[n];
            for (int i = 1; i < n; i++)
            {
                conductance[i] = (sphere ? faces[i] * faces[i] : 1) / (centre[i] - centre[i - 1]);
            }

            surfaceArea = sphere ? length * length : 1;
            surfaceGap = length - centre[n - 1];
            totalVolume = volume.Sum();
            faceD = new double[n];
            faceX = new double[n];
            Array.Fill(faceX, double.NaN);
            x = new double[n];
            previous = new double[n];
            Array.Fill(x, electrode.InitialStoichiometry);
            rhs = new double[n];
            scratchFactors = new Factors(n);
            if (electrode.Diffusivity.IsConstant)
            {
                Array.Fill(faceD, electrode.Diffusivity.ConstantValue);
            }
        }

        /// <summary>x at the surface, extrapolated from the surface cell with the gradient the flux imposes: x_s = x_{N−1} + (j/c_max)·δ/D.</summary>
        internal double SurfaceStoichiometry(double flux) =>
            x[^1] + (flux * surfaceGap / electrode.Diffusivity.At(Math.Clamp(x[^1], 0, 1)));

        internal double MeanStoichiometry()
        {
            double sum = 0;
            for (int i = 0; i < x.Length; i++)
            {
                sum += volume[i] * x[i];
            }

            return sum / totalVolume;
        }

        /// <summary>
        /// One θ-step: θ = 1 backward Euler, θ = ½ Crank–Nicolson; the flux (x units·m/s) is constant over the step.
        /// The tridiagonal matrix (V + θ·dt·K) is factored once per (dt, θ) when D is constant and reused; with D(x)
        /// it is rebuilt and factored every step. No allocation once the factors exist.
        /// </summary>
        internal void Advance(double dt, double flux, double implicitWeight)
        {
            int n = x.Length;
            Factors factors;
            if (electrode.Diffusivity.IsConstant)
            {
                factors = Cached(dt, implicitWeight);
            }
            else
            {
                // D at the half step from x extrapolated linearly in time (x itself after a start-up step),
                // re-evaluated at a face only when x there has moved by more than 1e-5 since (rests cost little).
                bool extrapolate = hasPrevious && implicitWeight < 1;
                int firstChanged = n;
                for (int i = 1; i < n; i++)
                {
                    double a = extrapolate ? (1.5 * x[i - 1]) - (0.5 * previous[i - 1]) : x[i - 1];
                    double b = extrapolate ? (1.5 * x[i]) - (0.5 * previous[i]) : x[i];
                    double at = Math.Clamp((a + b) / 2, 0, 1);
                    if (!(Math.Abs(at - faceX[i]) <= 1e-5))
                    {
                        faceD[i] = electrode.Diffusivity.At(at);
                        faceX[i] = at;
                        firstChanged = Math.Min(firstChanged, i);
                    }
                }

                // Only the factors from the first changed face on need rebuilding (the changes sit near the surface).
                factors = scratchFactors;
                bool sameStep = factors.TimeStep == dt && factors.ImplicitWeight == implicitWeight;
                factors.Build(volume, conductance, faceD, dt, implicitWeight, sameStep ? firstChanged : 1);
            }

            // The explicit half: rhs = V·x + (1 − θ)·dt·K·x, faces' couplings c_i = dt·D_i·g_i.
            double[] c = factors.Coupling;
            double explicitWeight = 1 - implicitWeight;
            rhs[0] = (volume[0] * x[0]) + (explicitWeight * c[1] * (x[1] - x[0]));
            for (int i = 1; i < n - 1; i++)
            {
                rhs[i] = (volume[i] * x[i]) + (explicitWeight * ((c[i] * (x[i - 1] - x[i])) + (c[i + 1] * (x[i + 1] - x[i]))));
            }

            rhs[n - 1] = (volume[n - 1] * x[n - 1]) + (explicitWeight * c[n - 1] * (x[n - 2] - x[n - 1])) + (dt * surfaceArea * flux);
            Array.Copy(x, previous, n);
            hasPrevious = true;
            factors.Solve(rhs, x);
        }

        private Factors Cached(double dt, double implicitWeight)
        {
            foreach (Factors f in cache)
            {
                if (f.TimeStep == dt && f.ImplicitWeight == implicitWeight)
                {
                    return f;
                }
            }

            var made = new Factors(x.Length);
            made.Build(volume, conductance, faceD, dt, implicitWeight);
            if (cache.Count == 4)
            {
                cache.RemoveAt(0);
            }

            cache.Add(made);
            return made;
        }

        /// <summary>The Thomas factors of V + θ·dt·K: the multipliers, the reciprocal pivots, the upper band, and the couplings.</summary>
        private sealed class Factors(int n)
        {
            internal double TimeStep { get; private set; } = double.NaN;

            internal double ImplicitWeight { get; private set; } = double.NaN;

            /// <summary>c_i = dt·D_i·g_i for faces 1..N−1 (index 0 unused).</summary>
            internal double[] Coupling { get; } = new double[n];

            private readonly double[] multiplier = new double[n];
            private readonly double[] inversePivot = new double[n];
            private readonly double[] upper = new double[n];

            /// <summary>(Re)builds the factors for faces from <paramref name="fromFace"/> on (1: all); nothing when it is N.</summary>
            internal void Build(double[] volume, double[] conductance, double[] faceD, double dt, double implicitWeight, int fromFace = 1)
            {
                int n = volume.Length;
                if (fromFace >= n)
                {
                    return;
                }

                TimeStep = dt;
                ImplicitWeight = implicitWeight;
                Span<double> c = Coupling;
                for (int i = fromFace; i < n; i++)
                {
                    c[i] = dt * faceD[i] * conductance[i];
                }

                // Diagonal V_i + θ(c_i + c_{i+1}), off-diagonals −θ·c; the matrix is diagonally dominant, so no pivoting.
                // A face's change alters the rows on both sides of it: restart from the row before.
                int from = fromFace - 1;
                if (from == 0)
                {
                    inversePivot[0] = 1 / (volume[0] + (implicitWeight * c[1]));
                    from = 1;
                }

                for (int i = from; i < n; i++)
                {
                    double lower = -implicitWeight * c[i];
                    upper[i - 1] = lower;
                    double m = lower * inversePivot[i - 1];
                    multiplier[i] = m;
                    double diagonal = volume[i] + (implicitWeight * (c[i] + (i < n - 1 ? c[i + 1] : 0)));
                    inversePivot[i] = 1 / (diagonal - (m * lower));
                }
            }

            /// <summary>Forward elimination and back substitution, in place in <paramref name="rhs"/>, into <paramref name="result"/>.</summary>
            internal void Solve(double[] rhs, double[] result)
            {
                int n = rhs.Length;
                Span<double> r = rhs.AsSpan(0, n), x = result.AsSpan(0, n);
                ReadOnlySpan<double> m = multiplier.AsSpan(0, n), p = inversePivot.AsSpan(0, n), u = upper.AsSpan(0, n);
                // The recurrences carry their last value in a register rather than re-reading it from memory.
                double carried = r[0];
                for (int i = 1; i < r.Length; i++)
                {
                    carried = r[i] - (m[i] * carried);
                    r[i] = carried;
                }

                carried = r[n - 1] * p[n - 1];
                x[n - 1] = carried;
                for (int i = n - 2; i >= 0; i--)
                {
                    carried = (r[i] - (u[i] * carried)) * p[i];
                    x[i] = carried;
                }
            }
        }

        private static double Cube(double v) => v * v * v;
    }
}
