using System;
using System.Globalization;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>How query parameter values are validated and formatted for the URL (culture-invariant).</summary>
internal static class QueryCode
{
    /// <summary>An expression turning a non-null value into what Kiota's URI template expands.</summary>
    public static string Format(TypeRef type, string models, string value) => type.Kind switch
    {
        TypeKind.String => value,
        TypeKind.Int32 or TypeKind.Int64 or TypeKind.Float or TypeKind.Double or TypeKind.Decimal =>
            $"{value}.ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.Boolean => $"({value} ? \"true\" : \"false\")",
        TypeKind.DateTimeOffset => $"{value}.ToString(\"o\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.Date => $"{value}.ToString(\"yyyy-MM-dd\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.Guid => $"{value}.ToString(\"D\", global::System.Globalization.CultureInfo.InvariantCulture)",
        TypeKind.Enum => $"global::{models}.{type.Name}Json.ToWireName({value})",
        TypeKind.Bytes => $"global::System.Convert.ToBase64String({value})",
        TypeKind.Array => $"global::System.Linq.Enumerable.ToArray(global::System.Linq.Enumerable.Select({value}, static item => {Format(type.Item!, models, "item")}))",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>A numeric bound from the spec as a C# literal, or null when it is not a plain number.</summary>
    public static string? Bound(TypeRef type, string? bound)
    {
        if (bound is null)
        {
            return null;
        }

        return type.Kind switch
        {
            TypeKind.Int32 or TypeKind.Int64 when long.TryParse(bound, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) =>
                integer.ToString(CultureInfo.InvariantCulture),
            TypeKind.Float or TypeKind.Double or TypeKind.Decimal when double.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) =>
                real.ToString("R", CultureInfo.InvariantCulture) + (type.Kind == TypeKind.Decimal ? "m" : type.Kind == TypeKind.Float ? "f" : "d"),
            _ => null,
        };
    }

    /// <summary>An RFC 6570 variable name for a wire name: characters outside [A-Za-z0-9_] are percent-encoded.</summary>
    public static string TemplateVariable(string wireName)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(wireName))
        {
            var c = (char)b;
            if (b < 128 && (char.IsLetterOrDigit(c) || c == '_'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
