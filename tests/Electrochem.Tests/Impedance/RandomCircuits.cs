using Electrochem.Impedance;

namespace Electrochem.Tests.Impedance;

/// <summary>Random circuits drawn from the grammar (series, parallel with 2–3 branches, nesting, every element type).</summary>
internal static class RandomCircuits
{
    public static CircuitNode Generate(TestData random, int depth = 3)
    {
        int next = 0;
        return Node(random, depth, ref next);
    }

    private static CircuitNode Node(TestData random, int depth, ref int next)
    {
        double roll = random.Uniform();
        if (depth == 0 || roll < 0.4)
        {
            CircuitElement element = CircuitElements.All[(int)(random.Uniform() * CircuitElements.All.Length)];
            string identifier = random.Uniform() < 0.2 ? $"_{next++}" : $"{next++}";
            return new ElementNode(element, identifier);
        }

        int count = 2 + (int)(random.Uniform() * 2);
        var children = new List<CircuitNode>();
        for (int i = 0; i < count; i++)
        {
            children.Add(Node(random, depth - 1, ref next));
        }

        return roll < 0.7 ? new SeriesNode(children) : new ParallelNode(children);
    }

    /// <summary>Parameters in each element's physical range: positive magnitudes spread over decades, exponents in [0.3, 1].</summary>
    public static double[] Parameters(Circuit circuit, TestData random) =>
        [.. circuit.Parameters.Select(p => p.UpperBound == 1 ? random.Uniform(0.3, 1) : Math.Exp(random.Uniform(Math.Log(1e-3), Math.Log(1e2))))];
}
