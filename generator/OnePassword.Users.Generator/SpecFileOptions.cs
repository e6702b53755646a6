using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Naming;

namespace OnePassword.Users.Generator;

/// <summary>Reads the OpenApi* item metadata of a spec AdditionalFile into <see cref="ClientOptions"/>.</summary>
internal static class SpecFileOptions
{
    private const string Prefix = "build_metadata.AdditionalFiles.";

    public static bool IsSpec(AnalyzerConfigOptions options) =>
        options.TryGetValue(Prefix + "OpenApiSpec", out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    public static string? BaselineFor(AnalyzerConfigOptions options) =>
        options.TryGetValue(Prefix + "OpenApiBaselineFor", out var value) && value.Length > 0 ? value : null;

    public static (ClientOptions Options, DiagnosticInfo? Error) Read(string path, AnalyzerConfigOptions options, string? rootNamespace)
    {
        var fileName = Path.GetFileNameWithoutExtension(path);
        var defaultNamespace = string.IsNullOrEmpty(rootNamespace) ? Identifiers.ToPascalCase(fileName) : rootNamespace!;
        var ns = Get(options, "OpenApiNamespace") ?? defaultNamespace;
        var clientName = Get(options, "OpenApiClientName") ?? Identifiers.ToPascalCase(fileName) + "Client";
        var accessibility = Get(options, "OpenApiAccessibility") ?? "public";

        string? problem = null;
        if (!ns.Split('.').All(Identifiers.IsValidIdentifier))
        {
            problem = $"OpenApiNamespace '{ns}' is not a valid C# namespace";
            ns = defaultNamespace.Split('.').All(Identifiers.IsValidIdentifier) ? defaultNamespace : "GeneratedClient";
        }

        if (!Identifiers.IsValidIdentifier(clientName) || Identifiers.IsKeyword(clientName))
        {
            problem = $"OpenApiClientName '{clientName}' is not a valid C# type name";
            clientName = "ApiClient";
        }

        if (accessibility is not ("public" or "internal"))
        {
            problem = $"OpenApiAccessibility must be 'public' or 'internal', not '{accessibility}'";
            accessibility = "public";
        }

        var error = problem is null
            ? null
            : new DiagnosticInfo(DiagnosticDescriptors.InvalidOption.Id, new[] { problem }.ToEquatableArray(), new SpecLocation(path, 0, 0, 0, 0, 0, 0));
        return (new ClientOptions(ns, clientName, accessibility == "public"), error);
    }

    private static string? Get(AnalyzerConfigOptions options, string name) =>
        options.TryGetValue(Prefix + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
