using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Electrochem.Fitting;

namespace Electrochem.Impedance;

/// <summary>
/// A circuit compiled into a flat evaluation program over frequency spans. It runs in cache-sized blocks of 256
/// frequencies: per block, ln ω and √ω are computed once, every element writes its Z (and, for the Jacobian, ∂Z/∂θ)
/// with <see cref="Vector256{T}"/> kernels over separate real and imaginary arrays, series parts are summed, parallel
/// branches are combined through their admittances, and derivatives are carried to the root by the chain rule
/// ∂Z/∂θ = Π (Z_parallel/Z_branch)²·∂Z_element/∂θ over the parallel combinations above the element.
/// Immutable and thread-safe: scratch space is rented per call from <see cref="ArrayPool{T}.Shared"/>, so a call
/// allocates nothing in steady state.
/// </summary>
public sealed class CompiledCircuit
{
    /// <summary>Frequencies per block: small enough that every block's scratch stays in L1/L2 cache.</summary>
    internal const int BlockSize = 256;

    /// <summary>
    /// Distance between scratch arrays: a block plus 128 bytes, so that the arrays a kernel reads and writes at the same
    /// index are not 4 KiB apart (loads would then wait on unrelated stores: "4K aliasing"; ≈ 0.25 ms of the ≈ 10 ms
    /// that R0-p(R1,CPE1)-Wo1 takes at 10⁶ frequencies).
    /// </summary>
    private const int SlotStride = BlockSize + 16;

    private readonly Instruction[] _program;
    private readonly int _maximumElementParameters;
    private readonly bool _usesLog;
    private readonly bool _usesSqrt;

    internal CompiledCircuit(Circuit circuit)
    {
        Circuit = circuit;
        var program = new List<Instruction>();
        int parameterOffset = 0;
        Compile(circuit.Root, program, ref parameterOffset);
        _program = [.. program];
        _maximumElementParameters = circuit.Elements.Max(e => e.Element.Parameters.Length);
        _usesLog = circuit.Elements.Any(e => e.Element.UsesLogAngularFrequency);
        _usesSqrt = circuit.Elements.Any(e => e.Element.UsesSqrtAngularFrequency);
        AssignFactorSlots(_program);
    }

    private enum Operation
    {
        Element,
        Series,
        Parallel,
    }

    /// <summary>The circuit this kernel evaluates.</summary>
    public Circuit Circuit { get; }

    /// <summary>Number of parameters P (the length of every parameter vector).</summary>
    public int ParameterCount => Circuit.ParameterCount;

    /// <summary>Z in Ω at one angular frequency.</summary>
    /// <param name="angularFrequency">ω = 2πf in rad s⁻¹, finite and &gt; 0.</param>
    /// <param name="parameters">P finite values in circuit order.</param>
    /// <returns>Z(ω; θ).</returns>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate"/>.</exception>
    public Complex Impedance(double angularFrequency, ReadOnlySpan<double> parameters)
    {
        Span<double> omega = [angularFrequency];
        Span<double> real = stackalloc double[1];
        Span<double> imaginary = stackalloc double[1];
        Evaluate(omega, parameters, real, imaginary);
        return new Complex(real[0], imaginary[0]);
    }

    /// <summary>Writes Z(ωᵢ; θ) = Z′ + jZ″ in Ω at every angular frequency.</summary>
    /// <param name="angularFrequency">ωᵢ = 2πfᵢ in rad s⁻¹, N values, each finite and &gt; 0.</param>
    /// <param name="parameters">P finite values in circuit order (<see cref="Circuit.Parameters"/>).</param>
    /// <param name="real">Destination of Z′ᵢ, at least N values.</param>
    /// <param name="imaginary">Destination of Z″ᵢ, at least N values.</param>
    /// <exception cref="ArgumentException">The parameter count is not P, a parameter is not finite, a frequency is not positive and finite, a destination is too short or partially overlaps the frequencies.</exception>
    public void Evaluate(ReadOnlySpan<double> angularFrequency, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary)
    {
        CheckArguments(angularFrequency, parameters, real, imaginary);
        Run(angularFrequency, parameters, real, imaginary, [], [], 0);
    }

