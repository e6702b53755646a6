namespace OnePassword.Users.Emulator.State;

/// <summary>The result of a suspend or reactivate: the outcome and, when applied, the updated user.</summary>
internal readonly record struct StateChange(StateChangeOutcome Outcome, EmulatorUser? User);
