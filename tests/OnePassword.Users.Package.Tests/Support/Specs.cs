namespace OnePassword.Users.Package.Tests.Support;

/// <summary>Edits of a copy of openapi/users-api.yaml, as a partner would make them by hand.</summary>
internal static class Specs
{
    private const string ListParameters = "      x-permission: list_users\n      parameters:\n";
    private const string ReactivatePath = "  /v1beta1/accounts/{account_id}/users/{user_id}:reactivate:\n";

    /// <summary>Adds <c>POST .../users/{user_id}:archive</c> answering a User, and an <c>order_by</c> query parameter on the list.</summary>
    public static string AddArchiveActionAndOrderBy(string spec)
    {
        var edited = Replace(spec, ListParameters, ListParameters + """
                    - name: order_by
                      in: query
                      required: false
                      description: Sorts the users by this field.
                      schema:
                        type: string

            """);
        return Replace(edited, ReactivatePath, """
              /v1beta1/accounts/{account_id}/users/{user_id}:archive:
                parameters:
                  - $ref: '#/components/parameters/AccountId'
                  - $ref: '#/components/parameters/UserId'
                post:
                  operationId: archiveUser
                  tags: [Users]
                  summary: Archive a user.
                  responses:
                    '200':
                      description: The archived user.
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/User'

            """ + ReactivatePath);
    }

    /// <summary>The spec as v1: every <c>/v1beta1/</c> becomes <c>/v1/</c>.</summary>
    public static string ToV1(string spec) => spec.Replace("/v1beta1/", "/v1/", StringComparison.Ordinal).Replace("version: v1beta1", "version: v1", StringComparison.Ordinal);

    /// <summary>Removes the reactivate operation (its whole path item).</summary>
    public static string WithoutReactivate(string spec, string versionSegment)
    {
        var start = spec.IndexOf($"  /{versionSegment}/accounts/{{account_id}}/users/{{user_id}}:reactivate:\n", StringComparison.Ordinal);
        var end = spec.IndexOf("\ncomponents:\n", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0);
        start.ShouldBeLessThan(end);
        return spec[..start] + spec[(end + 1)..];
    }

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    public static int LineOf(string spec, string text) =>
        spec[..spec.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;

    private static string Replace(string text, string anchor, string replacement)
    {
        text.ShouldContain(anchor);
        return text.Replace(anchor, replacement, StringComparison.Ordinal);
    }
}
