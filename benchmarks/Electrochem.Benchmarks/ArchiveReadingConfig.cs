using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace Electrochem.Benchmarks;

/// <summary>
/// Reading file after file in one process, as a pipeline over an archive does: 30 warm-up reads, so that tiered
/// compilation has finished and the GC heap has grown to the size the reads need (a fresh process first has to get
/// every column's memory from the operating system: the first ten or so reads of a 60 MB recording are about three
/// times slower), then 60 measured reads with no full collection forced between them and no outlier removed, so the
/// mean carries the collections the reads cause (every few reads of a large file) where they fall, as a pipeline meets
/// them.
/// </summary>
public sealed class ArchiveReadingConfig : ManualConfig
{
    public ArchiveReadingConfig() =>
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(30)
            .WithIterationCount(60)
            .WithGcForce(false)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithId("ArchiveReading"));
}
