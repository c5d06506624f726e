namespace Electrochem.Impedance;

/// <summary>One arc of −Z″ seen in a spectrum: its apex frequency in Hz and its diameter on the real axis in Ω.</summary>
/// <param name="ApexFrequency">Frequency of the −Z″ maximum, Hz.</param>
/// <param name="Resistance">Real-axis diameter, Ω.</param>
internal readonly record struct Arc(double ApexFrequency, double Resistance);
