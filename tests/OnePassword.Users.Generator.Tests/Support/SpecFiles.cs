namespace OnePassword.Users.Generator.Tests.Support;

/// <summary>The spec files copied next to the test assembly.</summary>
internal static class SpecFiles
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", name));

    public static string UsersApi => Read("users-api.yaml");

    public static string PublishedV1Beta1 => Read("published-v1beta1.openapi.json");
}
