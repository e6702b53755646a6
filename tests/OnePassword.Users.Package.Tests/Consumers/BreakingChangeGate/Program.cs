using Contoso.Identity.OnePassword;
using OnePassword.Users.Runtime;

// Written against v1beta1; the version prefix lives in the base URL, so it compiles unchanged against v1.
await using var client = OnePasswordUsersClient.Create(new ApiClientOptions { ClientId = "id", ClientSecret = "secret" });
Console.WriteLine($"suspend {client.Accounts["A"].Users["U"].Suspend.ToPostRequestInformation().URI.AbsoluteUri}");