    /// <summary>
    /// Writes Z(ωᵢ; θ) in Ω and the Jacobian ∂Zᵢ/∂θⱼ, column-major N×P: element (i, j) at <c>[j·N + i]</c> of
    /// <paramref name="jacobianReal"/> (∂Z′ᵢ/∂θⱼ) and <paramref name="jacobianImaginary"/> (∂Z″ᵢ/∂θⱼ). Analytic.
    /// </summary>
    /// <param name="angularFrequency">ωᵢ in rad s⁻¹, N values, each finite and &gt; 0.</param>
    /// <param name="parameters">P finite values in circuit order.</param>
    /// <param name="real">Destination of Z′ᵢ, at least N values.</param>
    /// <param name="imaginary">Destination of Z″ᵢ, at least N values.</param>
    /// <param name="jacobianReal">Destination of ∂Z′/∂θ, at least N·P values.</param>
    /// <param name="jacobianImaginary">Destination of ∂Z″/∂θ, at least N·P values.</param>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate"/>, or a Jacobian destination is too short.</exception>
    public void EvaluateWithJacobian(
        ReadOnlySpan<double> angularFrequency,
        ReadOnlySpan<double> parameters,
        Span<double> real,
        Span<double> imaginary,
        Span<double> jacobianReal,
        Span<double> jacobianImaginary)
    {
        CheckArguments(angularFrequency, parameters, real, imaginary);
        int n = angularFrequency.Length;
        int required = checked(n * ParameterCount);
        Preconditions.CheckDestination(required, jacobianReal.Length, nameof(jacobianReal));
        Preconditions.CheckDestination(required, jacobianImaginary.Length, nameof(jacobianImaginary));
        Run(angularFrequency, parameters, real, imaginary, jacobianReal, jacobianImaginary, n);
    }

