namespace OnePassword.Users.Emulator.Standalone;

/// <summary>The command line is wrong; the message says how, for printing next to the usage text.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
