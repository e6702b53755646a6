using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using OnePassword.Users.Emulator.State;

namespace OnePassword.Users.Emulator.Paging;

/// <summary>
/// Encodes page tokens as unpadded base64url of
/// <c>version | filter | create-time ticks | account id | last user id | HMAC-SHA256 (first 16 bytes)</c>.
/// Remembering the last key instead of an offset keeps paging stable while users change state, and
/// the MAC, keyed per emulator instance, makes any tampered or foreign token fail to read.
/// </summary>
internal sealed class PageTokenCodec
{
    private const byte Version = 1;
    private const int MacLength = 16;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Encode(PageTokenContent content)
    {
        var accountId = Encoding.UTF8.GetBytes(content.AccountId);
        var userId = Encoding.UTF8.GetBytes(content.After.Id);
        var payload = new byte[1 + 1 + 8 + 2 + accountId.Length + 2 + userId.Length];
        var span = payload.AsSpan();
        span[0] = Version;
        span[1] = FilterCode(content.Filter);
        BinaryPrimitives.WriteInt64BigEndian(span[2..], content.After.CreateTimeTicks);
        var offset = WriteLengthPrefixed(span, 10, accountId);
        WriteLengthPrefixed(span, offset, userId);

        var mac = HMACSHA256.HashData(_key, payload).AsSpan(0, MacLength);
        return Base64Url.EncodeToString([.. payload, .. mac]);
    }

    /// <summary>Reads a token this instance issued; <see langword="false"/> for anything else, including tampered tokens.</summary>
    public bool TryDecode(string token, out PageTokenContent content)
    {
        content = default;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        if (bytes.Length < 14 + MacLength)
        {
            return false;
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var mac = bytes.AsSpan(bytes.Length - MacLength);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload).AsSpan(0, MacLength), mac) || payload[0] != Version)
        {
            return false;
        }

        // A valid MAC means this codec wrote the payload, so its layout can be trusted from here on.
        var ticks = BinaryPrimitives.ReadInt64BigEndian(payload[2..]);
        var (accountId, next) = ReadLengthPrefixed(payload, 10);
        var (userId, _) = ReadLengthPrefixed(payload, next);
        content = new PageTokenContent(accountId, FilterOf(payload[1]), new UserOrderKey(ticks, userId));
        return true;
    }

    private static byte FilterCode(UserState? filter) => filter switch
    {
        null => 0,
        UserState.Active => 1,
        _ => 2,
    };

    private static UserState? FilterOf(byte code) => code switch
    {
        0 => null,
        1 => UserState.Active,
        _ => UserState.Suspended,
    };

    private static int WriteLengthPrefixed(Span<byte> buffer, int offset, byte[] value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(buffer[offset..], checked((ushort)value.Length));
        value.CopyTo(buffer[(offset + 2)..]);
        return offset + 2 + value.Length;
    }

    private static (string Value, int Next) ReadLengthPrefixed(ReadOnlySpan<byte> buffer, int offset)
    {
        var length = BinaryPrimitives.ReadUInt16BigEndian(buffer[offset..]);
        return (Encoding.UTF8.GetString(buffer.Slice(offset + 2, length)), offset + 2 + length);
    }
}
