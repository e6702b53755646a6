using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Compatibility;

/// <summary>
/// What a client relies on in a spec, each fact with where it is written: the operations,
/// their parameters, the schemas' properties and enum values. Breaking changes are
/// differences between two of these.
/// </summary>
internal sealed record ApiContract(
    EquatableArray<ContractOperation> Operations,
    EquatableArray<ContractParameter> Parameters,
    EquatableArray<ContractProperty> Properties,
    EquatableArray<ContractEnumValue> EnumValues);

/// <summary>An operation, keyed by method and path with parameter names blanked (<c>GET /users/{}</c>).</summary>
internal sealed record ContractOperation(string Key, string Display, SpecLocation Location);

/// <summary>A parameter of an operation.</summary>
internal sealed record ContractParameter(string OperationKey, string OperationDisplay, string Name, string In, bool Required, string Type, SpecLocation Location);

/// <summary>A property of a named schema.</summary>
internal sealed record ContractProperty(string Schema, string Name, string Type, SpecLocation Location);

/// <summary>A value of a named enum schema.</summary>
internal sealed record ContractEnumValue(string Schema, string Value, SpecLocation Location);
