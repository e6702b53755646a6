using OnePassword.Users;
using OnePassword.Users.Emulator;
using OnePassword.Users.Runtime;
using EmulatorUserState = OnePassword.Users.Emulator.UserState;

var start = new DateTimeOffset(2024, 1, 15, 10, 30, 0, TimeSpan.Zero);
var seed = new EmulatorSeed(
[
    new SeedUser("owner@example.com", "Olivia Owner", UserRole.Owner, CreateTime: start),
    new SeedUser("wendy@example.com", "Wendy Appleseed", CreateTime: start.AddDays(1)),
    new SeedUser("riley@example.com", "Riley Smith", State: EmulatorUserState.Suspended, CreateTime: start.AddDays(2)),
]);

await using var emulator = await UsersApiEmulator.StartAsync(new EmulatorOptions { Seed = seed });
await using var client = UsersApiClient.Create(new ApiClientOptions
{
    ClientId = emulator.DefaultClient.ClientId,
    ClientSecret = emulator.DefaultClient.ClientSecret,
    BaseUrl = emulator.BaseUrl,
});

var users = client.Accounts[emulator.DefaultAccountId].Users;
string? wendyId = null;
await foreach (var user in users.ListAllAsync())
{
    Console.WriteLine($"listed {user.Email} {user.State}");
    if (user.Email == "wendy@example.com")
    {
        wendyId = user.Id;
    }
}

var suspended = await users[wendyId!].Suspend.PostAsync();
Console.WriteLine($"suspended {suspended.Email} {suspended.State}");
Console.WriteLine($"emulator state {emulator.State.GetUser(emulator.DefaultAccountId, wendyId!)!.State}");

var reactivated = await users[wendyId!].Reactivate.PostAsync();
Console.WriteLine($"reactivated {reactivated.Email} {reactivated.State}");

try
{
    await users["NO-SUCH-USER"].GetAsync();
}
catch (NotFoundException notFound)
{
    Console.WriteLine($"not found {notFound.ResponseStatusCode}");
}

Console.WriteLine($"suspend requests {emulator.Statistics.RequestsFor(EmulatorOperation.SuspendUser)}");
Console.WriteLine($"user agent {ApiClientOptions.DefaultUserAgent}");
