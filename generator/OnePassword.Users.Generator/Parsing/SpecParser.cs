using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OnePassword.Users.Generator.Diagnostics;
using OnePassword.Users.Generator.Model;
using OnePassword.Users.Generator.Parsing.Reading;

namespace OnePassword.Users.Generator.Parsing;

/// <summary>The parser's output: the model (null when the spec is unusable) and the diagnostics.</summary>
internal sealed record ParsedSpec(ApiModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Turns one spec file into an <see cref="ApiModel"/>. Never throws.</summary>
internal static class SpecParser
{
    public static ParsedSpec Parse(string filePath, string text, ClientOptions options)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            var document = SpecDocument.Load(filePath, text, diagnostics);
            var model = document is null ? null : ParseDocument(document, options);

            // A shared component (a parameter used by many operations) reports its problem once.
            return new ParsedSpec(model, diagnostics.Distinct().ToEquatableArray());
        }
#pragma warning disable CA1031 // A generator must never crash the compiler: report and carry on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            diagnostics.Add(new DiagnosticInfo(
                DiagnosticDescriptors.GeneratorFailure.Id,
                new[] { FailureText.Of(exception) }.ToEquatableArray(),
                new SpecLocation(filePath, 0, 0, 0, 0, 0, 0)));
            return new ParsedSpec(null, diagnostics.ToEquatableArray());
        }
    }

    private static ApiModel ParseDocument(SpecDocument document, ClientOptions options)
    {
        var root = document.Root;
        var info = document.Map(root, "info") ?? SpecMap.Empty;
        var names = new TypeNames(options.ClientName);
        var schemas = new SchemaMapper(document, names);
        schemas.MapComponents();

        var servers = ServerUrls(document, root);
        var paths = new PathTreeParser(document, schemas, options).Parse();
        var (objects, enums, unions) = schemas.Complete();

        return new ApiModel(
            options,
            document.String(info, "title") ?? options.ClientName,
            document.String(info, "description") ?? document.String(info, "summary"),
            servers.FirstOrDefault() ?? string.Empty,
            servers.ToEquatableArray(),
            paths.Prefix,
            paths.Root,
            objects.ToEquatableArray(),
            enums.ToEquatableArray(),
            unions.ToEquatableArray(),
            Security(document, root),
            RateLimits(document, info));
    }

    /// <summary>Every URL the servers allow: each server's variables expanded over their enums.</summary>
    private static List<string> ServerUrls(SpecDocument document, SpecMap root)
    {
        var urls = new List<string>();
        foreach (var server in (document.Sequence(root, "servers")?.Children ?? []).OfType<SpecMap>())
        {
            var url = document.String(server, "url");
            if (url is null || !url.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                continue; // relative servers give no host to default to or trust
            }

            var expansions = new List<string> { url };
            foreach (var variable in SpecDocument.Entries(document.Map(server, "variables")))
            {
                var definition = variable.Value as SpecMap;
                var values = definition is null ? [] : (document.Sequence(definition, "enum")?.Children ?? []).OfType<SpecScalar>().Select(v => v.Value ?? string.Empty).ToList();
                var fallback = definition is null ? null : document.String(definition, "default");
                if (fallback is not null)
                {
                    values.Remove(fallback);
                    values.Insert(0, fallback);
                }

                expansions = expansions.SelectMany(e => values.Select(v => e.Replace("{" + variable.Key + "}", v))).ToList();
            }

            urls.AddRange(expansions.Select(e => e.TrimEnd('/')).Where(e => e.IndexOf('{') < 0));
        }

        return urls.Distinct(StringComparer.Ordinal).ToList();
    }

    private static SecurityInfo? Security(SpecDocument document, SpecMap root)
    {
        var schemes = document.Map(document.Map(root, "components") ?? SpecMap.Empty, "securitySchemes");
        var required = (document.Sequence(root, "security")?.Children ?? []).OfType<SpecMap>()
            .SelectMany(SpecDocument.Entries).ToList();
        var candidates = required.Select(r => r.Key).Concat(SpecDocument.Entries(schemes).Select(e => e.Key)).Distinct().ToList();

        foreach (var name in candidates)
        {
            if (schemes is null || document.Child(schemes, name) is not { } node || document.Resolve(node, out _) is not { } scheme)
            {
                continue;
            }

            var type = document.String(scheme, "type");
            if (type == "oauth2" && document.Map(document.Map(scheme, "flows") ?? SpecMap.Empty, "clientCredentials") is { } flow)
            {
                var requested = required.Where(r => r.Key == name).Select(r => r.Value).OfType<SpecSequence>()
                    .SelectMany(s => s.Children.OfType<SpecScalar>().Select(v => v.Value ?? string.Empty)).ToList();
                var scopes = requested.Count > 0 ? requested : SpecDocument.Entries(document.Map(flow, "scopes")).Select(e => e.Key).ToList();
                return new SecurityInfo(document.String(flow, "tokenUrl"), document.String(flow, "x-revocation-url"), scopes.Distinct().ToEquatableArray());
            }

            if (type == "http" && string.Equals(document.String(scheme, "scheme"), "bearer", StringComparison.OrdinalIgnoreCase))
            {
                return new SecurityInfo(null, null, EquatableArray<string>.Empty);
            }
        }

        return null;
    }

    private static EquatableArray<RateLimitInfo> RateLimits(SpecDocument document, SpecMap info)
    {
        var limits = new List<RateLimitInfo>();
        foreach (var rule in (document.Sequence(info, "x-rate-limits")?.Children ?? []).OfType<SpecMap>())
        {
            if (int.TryParse(document.String(rule, "limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                && IsoDuration.TryParseSeconds(document.String(rule, "window"), out var seconds))
            {
                limits.Add(new RateLimitInfo(limit, seconds));
            }
            else
            {
                document.Report(DiagnosticDescriptors.UnsupportedConstruct, rule,
                    "An x-rate-limits entry needs an integer 'limit' and an ISO 8601 'window' such as PT1M");
            }
        }

        return limits.ToEquatableArray();
    }
}
