using HandhavingsKoers.Web;
using HandhavingsKoers.Web.Content;
using HandhavingsKoers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Serilog from configuration, one logger per host (test hosts in one process must not share the static Log.Logger).
var logger = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger();
builder.Logging.ClearProviders();
builder.Logging.AddSerilog(logger, dispose: true);

builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section));
builder.Services.AddOptions<ContentOptions>().Bind(builder.Configuration.GetSection(ContentOptions.Section));

builder.Services.AddSingleton(sp => EditionLoader.LoadFolder(
    sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ContentOptions>>().Value.ResolveSeedFolder()));
builder.Services.AddDbContext<AppDbContext>((sp, options) => options.UseSqlite(
    sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value
        .ConnectionString(sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
builder.Services.AddSingleton(TimeProvider.System);

builder.Services.AddRazorPages(options => options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()))
    .AddMvcOptions(options => DutchModelBinding.Apply(options.ModelBindingMessageProvider));
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>(
    "database",
    customTestQuery: async (db, ct) =>
    {
        // Proves the file opens and the schema is there, not just that a connection can be made.
        await db.Workshops.AnyAsync(ct);
        return true;
    });

var app = builder.Build();

try
{
    // Fail fast: a broken seed file or an unreachable data file should stop the app at start, not at the first visitor.
    app.Services.GetRequiredService<EditionCatalog>();
    app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value
        .Prepare(app.Services, app.Environment.ContentRootPath);
}
catch (SeedValidationException e)
{
    app.Logger.LogCritical("The app cannot start. {Problem}", e.Message);
    throw;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fout/500");
}

app.UseMiddleware<RequestLogging>();
app.UseStatusCodePagesWithReExecute("/fout/{0}");
app.UseStaticFiles();
app.UseRouting();
app.MapHealthChecks("/health");
app.MapRazorPages();

app.Run();

/// <summary>Exposed so the integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
