using System.Net;
using System.Net.Sockets;

namespace OnePassword.Users.Cli.Activity;

/// <summary>
/// The tool's HTTP transport (the client's innermost handler): a <see cref="SocketsHttpHandler"/>
/// that tells <see cref="ApiActivity"/> when it connects and when a request is on the wire. Like
/// the SDK's own transport it never follows redirects; it also does not ask for compressed bodies,
/// and gives up on a connection that is not made within <see cref="ConnectTimeout"/>, so an
/// unreachable host is retried and reported instead of hanging for the operating system's timeout.
/// </summary>
internal sealed class ObservingTransport : DelegatingHandler
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

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

    private static SocketsHttpHandler CreateSocketsHandler(ApiActivity activity) => new()
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = ConnectTimeout,
        ConnectCallback = async (context, cancellationToken) =>
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
        },
    };
}
