using System.Net;
using System.Net.Sockets;
using OnePassword.Users.Runtime;

namespace OnePassword.Users.Cli.Activity;

/// <summary>
/// The tool's HTTP transport (the client's innermost handler): the SDK's own
/// <see cref="HttpTransport.Create"/> handler (no redirects, no cookies, bounded headers, a 15 s
/// connect timeout, so an unreachable host is retried and reported instead of hanging for the
/// operating system's timeout), which also tells <see cref="ApiActivity"/> when it connects and
/// when a request is on the wire. It does not ask for compressed bodies.
/// </summary>
internal sealed class ObservingTransport : DelegatingHandler
{
    private readonly ApiActivity _activity;

    public ObservingTransport(ApiActivity activity)
        : base(CreateSocketsHandler(activity)) => _activity = activity;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var kind = _activity.OnAttemptStarting(request, cancellationToken);
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _activity.OnAttemptFinished(request, kind);
        }
    }

    private static SocketsHttpHandler CreateSocketsHandler(ApiActivity activity)
    {
        SocketsHttpHandler handler = HttpTransport.Create();
        handler.AutomaticDecompression = DecompressionMethods.None;
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            activity.OnConnecting(context.InitialRequestMessage, context.DnsEndPoint);
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
                activity.OnConnected(context.InitialRequestMessage);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return handler;
    }
}
