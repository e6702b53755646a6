using SecurityResponder;

// Configuration comes from appsettings.json, environment variables (OnePasswordUsers__ClientSecret)
// and the command line, as in any ASP.NET Core app.
WebApplication app = ResponderApp.Build(args);
await app.RunAsync();
