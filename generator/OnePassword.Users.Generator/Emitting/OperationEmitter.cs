using System.Linq;
using OnePassword.Users.Generator.Model;

namespace OnePassword.Users.Generator.Emitting;

/// <summary>Writes one operation: <c>{Method}Async</c>, <c>To{Method}RequestInformation</c> and its query parameter class.</summary>
internal static class OperationEmitter
{
    private const string Abstractions = "global::Microsoft.Kiota.Abstractions";
    private const string Runtime = "global::OnePassword.Users.Runtime";

    public static string QueryClassName(BuilderNode node, OperationModel operation) =>
        $"{node.ClassName}{operation.Method}QueryParameters";

    public static string ConfigurationType(BuilderNode node, OperationModel operation) =>
        $"{Abstractions}.RequestConfiguration<{(operation.QueryParameters.IsEmpty ? Abstractions + ".DefaultQueryParameters" : QueryClassName(node, operation))}>";

    /// <summary>The private field that holds the operation's <c>ApiOperation</c>: what telemetry, audit and retries know of it.</summary>
    private static string DescriptorField(OperationModel operation) => "s_" + operation.Method.ToLowerInvariant() + "Operation";

    public static void Emit(SourceWriter w, ApiModel api, BuilderNode node, OperationModel operation)
    {
        var models = api.Options.Namespace + ".Models";
        var descriptor = DescriptorField(operation);
        var operationName = operation.OperationId.Length > 0 ? operation.OperationId : operation.Name;
        w.Line($"private static readonly {Runtime}.ApiOperation {descriptor} = new({SourceWriter.Literal(operationName)}, {SourceWriter.Literal(operation.Method.ToUpperInvariant())}, {SourceWriter.Literal(operation.Path)}, isIdempotent: {SourceWriter.Bool(operation.IsIdempotent)}, changesState: {SourceWriter.Bool(operation.ChangesState)});");
        w.Line();
        var configuration = ConfigurationType(node, operation);
        var bodyParameter = operation.Body is null ? string.Empty : $"{(operation.Body.IsStream ? "global::System.IO.Stream" : CSharpTypes.Name(operation.Body.Type, models))} body, ";
        var bodyArgument = operation.Body is null ? string.Empty : "body, ";
        var returnType = operation.SuccessType is null
            ? "global::System.Threading.Tasks.Task"
            : $"global::System.Threading.Tasks.Task<{CSharpTypes.Name(operation.SuccessType, models)}>";

        // {Method}Async
        DocOperation(w, operation);
        if (operation.Body is not null)
        {
            w.Line($"/// <param name=\"body\">{SourceWriter.DocInline(operation.Body.Description ?? "The request body.")}</param>");
        }

        w.Line("/// <param name=\"requestConfiguration\">Query parameters, headers and options for this request.</param>");
        w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        if (operation.SuccessType is not null)
        {
            w.Line("/// <returns>The response body.</returns>");
        }

        w.Line($"/// <exception cref=\"{Runtime}.ApiErrorException\">The API answered with an error{ErrorList(operation)}; a subclass tells which (NotFoundException, PermissionDeniedException, ...).</exception>");
        w.Line($"/// <exception cref=\"{Runtime}.MalformedResponseException\">The response body could not be read as the documented type.</exception>");
        if (operation.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        w.Open($"public async {returnType} {operation.Method}Async({bodyParameter}global::System.Action<{configuration}>? requestConfiguration = default, global::System.Threading.CancellationToken cancellationToken = default)");
        if (operation.Body is null && !operation.QueryParameters.Any(q => q.Required))
        {
            // With nothing to configure, the SDK's adapter sends straight from the template and
            // path parameters; any other adapter gets the Kiota RequestInformation below.
            var accept = operation.SuccessType is null ? "null" : SourceWriter.Literal(operation.SuccessContentType ?? "application/json");
            var reader = operation.SuccessType is null ? "null" : ResponseReader(operation.SuccessType, models);
            var typeArgument = operation.SuccessType is null ? "<object>" : string.Empty;
            w.Open($"if (requestConfiguration is null && RequestAdapter is {Runtime}.ApiRequestAdapter direct)");
            w.Line(operation.SuccessType is null
                ? $"await direct.SendAsync{typeArgument}({descriptor}, UrlTemplate, Path, {accept}, {reader}, cancellationToken).ConfigureAwait(false);"
                : $"return (await direct.SendAsync({descriptor}, UrlTemplate, Path, {accept}, {reader}, cancellationToken).ConfigureAwait(false))!;");
            if (operation.SuccessType is null)
            {
                w.Line("return;");
            }

            w.Close();
            w.Line();
        }

        w.Line($"var requestInfo = To{operation.Method}RequestInformation({bodyArgument}requestConfiguration);");
        if (operation.SuccessType is null)
        {
            w.Line($"await {Runtime}.ApiCall.SendNoContentAsync(RequestAdapter, requestInfo, cancellationToken).ConfigureAwait(false);");
        }
        else
        {
            w.Line($"return await {Runtime}.ApiCall.SendJsonAsync(RequestAdapter, requestInfo, {ResponseReader(operation.SuccessType, models)}, cancellationToken).ConfigureAwait(false);");
        }

        w.Close();
        w.Line();

        // To{Method}RequestInformation
        w.Doc($"Builds the {operation.Method.ToUpperInvariant()} request{(operation.OperationId.Length > 0 ? $" of <c>{(operation.OperationId)}</c>" : string.Empty)} without sending it.");
        if (operation.Body is not null)
        {
            w.Line("/// <param name=\"body\">The request body.</param>");
        }

        w.Line("/// <param name=\"requestConfiguration\">Query parameters, headers and options for this request.</param>");
        w.Line("/// <returns>The request, ready for the request adapter.</returns>");
        w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A query parameter is outside the bounds the spec sets.</exception>");
        if (operation.Deprecated)
        {
            w.Line("[global::System.Obsolete(\"Deprecated in the API description.\")]");
        }

        w.Open($"public {Abstractions}.RequestInformation To{operation.Method}RequestInformation({bodyParameter}global::System.Action<{configuration}>? requestConfiguration = default)");
        if (operation.Body is not null)
        {
            w.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }

        w.Line($"var requestInfo = CreateRequestInformation({Abstractions}.Method.{operation.Method.ToUpperInvariant()});");
        w.Line($"requestInfo.AddRequestOptions([{descriptor}]);");
        var hasRequiredQuery = operation.QueryParameters.Any(q => q.Required);
        if (hasRequiredQuery)
        {
            w.Line($"var configuration = new {configuration}();");
            w.Line("requestConfiguration?.Invoke(configuration);");
            EmitApplyConfiguration(w, operation);
        }
        else
        {
            w.Open("if (requestConfiguration is not null)");
            w.Line($"var configuration = new {configuration}();");
            w.Line("requestConfiguration(configuration);");
            EmitApplyConfiguration(w, operation);
            w.Close();
        }

        if (operation.SuccessType is not null)
        {
            w.Line($"requestInfo.Headers.TryAdd(\"Accept\", {SourceWriter.Literal(operation.SuccessContentType ?? "application/json")});");
        }

        if (operation.Body is { } body)
        {
            if (body.IsStream)
            {
                w.Line($"requestInfo.SetStreamContent(body, {SourceWriter.Literal(body.ContentType)});");
            }
            else if (body.IsForm)
            {
                w.Line($"{Runtime}.RequestContent.SetForm(requestInfo, {FormFields(api, body.Type)});");
            }
            else
            {
                w.Line($"{Runtime}.RequestContent.SetJson(requestInfo, {SourceWriter.Literal(body.ContentType)}, body, static (writer, value) => {{ {JsonCode.WriteValue(body.Type, models, "value", "writer")} }});");
            }
        }

        w.Line("return requestInfo;");
        w.Close();
        w.Line();

        if (!operation.QueryParameters.IsEmpty)
        {
            EmitQueryClass(w, node, operation, models);
        }
    }

    private static void EmitApplyConfiguration(SourceWriter w, OperationModel operation)
    {
        if (!operation.QueryParameters.IsEmpty)
        {
            w.Line("configuration.QueryParameters.AddTo(requestInfo.QueryParameters);");
        }

        w.Line("requestInfo.Headers.AddAll(configuration.Headers);");
        w.Line("requestInfo.AddRequestOptions(configuration.Options);");
    }

    private static string ResponseReader(TypeRef type, string models) => type.IsGeneratedClass
        ? $"global::{models}.{type.Name}.ReadJson"
        : $"static (ref global::System.Text.Json.Utf8JsonReader reader) => {JsonCode.ReadNullable(type, models, "reader")} ?? throw {Runtime}.JsonReading.NullItem()";

    private static string FormFields(ApiModel api, TypeRef type)
    {
        var objectType = api.Objects.First(o => o.Name == type.Name);
        var models = api.Options.Namespace + ".Models";
        var fields = objectType.AllProperties.Select((p, index) =>
        {
            var value = "body." + p.Name;
            var local = "field" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var formatted = p.Type.Kind is TypeKind.Array or TypeKind.Object or TypeKind.Json or TypeKind.Map or TypeKind.Union
                ? $"{value}?.ToString()"
                : p.Nullable || !p.Type.IsValueType
                    ? $"({value} is {{ }} {local} ? {QueryCode.Format(p.Type, models, local)} : null)"
                    : QueryCode.Format(p.Type, models, value);
            return $"new global::System.Collections.Generic.KeyValuePair<string, string?>({SourceWriter.Literal(p.WireName)}, {formatted})";
        });
        return "[" + string.Join(", ", fields) + "]";
    }

    private static void EmitQueryClass(SourceWriter w, BuilderNode node, OperationModel operation, string models)
    {
        var className = QueryClassName(node, operation);
        w.Doc($"The query parameters of {operation.Method}Async{(operation.OperationId.Length > 0 ? $" (<c>{(operation.OperationId)}</c>)" : string.Empty)}.");
        w.Line(ClientEmitter.GeneratedCodeAttribute);
        w.Open($"public partial class {className}");
        foreach (var parameter in operation.QueryParameters)
        {
            var bounds = BoundsText(parameter);
            w.Doc(parameter.Description, fallback: $"The <c>{(parameter.WireName)}</c> query parameter.");
            if (bounds.Length > 0 || parameter.DefaultValue is not null || parameter.Required)
            {
                w.Line($"/// <remarks>{SourceWriter.DocInline(SourceWriter.Join(" ", parameter.Required ? "Required." : string.Empty, bounds, parameter.DefaultValue is null ? string.Empty : $"The server's default is {parameter.DefaultValue}."))}</remarks>");
            }

            w.Line($"[{Abstractions}.QueryParameter({SourceWriter.Literal(QueryCode.TemplateVariable(parameter.WireName))})]");
            w.Line($"public {CSharpTypes.Nullable(parameter.Type, models)} {parameter.PropertyName} {{ get; set; }}");
            w.Line();
        }

        w.Doc("Checks the values against the spec's constraints and adds the ones that are set to a request's query.");
        w.Line("/// <param name=\"query\">The request's query parameters.</param>");
        w.Open("internal void AddTo(global::System.Collections.Generic.IDictionary<string, object> query)");
        var index = 0;
        foreach (var parameter in operation.QueryParameters)
        {
            var local = "value" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            index++;
            w.Open($"if ({parameter.PropertyName} is {{ }} {local})");
            var min = QueryCode.Bound(parameter.Type, parameter.Minimum);
            var max = QueryCode.Bound(parameter.Type, parameter.Maximum);
            if (min is not null || max is not null)
            {
                var conditions = SourceWriter.Join(" || ", min is null ? string.Empty : $"{local} < {min}", max is null ? string.Empty : $"{local} > {max}");
                w.Open($"if ({conditions})");
                w.Line($"throw new global::System.ArgumentOutOfRangeException(nameof({parameter.PropertyName}), {local}, {SourceWriter.Literal($"The query parameter '{parameter.WireName}' {BoundsText(parameter).ToLowerInvariant()}")});");
                w.Close();
            }

            w.Line($"query[{SourceWriter.Literal(QueryCode.TemplateVariable(parameter.WireName))}] = {QueryCode.Format(parameter.Type, models, local)};");
            w.Close();
            if (parameter.Required)
            {
                w.Open("else");
                w.Line($"throw new global::System.ArgumentException({SourceWriter.Literal($"The query parameter '{parameter.WireName}' is required.")}, nameof({parameter.PropertyName}));");
                w.Close();
            }
        }

        w.Close();
        w.Close();
        w.Line();
    }

    private static string BoundsText(QueryParameterModel parameter) => (parameter.Minimum, parameter.Maximum) switch
    {
        ({ } min, { } max) => $"Must be between {min} and {max}.",
        ({ } min, null) => $"Must be at least {min}.",
        (null, { } max) => $"Must be at most {max}.",
        _ => string.Empty,
    };

    private static void DocOperation(SourceWriter w, OperationModel operation)
    {
        var permission = operation.Permission is null ? null : $"Requires the OAuth application permission {operation.Permission}.";
        var remarks = SourceWriter.Join("\n", operation.Description ?? string.Empty, permission ?? string.Empty);
        w.Doc(operation.Summary, remarks.Length == 0 ? null : remarks, fallback: $"Sends the {operation.Method.ToUpperInvariant()} request.");
    }

    private static string ErrorList(OperationModel operation) =>
        operation.ErrorStatusCodes.IsEmpty ? string.Empty : " (" + string.Join(", ", operation.ErrorStatusCodes) + ")";
}
