using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>Entry point of the emitter: a pure function from the model to the generated files.</summary>
internal static class ClientEmitter
{
    private const string Abstractions = "global::Microsoft.Kiota.Abstractions";
    private const string Runtime = "global::OnePassword.Users.Runtime";

    /// <summary>
    /// Names this generator and its package version. The <c>+commit</c> suffix of the
    /// informational version is left out, so the output is the same for every build of a release.
    /// </summary>
    public static readonly string GeneratedCodeAttribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"OnePassword.Users.Generator\", \"{PackageVersion()}\")]";

    private static string PackageVersion()
    {
        var version = typeof(ClientEmitter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }

    /// <summary>
    /// Every file. A type has a file of its own, with a hint name unique without regard to case:
    /// the compiler requires that, as do file systems, and C# names may differ in case alone
    /// (<c>AccountSettingsTSP</c> and <c>AccountSettingsTsp</c>). A client of thousands of types
    /// (GitHub's has 8,000) goes into files of <see cref="TypesPerBundle"/> types instead: the
    /// compiler checks every added file's name against all the earlier ones, a cost that grows
    /// with the square of the file count and took most of the generator's time on such specs.
    /// </summary>
    public static IEnumerable<GeneratedFile> Emit(ApiModel api)
    {
        var parts = Parts(api).ToList();
        if (parts.Count <= FilesBeforeBundling)
        {
            var used = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var part in parts)
            {
                var w = SourceWriter.StartFile();
                var emitted = part(w);
                var hintName = emitted;
                for (var suffix = 2; !used.Add(hintName); suffix++)
                {
                    hintName = emitted.Substring(0, emitted.Length - ".g.cs".Length) + "." + suffix.ToString(CultureInfo.InvariantCulture) + ".g.cs";
                }

                yield return new GeneratedFile(hintName, w.ToString());
            }

            yield break;
        }

        for (var start = 0; start < parts.Count; start += TypesPerBundle)
        {
            var w = SourceWriter.StartFile();
            foreach (var part in parts.Skip(start).Take(TypesPerBundle))
            {
                part(w);
                w.Line();
            }

            var number = (start / TypesPerBundle).ToString("D4", CultureInfo.InvariantCulture);
            yield return new GeneratedFile(HintNames.For(api.Options.Namespace, "Generated" + number), w.ToString());
        }
    }

    private const int FilesBeforeBundling = 512;
    private const int TypesPerBundle = 64;

    /// <summary>Each type's writer, in a stable order; each returns the hint name the type's own file would have.</summary>
    private static IEnumerable<System.Func<SourceWriter, string>> Parts(ApiModel api)
    {
        yield return w => EmitRoot(w, api);
        foreach (var node in Descendants(api.Root))
        {
            var description = node.Operations.Select(o => o.Summary).FirstOrDefault(s => s is not null);
            yield return w => RequestBuilderEmitter.Emit(w, api, node, description);
        }

        var bases = new HashSet<string>(api.Objects.Select(o => o.BaseName).OfType<string>(), System.StringComparer.Ordinal);
        foreach (var type in api.Objects)
        {
            yield return w => ModelEmitter.Emit(w, api, type, bases.Contains(type.Name));
        }

        foreach (var type in api.Unions)
        {
            yield return w => UnionEmitter.Emit(w, api, type);
        }

        yield return w => ModelJsonEmitter.Emit(w, api);

        foreach (var type in api.Enums)
        {
            yield return w => EnumEmitter.Emit(w, api, type);
        }

        foreach (var (node, operations) in PaginatorEmitter.Paginated(api))
        {
            yield return w => PaginatorEmitter.Emit(w, api, node, operations);
        }
    }

