using System.Text;

namespace Electrochem.IO.Tests;

/// <summary>A file with given content in a fresh temporary folder, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string _folder;

    private TempFile(string name, byte[] content)
    {
        _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "electrochem-io-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, name);
        File.WriteAllBytes(Path, content);
    }

    public string Path { get; }

    public static TempFile WithText(string text, string name = "data.csv") => new(name, new UTF8Encoding(false).GetBytes(text));

    public static TempFile WithBytes(byte[] content, string name = "data.csv") => new(name, content);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
