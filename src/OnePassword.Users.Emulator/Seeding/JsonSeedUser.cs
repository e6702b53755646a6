namespace OnePassword.Users.Emulator.Seeding;

/// <summary>One user of a JSON seed file, with the same snake_case fields as the CSV header.</summary>
internal sealed class JsonSeedUser
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Role { get; set; }

    public string? State { get; set; }

    public bool? ExternallyManaged { get; set; }

    public string? CreateTime { get; set; }

    public string? AccountId { get; set; }

    public string? Id { get; set; }
}
