using System.Text.Json;

namespace OnePassword.Users.Emulator.Http;

/// <summary>The <c>google.rpc.Status</c> error body of every users-endpoint error.</summary>
internal sealed record StatusBody(int Code, string Message, IReadOnlyList<JsonElement> Details);
