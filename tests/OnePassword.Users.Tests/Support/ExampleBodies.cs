namespace OnePassword.Users.Tests.Support;

/// <summary>Response bodies from the 1Password documentation.</summary>
internal static class ExampleBodies
{
    public const string ListUsers = """
        {
          "results": [
            {
              "id": "IR7VJHJ36JHINBFAD7V2T5MP3E",
              "email": "wendy_appleseed@agilebits.com",
              "display_name": "Wendy Appleseed",
              "state": "ACTIVE",
              "create_time": "2024-01-15T10:30:00Z",
              "path": "accounts/ACCOUNT123/users/IR7VJHJ36JHINBFAD7V2T5MP3E"
            },
            {
              "id": "56YE2TYN2VFYRLNSHKPW5NVT5E",
              "email": "riley_smith@example.com",
              "display_name": "Riley Smith",
              "state": "SUSPENDED",
              "create_time": "2024-03-20T09:15:00Z",
              "path": "accounts/ACCOUNT123/users/56YE2TYN2VFYRLNSHKPW5NVT5E"
            }
          ],
          "next_page_token": "CAIQAg"
        }
        """;

    public const string Wendy = """
        {
          "id": "IR7VJHJ36JHINBFAD7V2T5MP3E",
          "email": "wendy_appleseed@agilebits.com",
          "display_name": "Wendy Appleseed",
          "state": "ACTIVE",
          "create_time": "2024-01-15T10:30:00Z",
          "path": "accounts/ACCOUNT123/users/IR7VJHJ36JHINBFAD7V2T5MP3E"
        }
        """;

    public const string NoOwnerRemain = """{"code":7,"message":"no_owner_remain","details":[]}""";
}
