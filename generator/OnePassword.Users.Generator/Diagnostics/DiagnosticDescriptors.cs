using Microsoft.CodeAnalysis;

namespace OnePassword.Users.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: they are listed in
/// AnalyzerReleases.*.md, and users re-grade them with <c>openapi_diagnostic.ID.severity</c> in
/// the .editorconfig section of the spec (<see cref="SeverityOptions"/>) or with
/// <c>dotnet_diagnostic.ID.severity</c> in a .globalconfig.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string SpecCategory = "OpenApiSpec";
    private const string BreakingCategory = "OpenApiBreakingChange";

    public static readonly DiagnosticDescriptor InvalidDocument = new(
        "OAG001", "The spec is not valid YAML or JSON", "The spec cannot be read: {0}",
        SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NotOpenApi3 = new(
        "OAG002", "The file is not an OpenAPI 3 document", "{0}",
        SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "OAG003", "A $ref does not resolve", "The reference '{0}' does not resolve to anything in the spec",
        SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "OAG004", "A construct of the spec is not supported", "{0}",
        SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "OAG005", "Two operations have one URL and method", "{0} maps to '{1}', which {2} already has; it is skipped",
        SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor KeywordName = new(
        "OAG006", "A spec name is a C# keyword", "The name '{0}' is a C# keyword; it is generated as '@{0}'",
        SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidOption = new(
        "OAG007", "A generator option for the spec is invalid", "{0}",
        SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PathParameterMismatch = new(
        "OAG008", "Path parameters do not match the path template", "{0}",
        SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "OAG009", "The generator failed on this spec", "The generator failed unexpectedly: {0}",
        SpecCategory, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Renamed = new(
        "OAG010", "A spec name was changed to keep C# names unique", "{0} is generated as '{1}', since '{2}' is taken by {3}; its wire name is unchanged",
        SpecCategory, DiagnosticSeverity.Info, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "OAG011", "A key appears twice in one mapping", "The key '{0}' appears more than once in this mapping; the last value is used",
        SpecCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OperationRemoved = new(
        "OAG101", "Breaking change: an operation was removed", "Breaking change: {0} was removed (it is in the baseline spec)",
        BreakingCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ParameterBecameRequired = new(
        "OAG102", "Breaking change: a parameter became required", "Breaking change: parameter '{0}' of {1} is required now",
        BreakingCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PropertyRemoved = new(
        "OAG103", "Breaking change: a response property was removed", "Breaking change: property '{0}' of schema '{1}' was removed",
        BreakingCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EnumValueRemoved = new(
        "OAG104", "Breaking change: an enum value was removed", "Breaking change: value '{0}' of enum '{1}' was removed",
        BreakingCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor TypeChanged = new(
        "OAG105", "Breaking change: a type changed", "Breaking change: the type of {0} changed from {1} to {2}",
        BreakingCategory, DiagnosticSeverity.Warning, isEnabledByDefault: true);
}