    public static IEnumerable<BuilderNode> Descendants(BuilderNode node)
    {
        foreach (var child in node.Children)
        {
            yield return child;
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }

    private static string EmitRoot(SourceWriter w, ApiModel api)
    {
        var name = api.Options.ClientName;
        w.Open("namespace " + api.Options.Namespace);
        w.Doc(api.Title, api.Description);
        w.Line(GeneratedCodeAttribute);
        w.Open($"{api.Options.Accessibility} partial class {name} : {Runtime}.ApiRequestBuilder, global::System.IDisposable, global::System.IAsyncDisposable");
        w.Line($"private readonly {Runtime}.ApiClientPipeline? _pipeline;");
        w.Line();
        EmitDescription(w, api);
        RequestBuilderEmitter.EmitMembers(w, api, api.Root);

        w.Doc("Creates the client on a Kiota request adapter; the adapter's base URL defaults to the spec's first server.");
        w.Line("/// <param name=\"requestAdapter\">The adapter that sends the requests.</param>");
        w.Open($"public {name}({Abstractions}.IRequestAdapter requestAdapter) : base(requestAdapter, {SourceWriter.Literal(RequestBuilderEmitter.UrlTemplate(api.Root))}, {Runtime}.ApiPath.Empty)");
        w.Open("if (string.IsNullOrEmpty(RequestAdapter.BaseUrl))");
        w.Line("RequestAdapter.BaseUrl = Description.DefaultBaseUrl;");
        w.Close();
        w.Close();
        w.Line();
        w.Line($"private {name}({Runtime}.ApiClientPipeline pipeline) : this(pipeline.RequestAdapter) => _pipeline = pipeline;");
        w.Line();
        w.Doc(
            "Creates a client that authenticates with the OAuth 2.0 client-credentials grant, paces requests to the documented rate limits and retries transient failures.",
            "Dispose the client to revoke its access token and release its connections.");
        w.Line("/// <param name=\"options\">Credentials, region or base URL, and pipeline settings.</param>");
        w.Line("/// <returns>A client that owns its HTTP pipeline.</returns>");
        w.Line($"public static {name} Create({Runtime}.ApiClientOptions options) => new({Runtime}.ApiClientPipeline.Create(options, Description));");
        w.Line();
        w.Doc("Releases the pipeline this client owns (created by Create); a client built on your own adapter has nothing to release.");
        w.Open("public void Dispose()");
        w.Line("_pipeline?.Dispose();");
        w.Line("global::System.GC.SuppressFinalize(this);");
        w.Close();
        w.Line();
        w.Doc("Revokes the access token and releases the pipeline this client owns (created by Create).");
        w.Line("/// <returns>A task that completes when the pipeline is released.</returns>");
        w.Open("public global::System.Threading.Tasks.ValueTask DisposeAsync()");
        w.Line("global::System.GC.SuppressFinalize(this);");
        w.Line("return _pipeline?.DisposeAsync() ?? default;");
        w.Close();
        w.Close();
        w.Close();
        return HintNames.For(api.Options.Namespace, name);
    }

    private static void EmitDescription(SourceWriter w, ApiModel api)
    {
        static string Strings(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(SourceWriter.Literal)) + "]";
        static string OrNull(string? value) => value is null ? "null" : SourceWriter.Literal(value);

        var limits = api.RateLimits.Select(l => $"new {Runtime}.ApiRateLimit({l.Limit.ToString(CultureInfo.InvariantCulture)}, global::System.TimeSpan.FromSeconds({l.WindowSeconds.ToString(CultureInfo.InvariantCulture)}))");
        w.Doc("What the spec says about servers, authentication and rate limits; the runtime builds the HTTP pipeline from it.");
        var indent = SourceWriter.Indent(1);
        w.Line($"public static {Runtime}.ApiDescription Description {{ get; }} = new(");
        w.Line($"{indent}defaultBaseUrl: {SourceWriter.Literal(api.DefaultBaseUrl)},");
        w.Line($"{indent}serverUrls: {Strings(api.ServerUrls)},");
        w.Line($"{indent}tokenUrl: {OrNull(api.Security?.TokenUrl)},");
        w.Line($"{indent}revocationUrl: {OrNull(api.Security?.RevocationUrl)},");
        w.Line($"{indent}scopes: {Strings(api.Security?.Scopes ?? EquatableArray<string>.Empty)},");
        w.Line($"{indent}rateLimits: [{string.Join(", ", limits)}],");
        w.Line($"{indent}usesBearerToken: {SourceWriter.Bool(api.Security is not null)});");
        w.Line();
    }
}
