using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Parsing;
using OnePassword.Users.Generator.Parsing.Reading;

namespace OnePassword.Users.Generator.Compatibility;

/// <summary>Reads the <see cref="ApiContract"/> of a spec; null when the spec cannot be read.</summary>
internal static class ContractReader
{
    private static readonly Regex Parameter = new(@"\{[^{}]*\}", RegexOptions.CultureInvariant);

    // The generated client folds a version prefix into its base URL (/v1beta1 -> /v1 changes no
    // client code), so operations are compared without it.
    private static readonly Regex VersionPrefix = new(@"^(/[^/{}:]+)*?/v[0-9]+([a-z]+[0-9]*)?(?=/)", RegexOptions.CultureInvariant);

    public static ApiContract? Read(string path, string text)
    {
        var document = SpecDocument.Load(path, text, []);
        if (document is null)
        {
            return null;
        }

        var operations = new List<ContractOperation>();
        var parameters = new List<ContractParameter>();
        foreach (var pathEntry in SpecDocument.Entries(document.Map(document.Root, "paths")))
        {
            if (document.Resolve(pathEntry.Value, out _) is not { } item)
            {
                continue;
            }

            foreach (var method in OpenApiMethods.All)
            {
                if (document.Map(item, method) is not { } operation)
                {
                    continue;
                }

                var key = method.ToUpperInvariant() + " " + Parameter.Replace(VersionPrefix.Replace(pathEntry.Key, string.Empty), "{}");
                var display = method.ToUpperInvariant() + " " + pathEntry.Key;
                operations.Add(new ContractOperation(key, display, Locate(document, operation)));
                foreach (var node in (document.Sequence(item, "parameters")?.Children ?? []).Concat(document.Sequence(operation, "parameters")?.Children ?? []))
                {
                    if (document.Resolve(node, out _) is { } parameter && document.String(parameter, "name") is { } name && document.String(parameter, "in") is { } location)
                    {
                        // Path parameters are matched by position, so renaming {account} to {account_id} is not a change.
                        parameters.RemoveAll(p => p.OperationKey == key && p.Name == name && p.In == location);
                        parameters.Add(new ContractParameter(key, display, location == "path" ? "{}" + name : name, location, document.Bool(parameter, "required"),
                            TypeOf(document, document.Child(parameter, "schema")), Locate(document, node)));
                    }
                }
            }
        }

        var properties = new List<ContractProperty>();
        var enumValues = new List<ContractEnumValue>();
        var schemas = document.Map(document.Map(document.Root, "components") ?? SpecMap.Empty, "schemas");
        foreach (var schemaEntry in SpecDocument.Entries(schemas))
        {
            var schemaName = TypeNames.ForComponent(schemaEntry.Key);
            if (document.Resolve(schemaEntry.Value, out _) is not { } schema)
            {
                continue;
            }

            foreach (var property in SpecDocument.Entries(document.Map(schema, "properties")))
            {
                properties.Add(new ContractProperty(schemaName, property.Key, TypeOf(document, property.Value), Locate(document, property.Value)));
            }

            foreach (var value in (document.Sequence(schema, "enum")?.Children ?? []).OfType<SpecScalar>())
            {
                enumValues.Add(new ContractEnumValue(schemaName, value.Value ?? string.Empty, Locate(document, value)));
            }
        }

        return new ApiContract(operations.ToEquatableArray(), parameters.ToEquatableArray(), properties.ToEquatableArray(), enumValues.ToEquatableArray());
    }

    /// <summary>A comparable spelling of a schema's type: a component name, or type/format, or array of either.</summary>
    private static string TypeOf(SpecDocument document, SpecNode? node)
    {
        if (node is not SpecMap schema)
        {
            return "any";
        }

        if (document.String(schema, "$ref") is { } reference)
        {
            return TypeNames.ForComponent(reference.Substring(reference.LastIndexOf('/') + 1));
        }

        var type = document.Child(schema, "type") switch
        {
            SpecScalar scalar => scalar.Value,
            SpecSequence list => string.Join("|", list.Children.OfType<SpecScalar>().Select(v => v.Value).Where(v => v != "null")),
            _ => null,
        };
        return type switch
        {
            "array" => "array of " + TypeOf(document, document.Child(schema, "items")),
            null => document.Map(schema, "properties") is null ? "any" : "object",
            _ => document.String(schema, "format") is { } format ? type + "/" + format : type,
        };
    }

    private static SpecLocation Locate(SpecDocument document, SpecNode node) => document.LocationOf(node);
}
