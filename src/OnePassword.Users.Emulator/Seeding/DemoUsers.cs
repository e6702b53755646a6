using OnePassword.Users.Emulator.State;

namespace OnePassword.Users.Emulator.Seeding;

/// <summary>Generates the demo account's users from fixed name lists, so every run sees the same data.</summary>
internal static class DemoUsers
{
    private const int OwnerCount = 2;
    private const int AdminCount = 10;
    private const int ExternallyManagedAdminCount = 2;

    private static readonly DateTimeOffset FirstCreateTime = new(2021, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] FirstNames =
    [
        "Wendy", "Riley", "Jordan", "Avery", "Morgan", "Casey", "Taylor", "Jamie", "Alex", "Sam",
        "Priya", "Mateo", "Aisha", "Liam", "Noor", "Kenji", "Sofia", "Omar", "Elena", "Tariq",
        "Hannah", "Diego", "Mei", "Lucas", "Zara", "Ethan", "Ines", "Kofi", "Chloe", "Ravi",
        "Freya", "Hugo", "Amara", "Leo", "Yuki", "Nadia", "Felix", "Isla", "Marco", "Leila",
    ];

    private static readonly string[] LastNames =
    [
        "Appleseed", "Smith", "Nguyen", "Garcia", "Okafor", "Kowalski", "Schmidt", "Tanaka", "Rossi", "Dubois",
        "Patel", "Haddad", "Johansson", "Murphy", "Costa", "Novak", "Fischer", "Silva", "Kim", "Moreau",
        "Larsen", "Mendes", "Ahmed", "Walsh", "Ivanova", "Baker", "Fernandez", "Chen", "Oconnor", "Singh",
        "Ramos", "Eriksen", "Bianchi", "Yilmaz", "Hughes", "Sato", "Lopez", "Berg", "Adeyemi", "Laurent",
    ];

    public static IEnumerable<SeedUser> Create(string accountId, int userCount)
    {
        var emails = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < userCount; i++)
        {
            // Stepping the last name with the block number pairs every first name with every last
            // name before any pair repeats (1600 users); beyond that a number keeps emails unique.
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[((i * 7) + (i / FirstNames.Length)) % LastNames.Length];
            var email = $"{first}.{last}@example.com".ToLowerInvariant();
            if (!emails.Add(email))
            {
                email = $"{first}.{last}{i}@example.com".ToLowerInvariant();
                emails.Add(email);
            }

            var role = i < OwnerCount ? UserRole.Owner : i < OwnerCount + AdminCount ? UserRole.Admin : UserRole.Member;
            var externallyManaged = role == UserRole.Admin && i >= OwnerCount + AdminCount - ExternallyManagedAdminCount;
            var suspended = role == UserRole.Member && i % 10 == 7;
            var createTime = FirstCreateTime + TimeSpan.FromHours(26 * i) + TimeSpan.FromMinutes((i * 17) % 60);

            yield return new SeedUser(
                email,
                $"{first} {last}",
                role,
                suspended ? UserState.Suspended : UserState.Active,
                externallyManaged,
                createTime,
                accountId,
                UserIds.Derive($"demo/{accountId}/{i}"));
        }
    }
}
