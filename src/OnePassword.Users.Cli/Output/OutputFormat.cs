namespace OnePassword.Users.Cli.Output;

/// <summary>How users are written to stdout.</summary>
internal enum OutputFormat
{
    /// <summary>A rich table in a terminal, plain aligned columns when piped.</summary>
    Table,

    /// <summary>The API's own user objects (snake_case, wire state names); a list is one JSON array.</summary>
    Json,

    /// <summary>RFC 4180 with a header row: id,email,display_name,state,create_time.</summary>
    Csv,
}
