using Electrochem.Fitting;

namespace Electrochem.Cycling;

/// <summary>The straight line of a voltage against √(t − t₀) over a window of rows, as GITT pulses and ICI interruptions use it.</summary>
internal static class SquareRootLine
{
    /// <summary>
    /// Fits E − offset − drift·(t − origin) = a + b·√(t − origin) over rows [from, to) whose t − origin lies in
    /// [windowStart, windowEnd] (null end: no end); null with fewer than three samples or no spread in √t.
    /// </summary>
    internal static FitResult? Fit(ReadOnlySpan<double> time, ReadOnlySpan<double> voltage, int from, int to, double origin, double windowStart, double? windowEnd, double offset, double drift, string interceptName)
    {
        double end = windowEnd ?? double.PositiveInfinity;
        var x = new List<double>();
        var y = new List<double>();
        for (int i = from; i < to; i++)
        {
            double since = time[i] - origin;
            if (since >= windowStart && since <= end)
            {
                x.Add(Math.Sqrt(Math.Max(0, since)));
                y.Add(voltage[i] - offset - (drift * since));
            }
        }

        if (x.Count < 3 || !(x[^1] > x[0]))
        {
            return null;
        }

        return LinearLeastSquares.FitLine(x.ToArray(), y.ToArray(), default, null, new ParameterDefinition(interceptName, "V"), new ParameterDefinition("SquareRootSlope", "V s^-1/2"));
    }
}
