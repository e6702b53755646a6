using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OnePassword.Users.Testing;

/// <summary>
/// A raw HTTP/1.1 server on 127.0.0.1 that controls every byte it sends: status lines, headers,
/// bodies at any pace, compression, resets and redirects. It plays the hostile or broken network
/// that a well-behaved test server (Kestrel) cannot: a lying Content-Length, a body that drips
/// one byte a second, a connection cut mid-body.
/// </summary>
/// <remarks>
/// Each connection carries one exchange: the request head (and a body of the declared
/// Content-Length) is read and recorded, then the script for that request writes what it likes.
/// The server closes the connection when the script returns, so HttpClient never reuses it.
/// </remarks>
internal sealed class HostileServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<HostileExchange, Task> _script;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly Task _accepting;
    private readonly ConcurrentBag<Task> _exchanges = [];

    private HostileServer(Func<HostileExchange, Task> script)
    {
        _script = script;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The server's root, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RawRequest> Requests => [.. _requests];

    /// <summary>Starts a server that runs <paramref name="script"/> for every request.</summary>
    public static HostileServer Start(Func<HostileExchange, Task> script) => new(script);

    /// <summary>A loopback port nothing listens on: it was free a moment ago, so a connection to it is refused.</summary>
    public static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        foreach (Task exchange in _exchanges)
        {
            try
            {
                await exchange.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception exception) when (exception is TimeoutException or IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A script still dripping a body when the test ends is cut off; that is fine.
            }
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket = await _listener.AcceptSocketAsync(_stopping.Token);
            _exchanges.Add(Task.Run(() => ServeAsync(socket)));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            RawRequest? request = await RawRequest.ReadAsync(stream, _stopping.Token);
            if (request is null)
            {
                return;
            }

            _requests.Enqueue(request);
            var exchange = new HostileExchange(request, socket, stream, _stopping.Token);
            try
            {
                await _script(exchange);
                await stream.FlushAsync(_stopping.Token);
                if (!exchange.WasReset)
                {
                    socket.Shutdown(SocketShutdown.Both);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up on a body it did not want; that is what many tests expect.
            }
        }
    }
}

/// <summary>A request as the hostile server received it.</summary>
internal sealed record RawRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    internal static async Task<RawRequest?> ReadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        string[] lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        byte[] body = [];
        if (headers.TryGetValue("Content-Length", out string? length) && int.Parse(length, System.Globalization.CultureInfo.InvariantCulture) is > 0 and var size)
        {
            body = new byte[size];
            await stream.ReadExactlyAsync(body, cancellationToken);
        }

        return new RawRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}

/// <summary>One connection's answer, written byte by byte by a test's script.</summary>
internal sealed class HostileExchange
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    internal HostileExchange(RawRequest request, Socket socket, NetworkStream stream, CancellationToken stopping)
    {
        Request = request;
        _socket = socket;
        _stream = stream;
        Stopping = stopping;
    }

    public RawRequest Request { get; }

    /// <summary>Ends when the server is disposed.</summary>
    public CancellationToken Stopping { get; }

    internal bool WasReset { get; private set; }

    /// <summary>Writes text as ASCII/UTF-8 bytes, as is.</summary>
    public Task WriteAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    public async Task WriteAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes, Stopping);
        await _stream.FlushAsync(Stopping);
    }

    /// <summary>A status line and headers, ending the head; the body (if any) comes next.</summary>
    public Task HeadAsync(int status, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {ReasonOf(status)}\r\n");
        foreach ((string name, string value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return WriteAsync(head.Append("Connection: close\r\n\r\n").ToString());
    }

    /// <summary>A whole response with a correct Content-Length.</summary>
    public async Task RespondAsync(int status, string body, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        await HeadAsync(status, [("Content-Type", contentType), ("Content-Length", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. headers]);
        await WriteAsync(bytes);
    }

    /// <summary>A redirect to <paramref name="location"/>.</summary>
    public Task RedirectAsync(int status, Uri location) =>
        RespondAsync(status, string.Empty, "text/plain", ("Location", location.AbsoluteUri));

    /// <summary>Sends <paramref name="bytes"/> one chunk at a time with a pause before each.</summary>
    public async Task DripAsync(byte[] bytes, TimeSpan pause, int chunkSize = 1)
    {
        for (int offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            await Task.Delay(pause, Stopping);
            await WriteAsync(bytes[offset..Math.Min(bytes.Length, offset + chunkSize)]);
        }
    }

    /// <summary>A 200 with a correct head whose JSON body then arrives one byte per <paramref name="pause"/>: a server that never quite finishes.</summary>
    public async Task DripJsonAsync(string json, TimeSpan pause)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        await HeadAsync(200, ("Content-Type", "application/json"), ("Content-Length", bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await DripAsync(bytes, pause);
    }

    /// <summary>Streams <paramref name="total"/> bytes of filler as fast as the client reads them.</summary>
    public async Task StreamFillerAsync(long total)
    {
        byte[] block = new byte[64 * 1024];
        Array.Fill(block, (byte)'a');
        for (long sent = 0; sent < total; sent += block.Length)
        {
            await _stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, total - sent)), Stopping);
        }
    }

    /// <summary>Cuts the connection with a TCP reset, as a crashed server or a middlebox does.</summary>
    public void Reset()
    {
        WasReset = true;
        _socket.LingerState = new LingerOption(enable: true, seconds: 0);
        _socket.Close();
    }

    /// <summary><paramref name="size"/> zero bytes, gzip-compressed: a small body that inflates to a large one.</summary>
    public static byte[] GzipOfZeros(long size)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            byte[] block = new byte[1024 * 1024];
            for (long written = 0; written < size; written += block.Length)
            {
                gzip.Write(block, 0, (int)Math.Min(block.Length, size - written));
            }
        }

        return compressed.ToArray();
    }

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        401 => "Unauthorized",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
