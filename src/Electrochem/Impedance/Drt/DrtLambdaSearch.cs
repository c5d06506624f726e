using System.Collections.Immutable;

namespace Electrochem.Impedance.Drt;

/// <summary>
/// Chooses λ by minimising a criterion over ln λ: 10 values per decade from 10⁻⁷ to 1, then a golden-section search in
/// the interval around the best of them (to 10⁻⁴ in ln λ). The criteria use the unconstrained ridge problem (their
/// usual definition), diagonalised once (<see cref="DrtRidge"/>), so each λ costs O(p); the DRT itself is then solved
/// with γ ≥ 0.
/// </summary>
internal static class DrtLambdaSearch
{
    internal const double MinimumLambda = 1e-7;
    internal const double MaximumLambda = 1;

    /// <summary>The criterion's score at λ (smaller is better).</summary>
    internal static double Score(DrtRidge ridge, DrtLambdaCriterion criterion, double lambda, double noiseVariance)
    {
        int rows = ridge.Rows;
        switch (criterion)
        {
            case DrtLambdaCriterion.LCurve:
                return -ridge.Curvature(lambda);
            case DrtLambdaCriterion.Discrepancy:
                double ratio = ridge.Residual(lambda) / (rows * noiseVariance);
                return ratio > 0 ? Math.Log(ratio) * Math.Log(ratio) : double.PositiveInfinity;
        }

        double trace = ridge.Trace(lambda);
        double factor = criterion == DrtLambdaCriterion.ModifiedGcv ? (rows < 50 ? 1.3 : 2) : 1;
        double free = rows - (factor * trace);
        if (!(free > 0))
        {
            return double.PositiveInfinity;
        }

        double gcv = rows * ridge.Residual(lambda) / (free * free);
        if (criterion == DrtLambdaCriterion.RobustGcv)
        {
            double xi = rows < 100 ? 0.2 : 0.3;
            gcv *= xi + ((1 - xi) * ridge.TraceOfSquare(lambda) / rows);
        }

        return gcv;
    }

    /// <summary>λ by the criterion, the scores tried, and whether the best grid value lay at an end of the range.</summary>
    internal static (double Lambda, ImmutableArray<DrtCriterionPoint> Curve, bool AtEnd) Search(DrtRidge ridge, DrtLambdaCriterion criterion, double noiseVariance)
    {
        double Evaluate(double logLambda) => Score(ridge, criterion, Math.Exp(logLambda), noiseVariance);

        var curve = new List<DrtCriterionPoint>();
        double low = Math.Log(MinimumLambda);
        double high = Math.Log(MaximumLambda);
        int steps = (int)Math.Round((high - low) / Math.Log(10) * 10);
        int best = 0;
        double[] scores = new double[steps + 1];
        for (int k = 0; k <= steps; k++)
        {
            double logLambda = low + ((high - low) * k / steps);
            scores[k] = Evaluate(logLambda);
            curve.Add(new DrtCriterionPoint(Math.Exp(logLambda), scores[k]));
            if (scores[k] < scores[best])
            {
                best = k;
            }
        }

        double left = low + ((high - low) * Math.Max(best - 1, 0) / steps);
        double right = low + ((high - low) * Math.Min(best + 1, steps) / steps);
        double golden = (Math.Sqrt(5) - 1) / 2;
        double x1 = right - (golden * (right - left));
        double x2 = left + (golden * (right - left));
        double f1 = Evaluate(x1);
        double f2 = Evaluate(x2);
        while (right - left > 1e-4)
        {
            if (f1 <= f2)
            {
                right = x2;
                x2 = x1;
                f2 = f1;
                x1 = right - (golden * (right - left));
                f1 = Evaluate(x1);
            }
            else
            {
                left = x1;
                x1 = x2;
                f1 = f2;
                x2 = left + (golden * (right - left));
                f2 = Evaluate(x2);
            }
        }

        double chosen = f1 <= f2 ? x1 : x2;
        double chosenScore = Math.Min(f1, f2);
        if (!(chosenScore <= scores[best]))
        {
            chosen = low + ((high - low) * best / steps);
            chosenScore = scores[best];
        }

        curve.Add(new DrtCriterionPoint(Math.Exp(chosen), chosenScore));
        return (Math.Exp(chosen), [.. curve.OrderBy(point => point.Lambda)], best == 0 || best == steps);
    }
}
