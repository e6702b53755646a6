using System.Globalization;
using System.Web;

namespace OnePassword.Users.Benchmarks;

/// <summary>
/// Serves a list of <c>pages × pageSize</c> users from memory, building each page when it is
/// asked for, so the server side holds no more than the page in flight.
/// </summary>
internal static class PagedHandler
{
    public static InMemoryHandler Create(int pages, int pageSize) => new(request =>
    {
        var token = HttpUtility.ParseQueryString(request.RequestUri!.Query)["page_token"];
        var page = token is null ? 0 : int.Parse(token[1..], CultureInfo.InvariantCulture);
        var next = page + 1 < pages ? "p" + (page + 1).ToString(CultureInfo.InvariantCulture) : null;
        return Payloads.Page(page * pageSize, pageSize, next);
    });
}
