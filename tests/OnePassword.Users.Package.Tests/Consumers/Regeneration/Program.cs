using Contoso.Identity.OnePassword;
using OnePassword.Users.Runtime;

await using var client = OnePasswordUsersClient.Create(new ApiClientOptions { ClientId = "id", ClientSecret = "secret" });
Console.WriteLine($"suspend {client.Accounts["A"].Users["U"].Suspend.ToPostRequestInformation().URI.AbsoluteUri}");
