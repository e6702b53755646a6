namespace OnePassword.Users.Emulator.Faults;

/// <summary>The faults chosen for one request: a delay, then either a dropped connection, an error status, or neither.</summary>
internal readonly record struct FaultDecision(TimeSpan Latency, bool DropConnection, int? ErrorStatus);
