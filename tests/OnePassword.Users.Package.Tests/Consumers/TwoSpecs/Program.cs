using Contoso.Identity.OnePassword;
using Contoso.Library;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using OnePassword.Users.Runtime;

// Two generated clients side by side; both have a Models namespace of their own.
await using var users = OnePasswordUsersClient.Create(new ApiClientOptions
{
    ClientId = "client-id",
    ClientSecret = "client-secret",
    Region = "1password.eu",
});
var list = users.Accounts["ACCOUNT"].Users.ToGetRequestInformation(request =>
{
    request.QueryParameters.Filter = Contoso.Identity.OnePassword.Models.ListUsersFilter.Suspended;
    request.QueryParameters.MaxPageSize = 100;
});
Console.WriteLine($"users {list.HttpMethod} {list.URI.AbsoluteUri}");
Console.WriteLine($"suspend {users.Accounts["ACCOUNT"].Users["USER/1"].Suspend.ToPostRequestInformation().URI.AbsoluteUri}");

var library = new LibraryClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()));
var books = library.Libraries["L 1"].Shelves["S"].ListBooks.ToGetRequestInformation(request => request.QueryParameters.Genre = "poetry");
Console.WriteLine($"books {books.HttpMethod} {books.URI.AbsoluteUri}");

Contoso.Library.Models.Book book = new() { Isbn = "978-0" };
Contoso.Identity.OnePassword.Models.User user = new() { Email = "wendy@example.com" };
Console.WriteLine($"models {book.Isbn} {user.Email}");
Console.WriteLine($"public types {typeof(OnePasswordUsersClient).IsPublic} {typeof(LibraryClient).IsPublic}");
