namespace Electrochem.IO.Tests;

/// <summary>
/// The GPL EC-Lab files of dgbowl/yadg, read in place from ../shared/data/cycling/yadg-biologic next to the repository
/// and never copied into it. A test that asks for one skips, saying why, when the folder is absent.
/// </summary>
internal static class SharedYadgFiles
{
    private const string Folder = "data/cycling/yadg-biologic";

    /// <summary>The path of a shared file; skips the calling test when ../shared is absent.</summary>
    public static string Path(string name)
    {
        string? folder = FindFolder();
        Assert.SkipUnless(folder is not null, $"../shared/{Folder} not found: these GPL test files are read in place and never copied into the repo");
        return System.IO.Path.Combine(folder!, name);
    }

    /// <summary>The folder containing Electrochem.sln, found by walking up from the test assembly, then ../shared/….</summary>
    private static string? FindFolder()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Electrochem.sln")))
            {
                string shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", Folder));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