    /// <summary>
    /// The circuit as a model for <see cref="NonlinearLeastSquares.FitComplex"/> over a spectrum: parameters named as in
    /// the circuit (<c>R0</c>, <c>CPE1_0</c>, …) with units and default bounds; the function writes all N real parts,
    /// then all N imaginary parts; the Jacobian is analytic, column-major 2N×P. Hold parameters fixed with
    /// <see cref="NonlinearFitOptions.FixedParameters"/>; change bounds with <c>model with { Parameters = … }</c>.
    /// </summary>
    /// <param name="spectrum">The spectrum whose frequencies the model is evaluated at.</param>
    /// <returns>The model (thread-safe, like this kernel).</returns>
    public NonlinearModel ToNonlinearModel(ImpedanceSpectrum spectrum)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        int n = spectrum.Count;
        var omega = new double[n];
        spectrum.AngularFrequency(omega);
        return new NonlinearModel(
            Circuit.ParameterDefinitions,
            (theta, values) =>
            {
                Preconditions.CheckDestination(2 * n, values.Length, nameof(values));
                Evaluate(omega, theta, values[..n], values.Slice(n, n));
            },
            (theta, jacobian) =>
            {
                CheckParameters(theta);
                Preconditions.CheckDestination(checked(2 * n * ParameterCount), jacobian.Length, nameof(jacobian));
                Run(omega, theta, [], [], jacobian, jacobian[n..], 2 * n);
            });
    }

    private void CheckArguments(ReadOnlySpan<double> angularFrequency, ReadOnlySpan<double> parameters, Span<double> real, Span<double> imaginary)
    {
        CheckParameters(parameters);
        int n = angularFrequency.Length;
        Preconditions.CheckDestination(n, real.Length, nameof(real));
        Preconditions.CheckDestination(n, imaginary.Length, nameof(imaginary));
        Preconditions.CheckNoOverlap(angularFrequency, real, nameof(angularFrequency), nameof(real));
        Preconditions.CheckNoOverlap(angularFrequency, imaginary, nameof(angularFrequency), nameof(imaginary));
    }

    private void CheckParameters(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length != ParameterCount)
        {
            throw new ArgumentException(
                $"{Circuit} has {ParameterCount} parameters ({string.Join(", ", Circuit.Parameters.Select(p => p.Name))}) but {parameters.Length} values were given.",
                nameof(parameters));
        }

        for (int j = 0; j < parameters.Length; j++)
        {
            if (!double.IsFinite(parameters[j]))
            {
                throw new ArgumentException($"Parameter {Circuit.Parameters[j].Name} (parameters[{j}]) is {Preconditions.Format(parameters[j])}; every parameter must be finite.", nameof(parameters));
            }
        }
    }

    /// <summary>
    /// The evaluation loop. Values go to real/imaginary unless they are empty; derivatives go to the Jacobian spans
    /// unless they are empty, column j of the real part at jacobianReal[j·stride …] (likewise imaginary).
    /// </summary>
    private void Run(
        ReadOnlySpan<double> angularFrequency,
        ReadOnlySpan<double> parameters,
        Span<double> real,
        Span<double> imaginary,
        Span<double> jacobianReal,
        Span<double> jacobianImaginary,
        int columnStride)
    {
        int n = angularFrequency.Length;
        if (n == 0)
        {
            return;
        }

        bool jacobian = !jacobianReal.IsEmpty;
        int nodes = _program.Length;
        int derivativeLength = jacobian ? 2 * (_maximumElementParameters + 1) * BlockSize : 0;
        int scratchLength = (3 + (2 * nodes * (jacobian ? 2 : 1))) * SlotStride + derivativeLength;
        double[] rented = ArrayPool<double>.Shared.Rent(scratchLength);
        try
        {
            Span<double> scratch = rented.AsSpan(0, scratchLength);
            Span<double> omega = scratch[..BlockSize];
            Span<double> logOmega = scratch.Slice(SlotStride, BlockSize);
            Span<double> sqrtOmega = scratch.Slice(2 * SlotStride, BlockSize);
            Span<double> values = scratch.Slice(3 * SlotStride, 2 * nodes * SlotStride);
            Span<double> factors = jacobian ? scratch.Slice((3 + (2 * nodes)) * SlotStride, 2 * nodes * SlotStride) : [];
            Span<double> derivatives = scratch[^derivativeLength..];
            for (int start = 0; start < n; start += BlockSize)
            {
                int length = Math.Min(BlockSize, n - start);
                int padded = (length + Vector256<double>.Count - 1) & ~(Vector256<double>.Count - 1);
                ReadOnlySpan<double> source = angularFrequency.Slice(start, length);
                ReadOnlySpan<double> blockOmega = source;
                if (length == BlockSize)
                {
                    CheckFrequencies(source, source, start);
                }
                else
                {
                    LoadFrequencies(source, omega[..padded], start);
                    blockOmega = omega[..padded];
                }

                if (_usesLog)
                {
                    TensorPrimitives.Log(blockOmega, logOmega[..padded]);
                }

                if (_usesSqrt)
                {
                    TensorPrimitives.Sqrt(blockOmega, sqrtOmega[..padded]);
                }

                var block = new FrequencyBlock(blockOmega, logOmega[..padded], sqrtOmega[..padded]);

                // A full block without Jacobian: a series or parallel root (which reads only its children's values, never
                // ω, which real may alias) writes straight to the output; otherwise the root's slot is copied out last.
                Instruction root = _program[^1];
                bool direct = !jacobian && !real.IsEmpty && length == BlockSize && root.Operation != Operation.Element;
                Span<double> rootReal = direct ? real.Slice(start, length) : Slot(values, root.Index, padded, imaginaryPart: false);
                Span<double> rootImaginary = direct ? imaginary.Slice(start, length) : Slot(values, root.Index, padded, imaginaryPart: true);
                ComputeValues(block, parameters, values, padded, rootReal, rootImaginary);
                if (jacobian)
                {
                    ComputeFactors(parameters, values, factors, padded);
                    ComputeDerivatives(block, parameters, factors, derivatives, jacobianReal, jacobianImaginary, columnStride, start, length);
                }

                if (!real.IsEmpty && !direct)
                {
                    rootReal[..length].CopyTo(real.Slice(start, length));
                    rootImaginary[..length].CopyTo(imaginary.Slice(start, length));
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>Copies a block of ω, pads it to whole vectors with its last value, and checks every ω is finite and &gt; 0.</summary>
    private static void LoadFrequencies(ReadOnlySpan<double> angularFrequency, Span<double> omega, int start)
    {
        angularFrequency.CopyTo(omega);
        omega[angularFrequency.Length..].Fill(angularFrequency[^1]);
        CheckFrequencies(angularFrequency, omega, start);
    }

    /// <summary>
    /// Checks a block of whole vectors of ω (the source itself for a full block, which is then read in place; else the
    /// padded copy) and reports the first ω of the source that is not finite and &gt; 0.
    /// </summary>
    private static void CheckFrequencies(ReadOnlySpan<double> angularFrequency, ReadOnlySpan<double> omega, int start)
    {
        for (int i = 0; i < omega.Length; i += Vector256<double>.Count)
        {
            Vector256<double> w = ComplexVector.LoadReal(omega, i);
            if (!Vector256.GreaterThanAll(w, Vector256<double>.Zero) || !Vector256.LessThanAll(w, Vector256.Create(double.PositiveInfinity)))
            {
                for (int k = 0; k < angularFrequency.Length; k++)
                {
                    double v = angularFrequency[k];
                    if (!(v > 0) || !double.IsFinite(v))
                    {
                        throw new ArgumentException(
                            $"angularFrequency[{start + k}] is {Preconditions.Format(v)} rad/s; every angular frequency must be finite and greater than zero.",
                            nameof(angularFrequency));
                    }
                }
            }
        }
    }

    private void ComputeValues(in FrequencyBlock block, ReadOnlySpan<double> parameters, Span<double> values, int padded, Span<double> rootReal, Span<double> rootImaginary)
    {
        for (int k = 0; k < _program.Length; k++)
        {
            Instruction instruction = _program[k];
            if (instruction.IsConstant)
            {
                continue;
            }

            bool isRoot = k == _program.Length - 1;
            Span<double> real = isRoot ? rootReal : Slot(values, instruction.Index, padded, imaginaryPart: false);
            Span<double> imaginary = isRoot ? rootImaginary : Slot(values, instruction.Index, padded, imaginaryPart: true);
            switch (instruction.Operation)
            {
                case Operation.Element:
                    instruction.Element!.Evaluate(block, parameters.Slice(instruction.ParameterOffset, instruction.ParameterCount), real, imaginary, [], []);
                    break;
                case Operation.Series:
                    SumSeries(parameters, values, instruction, real, imaginary, padded);
                    break;
                default:
                    CombineParallel(parameters, values, instruction, real, imaginary, padded);
                    break;
            }
        }
    }

    /// <summary>Z = Σ Zₖ, with the resistors among the parts added as one constant R (they are never written out).</summary>
    private void SumSeries(ReadOnlySpan<double> parameters, Span<double> values, Instruction instruction, Span<double> real, Span<double> imaginary, int padded)
    {
        double resistance = 0;
        foreach (int child in instruction.Children)
        {
            if (_program[child].IsConstant)
            {
                resistance += parameters[_program[child].ParameterOffset];
            }
        }

        int length = real.Length;
        bool started = false;
        foreach (int child in instruction.Children)
        {
            if (_program[child].IsConstant)
            {
                continue;
            }

            ReadOnlySpan<double> childReal = Slot(values, child, padded, imaginaryPart: false)[..length];
            ReadOnlySpan<double> childImaginary = Slot(values, child, padded, imaginaryPart: true)[..length];
            if (started)
            {
                TensorPrimitives.Add(real, childReal, real);
                TensorPrimitives.Add(imaginary, childImaginary, imaginary);
            }
            else
            {
                TensorPrimitives.Add(childReal, resistance, real);
                childImaginary.CopyTo(imaginary);
                started = true;
            }
        }

        if (!started)
        {
            real.Fill(resistance);
            imaginary.Clear();
        }
    }

    /// <summary>A child's Z at lanes i…i+3: its slot, or its resistance broadcast when it is a folded resistor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ComplexVector LoadChild(ReadOnlySpan<double> parameters, Span<double> values, int child, int padded, int i) =>
        _program[child].IsConstant
            ? ComplexVector.Broadcast(parameters[_program[child].ParameterOffset], 0)
            : ComplexVector.Load(Slot(values, child, padded, imaginaryPart: false), Slot(values, child, padded, imaginaryPart: true), i);

    /// <summary>
    /// Z = 1/Σ(1/Zₖ), lane by lane; for two branches Z = Z₁Z₂/(Z₁ + Z₂), one division instead of three. The output is
    /// either the padded slot or, for a full block, the caller's 256 values: whole vectors in both cases.
    /// </summary>
    private void CombineParallel(ReadOnlySpan<double> parameters, Span<double> values, Instruction instruction, Span<double> real, Span<double> imaginary, int padded)
    {
        int length = real.Length;
        if (instruction.Children.Length == 2)
        {
            int first = instruction.Children[0], second = instruction.Children[1];
            for (int i = 0; i < length; i += Vector256<double>.Count)
            {
                ComplexVector a = LoadChild(parameters, values, first, padded, i);
                ComplexVector b = LoadChild(parameters, values, second, padded, i);
                (a * b / (a + b)).Store(real, imaginary, i);
            }

            return;
        }

        for (int i = 0; i < length; i += Vector256<double>.Count)
        {
            var admittance = ComplexVector.Broadcast(0, 0);
            foreach (int child in instruction.Children)
            {
                admittance += LoadChild(parameters, values, child, padded, i).Reciprocal();
            }

            admittance.Reciprocal().Store(real, imaginary, i);
        }
    }

    /// <summary>For every branch of a parallel: F_branch = F_parallel·(Z_parallel/Z_branch)² (F = 1 at the root and through series).</summary>
    private void ComputeFactors(ReadOnlySpan<double> parameters, Span<double> values, Span<double> factors, int padded)
    {
        for (int k = _program.Length - 1; k >= 0; k--)
        {
            Instruction parent = _program[k];
            if (parent.Operation != Operation.Parallel)
            {
                continue;
            }

            Span<double> parentReal = Slot(values, parent.Index, padded, imaginaryPart: false);
            Span<double> parentImaginary = Slot(values, parent.Index, padded, imaginaryPart: true);
            foreach (int child in parent.Children)
            {
                Span<double> factorReal = Slot(factors, child, padded, imaginaryPart: false);
                Span<double> factorImaginary = Slot(factors, child, padded, imaginaryPart: true);
                int inherited = parent.FactorSlot;
                for (int i = 0; i < padded; i += Vector256<double>.Count)
                {
                    ComplexVector ratio = ComplexVector.Load(parentReal, parentImaginary, i) / LoadChild(parameters, values, child, padded, i);
                    ComplexVector factor = ratio.Square();
                    if (inherited >= 0)
                    {
                        factor *= ComplexVector.Load(Slot(factors, inherited, padded, imaginaryPart: false), Slot(factors, inherited, padded, imaginaryPart: true), i);
                    }

                    factor.Store(factorReal, factorImaginary, i);
                }
            }
        }
    }

    private void ComputeDerivatives(
        in FrequencyBlock block,
        ReadOnlySpan<double> parameters,
        Span<double> factors,
        Span<double> derivatives,
        Span<double> jacobianReal,
        Span<double> jacobianImaginary,
        int columnStride,
        int start,
        int length)
    {
        int padded = block.Length;
        foreach (Instruction instruction in _program)
        {
            if (instruction.Operation != Operation.Element)
            {
                continue;
            }

            int count = instruction.ParameterCount;
            Span<double> derivativeReal = derivatives.Slice(0, count * padded);
            Span<double> derivativeImaginary = derivatives.Slice(count * padded, count * padded);
            Span<double> valueReal = derivatives.Slice(2 * count * padded, padded);
            Span<double> valueImaginary = derivatives.Slice((2 * count * padded) + padded, padded);
            instruction.Element!.Evaluate(block, parameters.Slice(instruction.ParameterOffset, count), valueReal, valueImaginary, derivativeReal, derivativeImaginary);
            int factorSlot = instruction.FactorSlot;
            for (int k = 0; k < count; k++)
            {
                Span<double> columnReal = derivativeReal.Slice(k * padded, padded);
                Span<double> columnImaginary = derivativeImaginary.Slice(k * padded, padded);
                if (factorSlot >= 0)
                {
                    Span<double> factorReal = Slot(factors, factorSlot, padded, imaginaryPart: false);
                    Span<double> factorImaginary = Slot(factors, factorSlot, padded, imaginaryPart: true);
                    for (int i = 0; i < padded; i += Vector256<double>.Count)
                    {
                        (ComplexVector.Load(columnReal, columnImaginary, i) * ComplexVector.Load(factorReal, factorImaginary, i)).Store(columnReal, columnImaginary, i);
                    }
                }

                int column = instruction.ParameterOffset + k;
                columnReal[..length].CopyTo(jacobianReal.Slice((column * columnStride) + start, length));
                columnImaginary[..length].CopyTo(jacobianImaginary.Slice((column * columnStride) + start, length));
            }
        }

    }

    private static Span<double> Slot(Span<double> slots, int index, int padded, bool imaginaryPart) =>
        slots.Slice(((2 * index) + (imaginaryPart ? 1 : 0)) * SlotStride, padded);

    private static void Compile(CircuitNode node, List<Instruction> program, ref int parameterOffset)
    {
        switch (node)
        {
            case ElementNode element:
                program.Add(new Instruction(Operation.Element, program.Count, element.Element, parameterOffset, element.Element.Parameters.Length, []));
                parameterOffset += element.Element.Parameters.Length;
                break;
            case SeriesNode series:
                program.Add(CompileChildren(Operation.Series, series.Parts, program, ref parameterOffset));
                break;
            case ParallelNode parallel:
                program.Add(CompileChildren(Operation.Parallel, parallel.Branches, program, ref parameterOffset));
                break;
            default:
                throw new ArgumentException($"Unknown circuit node type {node.GetType().Name}.", nameof(node));
        }
    }

    private static Instruction CompileChildren(Operation operation, IEnumerable<CircuitNode> children, List<Instruction> program, ref int parameterOffset)
    {
        var indices = new List<int>();
        foreach (CircuitNode child in children)
        {
            Compile(child, program, ref parameterOffset);
            indices.Add(program.Count - 1);
        }

        return new Instruction(operation, program.Count, null, 0, 0, [.. indices]);
    }

    /// <summary>
    /// Top-down: the root and everything reached from it through series only has factor 1 (slot −1); a parallel's branch
    /// gets its own slot (its node index); a series part shares its parent's slot. Every resistor with a parent is marked
    /// constant (see <see cref="Instruction.IsConstant"/>).
    /// </summary>
    private static void AssignFactorSlots(Instruction[] program)
    {
        for (int k = program.Length - 1; k >= 0; k--)
        {
            Instruction parent = program[k];
            foreach (int child in parent.Children)
            {
                program[child] = program[child] with
                {
                    FactorSlot = parent.Operation == Operation.Parallel ? child : parent.FactorSlot,
                    IsConstant = program[child].Element is Resistor,
                };
            }
        }
    }

    /// <summary>One node of the program, in post-order (children before parents; the root last).</summary>
    private sealed record Instruction(Operation Operation, int Index, CircuitElement? Element, int ParameterOffset, int ParameterCount, int[] Children)
    {
        /// <summary>Slot of the chain-rule factor that multiplies this node's derivatives, or −1 for factor 1.</summary>
        public int FactorSlot { get; init; } = -1;

        /// <summary>
        /// A resistor inside a series or parallel: its Z = R is never written to a slot; the parent uses R directly
        /// (a resistor that is the whole circuit is evaluated like any element).
        /// </summary>
        public bool IsConstant { get; init; }
    }
}
