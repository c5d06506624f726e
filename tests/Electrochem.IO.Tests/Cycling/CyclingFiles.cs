using Electrochem.Cycling;
using Electrochem.IO.Cycling;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>Paths of the bundled cycler files (Data/cycling/…, see each folder's SOURCE.md) and reading helpers.</summary>
internal static class CyclingFiles
{
    public static string Beep(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "beep", name);

    public static string Cellpy(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "cycling", "cellpy", name);

    /// <summary>Reads a file and fails the test with the reader's message when it cannot.</summary>
    public static CyclerRecording Read(string path, CyclerReadOptions? options = null)
    {
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(path, options);
        Assert.True(result.IsSuccess, result.ToString());
        return result.Value;
    }

    /// <summary>The largest value of a column over the rows whose cycle counter equals <paramref name="cycle"/>.</summary>
    public static double MaxInCycle(CyclerRecording recording, RecordingColumn column, double cycle)
    {
        ReadOnlySpan<double> cycles = recording.CycleIndex!.Values;
        ReadOnlySpan<double> values = column.Values;
        double max = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (cycles[i] == cycle && values[i] > max)
            {
                max = values[i];
            }
        }

        return max;
    }
}
