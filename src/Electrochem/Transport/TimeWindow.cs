namespace Electrochem.Transport;

/// <summary>A window of a time series: its first and last times (s, inclusive) and how many points it holds.</summary>
/// <param name="StartSeconds">First time in the window, s.</param>
/// <param name="EndSeconds">Last time in the window, s.</param>
/// <param name="PointCount">Number of points in the window.</param>
public sealed record TimeWindow(double StartSeconds, double EndSeconds, int PointCount);
