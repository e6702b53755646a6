namespace OnePassword.Users.Runtime;

/// <summary>
/// The path parameters a request builder has collected, already percent-encoded: an immutable
/// chain in which each indexer adds one link onto its parent's, so navigating
/// <c>Accounts[a].Users[u]</c> costs one small object per parameter where Kiota's builders copy a
/// dictionary at every step. The SDK's adapter builds the URL straight from it; a Kiota
/// <see cref="Microsoft.Kiota.Abstractions.RequestInformation"/> gets the dictionary it expects
/// from <see cref="ToDictionary"/>.
/// </summary>
public sealed class ApiPath
{
    /// <summary>The key Kiota uses for a raw URL in path parameters.</summary>
    internal const string RawUrlKey = "request-raw-url";

    private const string BaseUrlKey = "baseurl";

    // A link is (parent, name, value). The root has no parent and no name; its value is the raw
    // URL, if any, so the common link carries no field for it.
    private readonly ApiPath? _parent;
    private readonly string? _name;
    private readonly string? _value;

    private ApiPath(ApiPath? parent, string? name, string? value)
    {
        _parent = parent;
        _name = name;
        _value = value;
    }

    /// <summary>No parameters: the root client's path.</summary>
    public static ApiPath Empty { get; } = new(parent: null, name: null, value: null);

    /// <summary>The absolute URL to use as is, for a builder made from a raw URL.</summary>
    public string? RawUrl
    {
        get
        {
            ApiPath link = this;
            while (link._parent is not null)
            {
                link = link._parent;
            }

            return link._value;
        }
    }

    /// <summary>A path for a raw URL, which is used as is.</summary>
    /// <param name="rawUrl">The absolute URL.</param>
    /// <returns>The path.</returns>
    public static ApiPath ForRawUrl(string rawUrl)
    {
        ArgumentNullException.ThrowIfNull(rawUrl);
        return new ApiPath(parent: null, name: null, rawUrl);
    }

    /// <summary>The parameters of a Kiota-style dictionary (values turned into strings; the base URL is left to the adapter).</summary>
    /// <param name="pathParameters">Kiota's path parameters.</param>
    /// <returns>The path.</returns>
    public static ApiPath From(IDictionary<string, object> pathParameters)
    {
        ArgumentNullException.ThrowIfNull(pathParameters);
        ApiPath path = pathParameters.TryGetValue(RawUrlKey, out object? raw) && raw is string rawUrl ? ForRawUrl(rawUrl) : Empty;
        foreach ((string name, object value) in pathParameters)
        {
            if (name != RawUrlKey && name != BaseUrlKey && value is not null)
            {
                path = path.With(name, value as string ?? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        return path;
    }

    /// <summary>This path and one more parameter; a parameter of the same name is shadowed.</summary>
    /// <param name="name">The template variable.</param>
    /// <param name="encodedValue">The value, encoded by <see cref="PathSegment.Encode"/>.</param>
    /// <returns>A new path; this one is unchanged.</returns>
    public ApiPath With(string name, string encodedValue)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(encodedValue);
        return new ApiPath(this, name, encodedValue);
    }

    /// <summary>The value of a parameter (the one added last, when a name was added twice), or null.</summary>
    /// <param name="name">The template variable.</param>
    /// <returns>The encoded value.</returns>
    public string? this[string name]
    {
        get
        {
            for (ApiPath? link = this; link?._name is not null; link = link._parent)
            {
                if (link._name == name)
                {
                    return link._value;
                }
            }

            return null;
        }
    }

    /// <summary>The parameters as Kiota's request information expects them, with the base URL when given.</summary>
    /// <param name="baseUrl">The adapter's base URL, or null.</param>
    /// <returns>A new dictionary the caller may change.</returns>
    public Dictionary<string, object> ToDictionary(string? baseUrl)
    {
        var dictionary = new Dictionary<string, object>(StringComparer.Ordinal);
        if (baseUrl is not null)
        {
            dictionary[BaseUrlKey] = baseUrl;
        }

        ApiPath link = this;
        for (; link._name is not null; link = link._parent!)
        {
            // Walking from the newest link, the first value seen for a name is the one that counts.
            dictionary.TryAdd(link._name, link._value!);
        }

        if (link._value is not null)
        {
            dictionary[RawUrlKey] = link._value;
        }

        return dictionary;
    }
}
