using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace OnePassword.Users.Spec.Tests;

/// <summary>Loads openapi/users-api.yaml once per test run with Microsoft.OpenApi.</summary>
internal static class UsersApiSpec
{
    private static readonly Lazy<ReadResult> Loaded = new(Load);

    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "spec", "users-api.yaml");

    public static ReadResult Result => Loaded.Value;

    public static OpenApiDocument Document => Result.Document ?? throw new InvalidOperationException("The spec did not load.");

    public static OpenApiOperation Operation(string path, HttpMethod method) =>
        Document.Paths[path].Operations![method];

    private static ReadResult Load()
    {
        var json = YamlToJson.Convert(File.ReadAllText(Path))!.ToJsonString();
        return OpenApiDocument.Parse(json, "json", new OpenApiReaderSettings());
    }
}
