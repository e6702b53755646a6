namespace OnePassword.Users.Emulator.Seeding;

/// <summary>The JSON seed file: <c>{"accounts":["ID"],"users":[{...}]}</c>. Values stay strings so errors can name the user.</summary>
internal sealed class JsonSeedDocument
{
    public List<string>? Accounts { get; set; }

    public List<JsonSeedUser>? Users { get; set; }
}
