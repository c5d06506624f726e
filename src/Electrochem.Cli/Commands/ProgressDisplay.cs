using Spectre.Console;

namespace Electrochem.Cli.Commands;

/// <summary>A progress bar on standard error for work over many items, shown only on an interactive terminal.</summary>
internal static class ProgressDisplay
{
    /// <summary>
    /// Runs <paramref name="work"/>, handing it a step callback (thread-safe) that advances a bar titled
    /// <paramref name="title"/>, when standard error is a terminal and there is more than one item; otherwise the
    /// callback is null and nothing is drawn (redirected output and tests stay clean).
    /// </summary>
    /// <param name="stderr">The command's standard error.</param>
    /// <param name="count">Number of items.</param>
    /// <param name="title">The bar's title.</param>
    /// <param name="work">The work; calls the step once per item finished.</param>
    internal static void Run(TextWriter stderr, int count, string title, Action<Action?> work)
    {
        bool interactive = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected && count > 1;
        if (!interactive)
        {
            work(null);
            return;
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().Start(context =>
        {
            ProgressTask task = context.AddTask(title, maxValue: count);
            work(() => task.Increment(1));
        });
    }
}
