using HandhavingsKoers.Web;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using HandhavingsKoers.Web.Hosting;
using HandhavingsKoers.Web.Live;
using HandhavingsKoers.Web.Maintenance;
using HandhavingsKoers.Web.Reports;
using HandhavingsKoers.Web.Security;
using HandhavingsKoers.Web.Theme;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Extensions.Logging;

var builder = WebApplication.CreateBuilder(args);

// Serilog from configuration, one logger per host (test hosts in one process must not share the static Log.Logger).
// Built when the container first asks for it, so it reads the final configuration, test overrides included.
builder.Logging.ClearProviders();
builder.Services.AddSingleton<ILoggerProvider>(sp => new SerilogLoggerProvider(
    new LoggerConfiguration().ReadFrom.Configuration(sp.GetRequiredService<IConfiguration>()).CreateLogger(), dispose: true));

builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section))
    .Validate(o => o.HasValidSynchronous, "Storage:Synchronous must be NORMAL or FULL.").ValidateOnStart();
builder.Services.AddOptions<ContentOptions>().Bind(builder.Configuration.GetSection(ContentOptions.Section));
builder.Services.AddOptions<ReportsOptions>().Bind(builder.Configuration.GetSection(ReportsOptions.Section));
builder.Services.AddOptions<ThemeOptions>().Bind(builder.Configuration.GetSection(ThemeOptions.Section));
builder.Services.AddSingleton<ThemeStylesheet>();

builder.Services.AddSingleton(sp => EditionLoader.LoadFolder(
    sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolveSeedFolder()));
builder.Services.AddSingleton<WriteGate>();
builder.Services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, options) =>
{
    var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
    options.UseSqlite(storage.ConnectionString(sp.GetRequiredService<IHostEnvironment>().ContentRootPath))
        .AddInterceptors(new SqlitePragmas(storage.Synchronous));
});
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IWorkshopEvents, InMemoryWorkshopEvents>();

// Antiforgery tokens and TempData are protected with keys; keep them beside the data file so forms that are open in
// people's browsers still work after a restart or an upgrade.
builder.Services.AddDataProtection().SetApplicationName("HandhavingsKoers");
builder.Services.AddOptions<KeyManagementOptions>()
    .Configure<IOptions<StorageOptions>, IHostEnvironment, ILoggerFactory>((options, storage, env, loggers) =>
        options.XmlRepository = new FileSystemXmlRepository(
            new DirectoryInfo(storage.Value.KeysFolder(env.ContentRootPath)), loggers));

builder.Services.AddRazorPages()
    .AddMvcOptions(options =>
    {
        DutchModelBinding.Apply(options.ModelBindingMessageProvider);
        options.Filters.Add(new HandhavingsKoers.Web.Pages.AntiforgeryRefusalFilter());
        options.Filters.Add(new HandhavingsKoers.Web.Pages.UnknownHandlerFilter());
    });
builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.Section));
builder.Services.AddSingleton<RetentionService>();
if (!Commands.IsCommand(args))
{
    builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
}

builder.Services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section));
builder.Services.AddRateLimiter(options =>
{
    // Only posting a join code is limited, per client address: guessing codes is the one brute-force target.
    options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/doemee")
            ? RateLimitPartition.GetFixedWindowLimiter(
                "join:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.JoinAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
            : RateLimitPartition.GetNoLimiter("other"));
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    options.OnRejected = (context, _) =>
    {
        // The status code page shows this message (re-executed, like every refusal).
        context.HttpContext.Items[HandhavingsKoers.Web.Pages.RefusalExtensions.MessageKey] = Messages.TooManyJoinAttempts;
        context.HttpContext.Response.Headers.RetryAfter = "60";
        return ValueTask.CompletedTask;
    };
});
builder.Services.AddHealthChecks().AddCheck<DataFileHealthCheck>("database");

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
    app.CheckInstallation();
    app.Services.GetRequiredService<IOptions<StorageOptions>>().Value
        .Prepare(app.Services, app.Environment.ContentRootPath);
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

if (Commands.IsCommand(args))
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

app.UseMiddleware<RequestLogging>();
app.UseMiddleware<SecurityHeaders>();
app.UseStatusCodePagesWithReExecute("/fout/{0}");
app.UseHostHeaderCheck();
app.UseStaticFiles();
app.UseRouting();
app.UseRateLimiter();
app.MapHealthChecks("/health");
app.MapPoster();
app.MapLive();
app.MapRazorPages();
app.MapTheme();

await app.RunAsync();
return 0;

/// <summary>Exposed so the integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
