using HandhavingsKoers.Web;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Maintenance;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Security;
using HandhavingsKoers.Web.Theme;
using Microsoft.Extensions.Options;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Serilog from configuration, one logger per host: preserveStaticLogger keeps AddSerilog from setting (and, when the
// host stops, closing) the static Log.Logger, which test hosts in one process would otherwise share. The logger is
// built when the container first asks for it, so it reads the final configuration, test overrides included, and the
// host disposes it.
builder.Logging.ClearProviders();
builder.Services.AddSerilog(
    (services, logger) => logger.ReadFrom.Configuration(services.GetRequiredService<IConfiguration>()),
    preserveStaticLogger: true);

// SQLite (default) or PostgreSQL: the context, its health check and the data-protection keys (Data/StorageSetup).
builder.AddStorage();
builder.Services.AddOptions<ContentOptions>().Bind(builder.Configuration.GetSection(ContentOptions.Section));
builder.Services.AddOptions<ReportsOptions>().Bind(builder.Configuration.GetSection(ReportsOptions.Section));
builder.Services.AddOptions<ThemeOptions>().Bind(builder.Configuration.GetSection(ThemeOptions.Section));
builder.Services.AddSingleton<ThemeStylesheet>();
builder.Services.AddSingleton<ThemeCatalog>();

builder.Services.AddSingleton(sp => EditionLoader.LoadFolder(
    sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolveSeedFolder()));
builder.Services.AddSingleton<ReportRenderer>();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<StreamSlots>();

builder.Services.AddRazorPages(options =>
    {
        // The prepare page and "Acties volgen" answer at the beheerder's address too, where the beheerder's cookie is sent.
        options.Conventions.AddPageRoute("/Prepare/Index", HandhavingsKoers.Web.Pages.Routes.PreparePage.GemeenteTemplate);
        options.Conventions.AddPageRoute("/Workshops/Actions", HandhavingsKoers.Web.Pages.Routes.ActionsPage.GemeenteTemplate);
    })
    .AddMvcOptions(options =>
    {
        DutchModelBinding.Apply(options.ModelBindingMessageProvider);
        options.Filters.Add(new HandhavingsKoers.Web.Pages.AntiforgeryRefusalFilter());
        options.Filters.Add(new HandhavingsKoers.Web.Pages.UnknownHandlerFilter());
        options.Filters.Add(new GemeenteThemeFilter());

        // jQuery-style keys ("a[b][c]") are not ours; their reader throws on a key with an unclosed bracket
        // ("Panels[x=1"), which made any such post a 500. The plain form reader answers those with a Dutch 400.
        Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderFactoryExtensions.RemoveType<Microsoft.AspNetCore.Mvc.ModelBinding.JQueryFormValueProviderFactory>(options.ValueProviderFactories);
        Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderFactoryExtensions.RemoveType<Microsoft.AspNetCore.Mvc.ModelBinding.JQueryQueryStringValueProviderFactory>(options.ValueProviderFactories);
    });
builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.Section));
builder.Services.AddSingleton<RetentionService>();
// The operator's commands (Maintenance/) run instead of serving; the gemeente commands live in a file of their own.
var isCommand = Commands.IsCommand(args) || GemeenteCommands.IsCommand(args);
if (!isCommand)
{
    builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
}

builder.Services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section));
builder.Services.AddRateLimiter(RateLimits.Configure);

// Installation on a real network (docs/deployment.md): public address, Host header check, forwarded headers.
builder.AddInstallation();

// Keep this last before Build: it wraps whatever logger factory the logging setup above registered.
builder.Services.KeepFacilitatorKeysOutOfLogs();

var app = builder.Build();

try
{
    // Fail fast: a broken seed file or an unreachable data file should stop the app at start, not at the first visitor.
    app.Services.GetRequiredService<EditionCatalog>();
    app.Services.GetRequiredService<ThemeStylesheet>();
    app.Services.GetRequiredService<ThemeCatalog>();
    app.CheckInstallation();
    app.PrepareStorage();
}
catch (SeedValidationException e)
{
    app.Logger.LogCritical("The app cannot start. {Problem}", e.Message);
    throw;
}
catch (StartupProblemException e)
{
    // A wrong setting or an unusable data folder: one line that says what to change, and exit code 1, no stack trace.
    app.Logger.LogCritical("The app cannot start. {Problem}", e.Message);
    await app.DisposeAsync();
    return 1;
}

if (GemeenteCommands.IsCommand(args))
{
    return await GemeenteCommands.RunAsync(app.Services, args);
}

if (isCommand)
{
    return await Commands.RunAsync(app.Services, args);
}

app.UseProxyHeaders();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/fout/500",

        // A body the server cannot read (broken multipart, too many fields, too large) is the client's error.
        StatusCodeSelector = exception => exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException or InvalidOperationException { Source: "Microsoft.AspNetCore.WebUtilities" } => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        },
    });
    app.UseHsts();
}

// One line per request. The path only, never the query string: the facilitator's link carries its key there
// (`?sleutel=`), and it must not end up in log files. 5xx responses and exceptions are logged as errors.
app.UseSerilogRequestLogging(options =>
{
    // Without a logger of its own the middleware writes to the static Log.Logger, which this app leaves silent.
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    options.IncludeQueryInRequestPath = false;
    options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";

    // A public report's token is part of its path (/openbaar/{token}): logged as /openbaar/[redacted].
    options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
    [
        new("RequestMethod", new Serilog.Events.ScalarValue(context.Request.Method)),
        new("RequestPath", new Serilog.Events.ScalarValue(FacilitatorKeyRedaction.Redact(path))),
        new("StatusCode", new Serilog.Events.ScalarValue(status)),
        new("Elapsed", new Serilog.Events.ScalarValue(elapsed)),
    ];
});
app.UseMiddleware<SecurityHeaders>();
app.UseStatusCodePagesWithReExecute("/fout/{0}");
app.UseHostHeaderCheck();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
if (app.Services.GetRequiredService<StorageChoice>().Provider == StorageProvider.PostgreSql)
{
    // Several instances: the same limits, counted in the database for all of them together.
    app.UseMiddleware<InstallationLimits>();
}

app.MapHealthChecks("/health");
app.MapPoster();
app.MapLive();
app.MapRazorPages();
app.MapTheme();

await app.RunAsync();
return 0;

/// <summary>Exposed so the integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
