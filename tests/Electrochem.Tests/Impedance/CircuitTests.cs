using System.Numerics;
using Electrochem.Fitting;
using Electrochem.Impedance;
using FsCheck.Xunit;

namespace Electrochem.Tests.Impedance;

public class CircuitTests
{
    private static readonly Complex J = Complex.ImaginaryOne;

    [Fact]
    public void Circuit_strings_parse_print_and_name_parameters_like_impedance_py()
    {
        Circuit circuit = Circuit.Parse("R0-p(R1,CPE1)-p(R2-Wo1,C2)");
        Assert.Equal("R0-p(R1,CPE1)-p(R2-Wo1,C2)", circuit.ToString());
        Assert.Equal(["R0", "R1", "CPE1_0", "CPE1_1", "R2", "Wo1_0", "Wo1_1", "C2"], circuit.Parameters.Select(p => p.Name));
        Assert.Equal(["Ω", "Ω", "S s^α", "", "Ω", "Ω", "s", "F"], circuit.Parameters.Select(p => p.Unit));
        Assert.Equal(3, circuit.IndexOf("CPE1_1"));
        Assert.Equal("R0-p(R1,CPE_1)", Circuit.Parse(" R0 - p( R1 , CPE_1 ) ").ToString());
        Assert.Equal(["CPE_1_0", "CPE_1_1"], Circuit.Parse("p(R1,CPE_1)").Parameters.Skip(1).Select(p => p.Name));
        Assert.Equal("p(p(R1,R2),La3)-TLMQ4-T5-Zarc6-Gs7-G8-K9-W10-Ws11-L12", Circuit.Parse("p(p(R1,R2),La3)-TLMQ4-T5-Zarc6-Gs7-G8-K9-W10-Ws11-L12").ToString());

        var built = new Circuit(new SeriesNode(new ElementNode("R0"), new ParallelNode(new ElementNode("R1"), new ElementNode(ConstantPhaseElement.Instance, "1")), new ElementNode("Wo1")));
        Assert.Equal(Circuit.Parse("R0-p(R1,CPE1)-Wo1"), built);
        Assert.Equal(Circuit.Parse("R0-p(R1,CPE1)-Wo1").Root, built.Root);
        Assert.Equal(new SeriesNode(new ElementNode("R1"), new SeriesNode(new ElementNode("R2"), new ElementNode("R3"))), Circuit.Parse("R1-R2-R3").Root);
    }

    [Property(MaxTest = 200)]
    public bool Random_circuits_print_and_parse_back_identically(int seed)
    {
        CircuitNode node = RandomCircuits.Generate(new TestData((ulong)seed));
        string text = node.ToString();
        Circuit parsed = Circuit.Parse(text);
        return parsed.Root.Equals(node) && parsed.ToString() == text && Circuit.TryParse(text, out Circuit? again, out _) && again.Equals(parsed);
    }

    [Fact]
    public void Randles_circuit_equals_its_closed_form()
    {
        Circuit circuit = Circuit.Parse("R0-p(R1,CPE1)-Wo1");
        double r0 = 0.5, r1 = 2, q = 1e-3, alpha = 0.85, z0 = 3, tau = 5;
        foreach (double omega in ElementTests.LogGrid(1e-3, 1e6, 37))
        {
            Complex cpe = 1 / (q * Complex.Pow(J * omega, alpha));
            Complex u = Complex.Sqrt(J * omega * tau);
            Complex expected = r0 + (1 / ((1 / r1) + (1 / cpe))) + (z0 / (u * ComplexReference.Tanh(u)));
            Complex actual = circuit.Impedance(omega, [r0, r1, q, alpha, z0, tau]);
            Assert.True(Complex.Abs(actual - expected) <= 1e-12 * Complex.Abs(expected), $"ω = {omega}: {actual} vs {expected}");
        }
    }

    [Property(MaxTest = 100)]
    public bool Series_is_commutative_and_additive_and_parallel_adds_admittances(int seed)
    {
        var random = new TestData((ulong)seed);
        double omega = Math.Exp(random.Uniform(-5, 12));
        CircuitNode a = RandomCircuits.Generate(random, 1);
        CircuitNode b = Renumber(RandomCircuits.Generate(random, 1), 100);
        var ca = new Circuit(a);
        var cb = new Circuit(b);
        double[] pa = RandomCircuits.Parameters(ca, random);
        double[] pb = RandomCircuits.Parameters(cb, random);
        Complex za = ca.Impedance(omega, pa);
        Complex zb = cb.Impedance(omega, pb);
        Complex ab = new Circuit(new SeriesNode(a, b)).Impedance(omega, [.. pa, .. pb]);
        Complex ba = new Circuit(new SeriesNode(b, a)).Impedance(omega, [.. pb, .. pa]);
        Complex parallel = new Circuit(new ParallelNode(a, b)).Impedance(omega, [.. pa, .. pb]);
        Complex expectedParallel = 1 / ((1 / za) + (1 / zb));
        double scale = Complex.Abs(za) + Complex.Abs(zb);
        return Complex.Abs(ab - (za + zb)) <= 1e-12 * scale
            && Complex.Abs(ab - ba) <= 1e-12 * scale
            && Complex.Abs(parallel - expectedParallel) <= 1e-12 * Complex.Abs(expectedParallel);
    }

