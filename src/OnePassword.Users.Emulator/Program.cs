using System.Runtime.InteropServices;
using OnePassword.Users.Emulator.Standalone;

namespace OnePassword.Users.Emulator;

/// <summary>Runs the emulator standalone until Ctrl+C, for trying a client by hand or from another language.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        EmulatorOptions options;
        try
        {
            var arguments = CommandLineParser.Parse(args);
            if (arguments.ShowHelp)
            {
                Console.WriteLine(CommandLineParser.Usage);
                return 0;
            }

            options = arguments.ToOptions(File.ReadAllText);
        }
        catch (Exception exception) when (exception is CommandLineException or FormatException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            await Console.Error.WriteLineAsync(CommandLineParser.Usage).ConfigureAwait(false);
            return 2;
        }

        // Ctrl+C in a terminal, SIGTERM from a container runtime or a CI script: all mean stop cleanly.
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }

        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var emulator = await UsersApiEmulator.StartAsync(options, stop.Token).ConfigureAwait(false);

        // Printing the generated secret is the point: this is a local test server, and the caller needs it.
        Console.WriteLine($"1Password Users API emulator listening on {emulator.BaseUrl.GetLeftPart(UriPartial.Authority)}");
        Console.WriteLine($"  account id:    {emulator.DefaultAccountId}");
        Console.WriteLine($"  client id:     {emulator.DefaultClient.ClientId}");
        Console.WriteLine($"  client secret: {emulator.DefaultClient.ClientSecret}");
        Console.WriteLine($"  users:         {emulator.State.CountUsers(emulator.DefaultAccountId)}");
        Console.WriteLine("Press Ctrl+C to stop.");

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopping.");
        }

        return 0;
    }
}
