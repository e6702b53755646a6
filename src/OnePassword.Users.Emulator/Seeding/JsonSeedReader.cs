using System.Text.Json;
using OnePassword.Users.Emulator.Http;

namespace OnePassword.Users.Emulator.Seeding;

/// <summary>Reads a JSON seed into seed users, naming the offending user when a value is wrong.</summary>
internal static class JsonSeedReader
{
    public static EmulatorSeed Read(string json)
    {
        JsonSeedDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, EmulatorJsonContext.Default.JsonSeedDocument);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"The JSON seed is not valid: {exception.Message}", exception);
        }

        if (document is null)
        {
            throw new FormatException("The JSON seed is empty; expected {\"accounts\":[...],\"users\":[...]}.");
        }

        var users = new List<SeedUser>();
        var entries = document.Users ?? [];
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index] ?? throw new FormatException($"JSON seed user {index}: the entry is null.");
            var where = $"JSON seed user {index}";
            users.Add(new SeedUser(
                SeedValues.Required(entry.Email, "email", where),
                SeedValues.Optional(entry.DisplayName) ?? string.Empty,
                SeedValues.Role(entry.Role, where),
                SeedValues.State(entry.State, where),
                entry.ExternallyManaged ?? false,
                SeedValues.Time(entry.CreateTime, where),
                SeedValues.Optional(entry.AccountId),
                SeedValues.Optional(entry.Id)));
        }

        return new EmulatorSeed(users, document.Accounts);
    }
}