    [Fact]
    public void Two_equal_resistors_in_parallel_are_half_of_one()
    {
        Complex z = Circuit.Parse("p(R1,R2)").Impedance(3, [10.0, 10.0]);
        Assert.Equal(5, z.Real, 14);
        Assert.Equal(0, z.Imaginary);
    }

    [Fact]
    public void The_kernel_equals_the_complex_reference_at_every_length_from_0_to_256()
    {
        var random = new TestData(21);
        for (int trial = 0; trial < 4; trial++)
        {
            var circuit = new Circuit(RandomCircuits.Generate(random));
            CompiledCircuit kernel = circuit.Compile();
            for (int n = 0; n <= 256; n++)
            {
                AssertKernelMatchesReference(circuit, kernel, n, random);
            }
        }
    }

    // Lengths of whole 256-point blocks plus tails: a series or parallel root of a full block writes straight to the
    // output, and resistors inside a series or parallel are folded into their parent as constants. Random circuits
    // plus the shapes folding must get right: all-resistor series and parallels, a resistor beside one branch, several
    // resistors in one series, three-branch parallels with resistors.
    [Fact]
    public void The_kernel_equals_the_complex_reference_over_several_blocks_with_resistors_folded()
    {
        var random = new TestData(41);
        string[] shapes = ["R0", "R0-R1", "p(R1,R2,R3)", "p(R1,C1)", "p(C1,R1)", "R0-p(R1,p(R2,C2))-R3", "p(R1-R2,C1)", "R0-R1-R2-C1", "p(R1,C1,R2)-Wo1", "R0-p(R1,CPE1)-Wo1"];
        IEnumerable<Circuit> circuits = shapes.Select(Circuit.Parse).Concat(Enumerable.Range(0, 30).Select(_ => new Circuit(RandomCircuits.Generate(random))));
        foreach (Circuit circuit in circuits)
        {
            CompiledCircuit kernel = circuit.Compile();
            foreach (int n in new[] { 256, 513, 1000 })
            {
                AssertKernelMatchesReference(circuit, kernel, n, random);
            }
        }
    }

    /// <summary>Evaluates the kernel at n random frequencies and parameters and checks every point against the Complex reference to 1e-12 relative.</summary>
    private static void AssertKernelMatchesReference(Circuit circuit, CompiledCircuit kernel, int n, TestData random)
    {
        double[] p = RandomCircuits.Parameters(circuit, random);
        double[] omega = [.. Enumerable.Range(0, n).Select(_ => Math.Exp(random.Uniform(-7, 14)))];
        var real = new double[n];
        var imaginary = new double[n];
        kernel.Evaluate(omega, p, real, imaginary);
        for (int i = 0; i < n; i++)
        {
            Complex expected = ComplexReference.Circuit(circuit.Root, omega[i], p);
            Assert.True(Complex.Abs(new Complex(real[i], imaginary[i]) - expected) <= 1e-12 * Complex.Abs(expected), $"{circuit}, n = {n}, i = {i}: ({real[i]}, {imaginary[i]}) vs {expected}");
        }
    }

    // The destination of the real parts may be the frequency array itself (documented: destinations may be the same
    // memory as the frequencies, never partly overlapping). Values and Jacobian must equal the separate-array call for
    // lengths that cover full 256-point blocks, where ω is read in place, and their tails.
    [Fact]
    public void Writing_the_real_parts_over_the_frequencies_gives_the_same_values_and_Jacobian()
    {
        var random = new TestData(31);
        foreach (int n in new[] { 1, 255, 256, 257, 1000 })
        {
            var circuit = new Circuit(RandomCircuits.Generate(random));
            CompiledCircuit kernel = circuit.Compile();
            int count = circuit.ParameterCount;
            double[] p = RandomCircuits.Parameters(circuit, random);
            double[] omega = [.. Enumerable.Range(0, n).Select(_ => Math.Exp(random.Uniform(-5, 10)))];
            var real = new double[n];
            var imaginary = new double[n];
            var jr = new double[n * count];
            var ji = new double[n * count];
            kernel.EvaluateWithJacobian(omega, p, real, imaginary, jr, ji);

            double[] shared = (double[])omega.Clone();
            var imaginaryShared = new double[n];
            var jrShared = new double[n * count];
            var jiShared = new double[n * count];
            kernel.EvaluateWithJacobian(shared, p, shared, imaginaryShared, jrShared, jiShared);
            Assert.Equal(real, shared);
            Assert.Equal(imaginary, imaginaryShared);
            Assert.Equal(jr, jrShared);
            Assert.Equal(ji, jiShared);

            double[] sharedValues = (double[])omega.Clone();
            var imaginaryValues = new double[n];
            kernel.Evaluate(sharedValues, p, sharedValues, imaginaryValues);
            Assert.Equal(real, sharedValues);
            Assert.Equal(imaginary, imaginaryValues);
        }
    }

