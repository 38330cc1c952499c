using Spectre.Console;

namespace Trinity.Host.Cli;

/// <summary>
/// Spectre.Console over the CLI's output: on a terminal, colours (unless NO_COLOR) and tables that fit its width;
/// piped, redirected or captured, plain text with no escape codes and lines as long as their content, for grep and awk.
/// </summary>
public static class CliConsole
{
    private const int UnwrappedWidth = 4096;

    public static IAnsiConsole For(TextWriter writer)
    {
        var terminal = writer == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = UnwrappedWidth;
        return console;
    }
}
