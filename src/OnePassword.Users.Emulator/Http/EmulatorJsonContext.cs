using System.Text.Json.Serialization;
using OnePassword.Users.Emulator.Seeding;

namespace OnePassword.Users.Emulator.Http;

/// <summary>
/// Source-generated System.Text.Json metadata for every body the emulator reads or writes. The
/// snake_case policy gives the spec's wire names; nulls are left out so absent fields stay absent.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(StatusBody))]
[JsonSerializable(typeof(UserResource))]
[JsonSerializable(typeof(ListUsersResponse))]
[JsonSerializable(typeof(AccessTokenResponse))]
[JsonSerializable(typeof(OAuthErrorBody))]
[JsonSerializable(typeof(JsonSeedDocument))]
internal sealed partial class EmulatorJsonContext : JsonSerializerContext;