    [Fact]
    public void The_Jacobian_equals_central_differences_and_values_match_Evaluate()
    {
        var random = new TestData(22);
        for (int trial = 0; trial < 30; trial++)
        {
            var circuit = new Circuit(RandomCircuits.Generate(random));
            CompiledCircuit kernel = circuit.Compile();
            int n = 1 + (int)(random.Uniform() * 300);
            int count = circuit.ParameterCount;
            double[] p = RandomCircuits.Parameters(circuit, random);
            double[] omega = [.. Enumerable.Range(0, n).Select(_ => Math.Exp(random.Uniform(-5, 10)))];
            var real = new double[n];
            var imaginary = new double[n];
            var jr = new double[n * count];
            var ji = new double[n * count];
            kernel.EvaluateWithJacobian(omega, p, real, imaginary, jr, ji);
            var real2 = new double[n];
            var imaginary2 = new double[n];
            kernel.Evaluate(omega, p, real2, imaginary2);
            Assert.Equal(real2, real);
            Assert.Equal(imaginary2, imaginary);
            for (int i = 0; i < n; i += 7)
            {
                for (int j = 0; j < count; j++)
                {
                    Complex numeric = ElementTests.CentralDifference(q => circuit.Impedance(omega[i], q), p, j);
                    var analytic = new Complex(jr[(j * n) + i], ji[(j * n) + i]);
                    double scale = Complex.Abs(new Complex(real[i], imaginary[i])) / Math.Abs(p[j]);
                    Assert.True(Complex.Abs(analytic - numeric) <= 1e-6 * (Complex.Abs(numeric) + (1e-3 * scale)), $"{circuit} ∂/∂{circuit.Parameters[j].Name} at ω = {omega[i]}: {analytic} vs {numeric}");
                }
            }
        }
    }

