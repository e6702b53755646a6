using Microsoft.Extensions.Options;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Hosting;

/// <summary>
/// Checks one named client's options at start, with the same rules <c>Create</c> applies, and
/// reports every broken one with its configuration key (<c>OnePasswordUsers:ClientId is required ...</c>).
/// </summary>
internal sealed class ApiClientOptionsValidator(string name, string keyPrefix, ApiDescription description) : IValidateOptions<ApiClientOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, ApiClientOptions options)
    {
        if (!string.Equals(optionsName, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        string[] failures = [.. ApiClientOptionsRules.Problems(options, description).Select(problem => $"{keyPrefix}:{problem.Key} {problem.Message}")];
        return failures.Length == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
