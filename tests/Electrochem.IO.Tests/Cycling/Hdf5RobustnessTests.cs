using System.Buffers.Binary;
using Electrochem.Cycling;
using Electrochem.IO.Cycling;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Electrochem.IO.Tests.Cycling;

/// <summary>
/// The HDF5 reader on damaged files: truncation, bit flips anywhere or in the superblock and object headers near the
/// start, and sizes, counts and addresses that lie. Each must give a recording or a <see cref="DataFileError"/> on
/// line 1 naming the file — never another exception (PureHDF's own are wrapped) or an endless loop. Allocation is bounded by
/// <see cref="AllocationAllowance"/>: PureHDF may allocate a damaged header's stated size before it fails.
/// </summary>
public sealed class Hdf5RobustnessTests : IDisposable
{
    internal static readonly Lazy<(string Name, byte[] Bytes)[]> Samples = new(() =>
    [
        (Hdf5Tests.ArbinSql, File.ReadAllBytes(CyclingFiles.Cellpy(Hdf5Tests.ArbinSql))),
        (Hdf5Tests.Indigo, File.ReadAllBytes(CyclingFiles.Beep(Hdf5Tests.Indigo))),
    ]);

    /// <summary>
    /// PureHDF allocates a header's buffer from the size the header states before reading it (its drivers'
    /// <c>ReadBytes(int)</c>), so a damaged attribute or heap size can allocate up to 2 GiB — untouched beyond the file's
    /// length, and released when the read fails — before the damage is reported. The reader's own allocations stay
    /// within the usual bound; this is the allowance for the library's.
    /// </summary>
    internal const long AllocationAllowance = (2L << 30) + (64L << 20);

    private readonly CyclerFileRobustnessTests _checks = new();

    public void Dispose() => _checks.Dispose();

    [Theory]
    [InlineData(0, 8)]
    [InlineData(0, 100)]
    [InlineData(1, 4096)]
    [InlineData(1, 600_000)]
    public void A_truncated_file_is_refused_with_its_name(int sample, int length)
    {
        (string name, byte[] bytes) = Samples.Value[sample];
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(new MemoryStream(bytes[..length]), name);
        Assert.False(result.IsSuccess);
        Assert.Equal(name, result.Error!.FilePath);
        Assert.Equal(1, result.Error.LineNumber);
    }

    [Fact]
    public void A_dataset_claiming_more_bytes_than_the_file_is_refused_before_allocating()
    {
        // The Indigo sample's block values are contiguous: cut the file after its metadata and the sizes no longer fit.
        (string name, byte[] bytes) = Samples.Value[1];
        long before = GC.GetAllocatedBytesForCurrentThread();
        DataFileResult<CyclerRecording> result = CyclerFile.TryRead(new MemoryStream(bytes[..(bytes.Length / 3)]), name);
        Assert.False(result.IsSuccess);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 64L << 20);
    }

    [Property(MaxTest = 100)]
    public Property Damaged_files_read_or_fail_with_the_file(int seed)
    {
        var random = new Random(seed);
        (string name, byte[] bytes) = Samples.Value[random.Next(Samples.Value.Length)];
        for (int m = 0, count = 1 + random.Next(3); m < count; m++)
        {
            bytes = Mutate(bytes, random);
        }

        _checks.AssertHandled(name, bytes, AllocationAllowance);
        return true.ToProperty();
    }

    /// <summary>One damage to an HDF5 file: truncation, bit flips anywhere or in its first 4 KiB (superblock, root group, object headers), and 8-byte sizes or addresses that lie.</summary>
    internal static byte[] Mutate(byte[] bytes, Random random)
    {
        if (bytes.Length < 64)
        {
            return bytes.Length == 0 ? bytes : bytes[..random.Next(bytes.Length)];
        }

        byte[] copy = (byte[])bytes.Clone();
        int head = Math.Min(copy.Length, 4096);
        switch (random.Next(5))
        {
            case 0: // truncate anywhere
                return bytes[..random.Next(bytes.Length)];
            case 1: // flip bits anywhere
                for (int i = 0; i < 1 + random.Next(8); i++)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 2: // flip bits in the superblock and the first object headers
                for (int i = 0; i < 1 + random.Next(4); i++)
                {
                    copy[random.Next(head)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            case 3: // an 8-byte size or address that lies
                ulong value = random.Next(3) switch { 0 => ulong.MaxValue, 1 => (ulong)random.Next(bytes.Length * 2), _ => (ulong)random.NextInt64() };
                BinaryPrimitives.WriteUInt64LittleEndian(copy.AsSpan(random.Next(copy.Length - 8)), value);
                return copy;
            default: // a 4-byte count that lies, near the start
                BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(random.Next(head - 4)), random.Next(2) == 0 ? uint.MaxValue : (uint)random.Next(1 << 20));
                return copy;
        }
    }
}