    [Fact]
    public void Evaluations_on_one_compiled_circuit_from_many_threads_agree()
    {
        Circuit circuit = Circuit.Parse("R0-p(R1,CPE1)-p(R2-Wo1,C2)");
        CompiledCircuit kernel = circuit.Compile();
        double[] omega = ElementTests.LogGrid(1e-2, 1e6, 3079);
        double[] p = [1, 2, 1e-3, 0.8, 3, 4, 10, 1e-4];
        var expected = new double[omega.Length];
        var expectedImaginary = new double[omega.Length];
        kernel.Evaluate(omega, p, expected, expectedImaginary);
        int failures = 0;
        System.Threading.Tasks.Parallel.For(0, 64, _ =>
        {
            var real = new double[omega.Length];
            var imaginary = new double[omega.Length];
            var jr = new double[omega.Length * p.Length];
            var ji = new double[omega.Length * p.Length];
            kernel.EvaluateWithJacobian(omega, p, real, imaginary, jr, ji);
            if (!real.AsSpan().SequenceEqual(expected) || !imaginary.AsSpan().SequenceEqual(expectedImaginary))
            {
                Interlocked.Increment(ref failures);
            }
        });
        Assert.Equal(0, failures);
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 3, "empty")]
    [InlineData("R0-X1", 3, "unknown element type 'X'")]
    [InlineData("R0-p(R1,C1", 10, "unbalanced parentheses")]
    [InlineData("R0-p(R1,C1))", 11, "unbalanced parentheses")]
    [InlineData("R0-p(R1)", 3, "one branch")]
    [InlineData("R1-p(R1,C1)", 5, "already used at position 0")]
    [InlineData("R0-", 3, "found the end")]
    [InlineData("R-C1", 1, "identifier")]
    [InlineData("R0-p(R1,,C1)", 8, "found ','")]
    [InlineData("R0 C1", 3, "expected '-'")]
    public void Bad_circuit_strings_say_where_and_what_was_expected(string text, int position, string problem)
    {
        CircuitFormatException error = Assert.Throws<CircuitFormatException>(() => Circuit.Parse(text));
        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
        Assert.False(Circuit.TryParse(text, out Circuit? none, out CircuitFormatException? same));
        Assert.Null(none);
        Assert.Equal(error.Message, same.Message);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void Bad_evaluation_inputs_are_clear_errors()
    {
        CompiledCircuit kernel = Circuit.Parse("R0-p(R1,CPE1)").Compile();
        double[] p = [1, 2, 1e-3, 0.8];
        var real = new double[3];
        var imaginary = new double[3];
        Assert.Contains("4 parameters (R0, R1, CPE1_0, CPE1_1) but 3", Assert.Throws<ArgumentException>(() => kernel.Evaluate([1.0, 2, 3], [1.0, 2, 3], real, imaginary)).Message, StringComparison.Ordinal);
        Assert.Contains("CPE1_1", Assert.Throws<ArgumentException>(() => kernel.Evaluate([1.0, 2, 3], [1.0, 2, 1e-3, double.NaN], real, imaginary)).Message, StringComparison.Ordinal);
        Assert.Contains("angularFrequency[1] is 0", Assert.Throws<ArgumentException>(() => kernel.Evaluate([1.0, 0, 3], p, real, imaginary)).Message, StringComparison.Ordinal);
        Assert.Contains("angularFrequency[2] is -3", Assert.Throws<ArgumentException>(() => kernel.Evaluate([1.0, 2, -3], p, real, imaginary)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => kernel.Evaluate([1.0, double.PositiveInfinity, 3], p, real, imaginary));
        Assert.Equal("real", Assert.Throws<ArgumentException>(() => kernel.Evaluate([1.0, 2, 3], p, new double[2], imaginary)).ParamName);
        Assert.Equal("jacobianImaginary", Assert.Throws<ArgumentException>(() => kernel.EvaluateWithJacobian([1.0, 2, 3], p, real, imaginary, new double[12], new double[11])).ParamName);
        Assert.Throws<ArgumentException>(() => new Circuit(new SeriesNode(new ElementNode("R1"), new ElementNode("R1"))));
        Assert.Throws<ArgumentException>(() => new ParallelNode(new ElementNode("R1")));
        Assert.Throws<ArgumentException>(() => new ElementNode("R"));
        Assert.Throws<ArgumentException>(() => new ElementNode("Q1"));
        Assert.Throws<ArgumentException>(() => Circuit.Parse("R0").IndexOf("R1"));
    }

    [Fact]
    public void The_nonlinear_model_adapter_fits_a_synthetic_Randles_spectrum()
    {
        Circuit circuit = Circuit.Parse("R0-p(R1,CPE1)-Wo1");
        double[] truth = [0.02, 0.05, 2e-3, 0.85, 0.1, 8];
        double[] hertz = ElementTests.LogGrid(1e-2, 1e5, 60);
        double[] omega = [.. hertz.Select(f => 2 * Math.PI * f)];
        var real = new double[hertz.Length];
        var imaginary = new double[hertz.Length];
        circuit.Compile().Evaluate(omega, truth, real, imaginary);
        var spectrum = new ImpedanceSpectrum(hertz, real, imaginary);
        NonlinearModel model = circuit.Compile().ToNonlinearModel(spectrum);
        Assert.Equal(["R0", "R1", "CPE1_0", "CPE1_1", "Wo1_0", "Wo1_1"], model.Parameters.Select(p => p.Name));
        Assert.Equal(1, model.Parameters[3].UpperBound);

        // the adapter's 2N×P Jacobian is the kernel's N×P real and imaginary Jacobians stacked per column
        int n = hertz.Length;
        var stacked = new double[2 * n * truth.Length];
        model.Jacobian!(truth, stacked);
        var jr = new double[n * truth.Length];
        var ji = new double[n * truth.Length];
        circuit.Compile().EvaluateWithJacobian(omega, truth, new double[n], new double[n], jr, ji);
        for (int j = 0; j < truth.Length; j++)
        {
            Assert.Equal(jr.AsSpan(j * n, n).ToArray(), stacked.AsSpan(2 * j * n, n).ToArray());
            Assert.Equal(ji.AsSpan(j * n, n).ToArray(), stacked.AsSpan((2 * j * n) + n, n).ToArray());
        }

        FitResult fit = NonlinearLeastSquares.FitComplex(model, spectrum.Real, spectrum.Imaginary, [0.02, 0.08, 1e-3, 0.8, 0.2, 5], options: NonlinearFitOptions.Default with { FixedParameters = ["R0"] }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(fit.Converged, fit.StatusReason);
        for (int j = 1; j < truth.Length; j++)
        {
            Assert.Equal(truth[j], fit.Parameters[j].Value, truth[j] * 1e-6);
        }
    }

    private static CircuitNode Renumber(CircuitNode node, int offset) => node switch
    {
        ElementNode e => new ElementNode(e.Element, $"{offset}{e.Identifier.TrimStart('_')}"),
        SeriesNode s => new SeriesNode(s.Parts.Select(p => Renumber(p, offset))),
        ParallelNode p => new ParallelNode(p.Branches.Select(b => Renumber(b, offset))),
        _ => throw new ArgumentException(node.GetType().Name),
    };
}
