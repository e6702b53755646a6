namespace OnePassword.Users.Hardening.Tests.Support;

/// <summary>
/// Tests that measure the process's allocations run alone, with no other test of this assembly
/// allocating beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "Allocation measurements";
}
