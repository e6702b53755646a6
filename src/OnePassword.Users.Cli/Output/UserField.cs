using OnePassword.Users.Models;

namespace OnePassword.Users.Cli.Output;

/// <summary>One printed field of a user.</summary>
/// <param name="WireName">The API's JSON name, also the CSV header and the key in <c>key: value</c> blocks.</param>
/// <param name="Header">The column title in tables.</param>
/// <param name="Value">The field's text.</param>
internal sealed record UserField(string WireName, string Header, Func<User, string> Value);
