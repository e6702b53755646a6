using System.Diagnostics;
using System.Globalization;
using OnePassword.Users;
using OnePassword.Users.Redis;
using OnePassword.Users.Runtime;
using StackExchange.Redis;

// A worker of a fleet: <base-url> <client-id> <client-secret> <account> <user> <calls> <redis> <token-key-base64> <limit> <window-ms>.
// It makes <calls> sequential get-user calls through a client coordinated by Redis, then prints
// one line: succeeded rate_limited failed first_call_unix_ms last_call_unix_ms.
if (args.Length != 10)
{
    Console.Error.WriteLine("usage: worker <base-url> <client-id> <client-secret> <account> <user> <calls> <redis> <token-key-base64> <limit> <window-ms>");
    return 2;
}

using var loggers = new Microsoft.Extensions.Logging.LoggerFactory([new OnePassword.Users.Redis.Worker.StderrLoggerProvider()]);
using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(args[6]);
var options = new ApiClientOptions
{
    BaseUrl = new Uri(args[0]),
    ClientId = args[1],
    ClientSecret = args[2],
    LoggerFactory = loggers,
    RateLimit = new RateLimitOptions
    {
        Rules = [new RateLimitRule(int.Parse(args[8], CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(int.Parse(args[9], CultureInfo.InvariantCulture)))],
        // A margin for the jitter between a permit and its request's arrival, with four processes on two cores.
        SafetyMargin = TimeSpan.FromMilliseconds(500),
    },
    Coordination = new RedisCoordination(redis, new RedisCoordinationOptions { TokenEncryptionKey = Convert.FromBase64String(args[7]) }),
};
await using var client = UsersApiClient.Create(options);
var user = client.Accounts[args[3]].Users[args[4]];
int calls = int.Parse(args[5], CultureInfo.InvariantCulture);
int succeeded = 0, rateLimited = 0, failed = 0;
long first = 0, last = 0;
for (int i = 0; i < calls; i++)
{
    try
    {
        await user.GetAsync();
        succeeded++;
    }
    catch (RateLimitedException)
    {
        rateLimited++;
    }
    catch (Exception exception) when (exception is Microsoft.Kiota.Abstractions.ApiException)
    {
        failed++;
        Console.Error.WriteLine(exception.Message);
    }

    last = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    if (i == 0)
    {
        first = last;
    }
}

Console.WriteLine(string.Join(' ', succeeded, rateLimited, failed, first, last));
Debug.Assert(succeeded + rateLimited + failed == calls);
return 0;
