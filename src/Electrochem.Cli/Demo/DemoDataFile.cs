using System.Text;

namespace Electrochem.Cli.Demo;

/// <summary>One example data file: its name and its exact text (UTF-8 without byte-order mark, \n line ends).</summary>
/// <param name="Name">File name, e.g. <c>base-pta-sigma-vs-T.csv</c>.</param>
/// <param name="Content">The file's text.</param>
internal sealed record DemoDataFile(string Name, string Content)
{
    /// <summary>The file's bytes: UTF-8 without byte-order mark.</summary>
    internal byte[] ToBytes() => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Content);
}
