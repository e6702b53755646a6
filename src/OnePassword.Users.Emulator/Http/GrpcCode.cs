namespace OnePassword.Users.Emulator.Http;

/// <summary>The gRPC canonical codes the emulator answers with, and the HTTP status each maps to.</summary>
internal static class GrpcCode
{
    public const int InvalidArgument = 3;
    public const int NotFound = 5;
    public const int PermissionDenied = 7;
    public const int ResourceExhausted = 8;
    public const int Unimplemented = 12;
    public const int Internal = 13;
    public const int Unavailable = 14;
    public const int Unauthenticated = 16;

    public static int HttpStatusOf(int code) => code switch
    {
        InvalidArgument => StatusCodes.Status400BadRequest,
        NotFound => StatusCodes.Status404NotFound,
        PermissionDenied => StatusCodes.Status403Forbidden,
        ResourceExhausted => StatusCodes.Status429TooManyRequests,
        Unimplemented => StatusCodes.Status405MethodNotAllowed,
        Internal => StatusCodes.Status500InternalServerError,
        Unavailable => StatusCodes.Status503ServiceUnavailable,
        Unauthenticated => StatusCodes.Status401Unauthorized,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "The emulator does not answer with this gRPC code."),
    };
}
