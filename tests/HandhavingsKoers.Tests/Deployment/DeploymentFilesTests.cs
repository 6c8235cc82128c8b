using System.Text.RegularExpressions;
using HandhavingsKoers.Tests.Infrastructure;

namespace HandhavingsKoers.Tests.Deployment;

/// <summary>
/// The files an IT department copies (deploy/, publiccode.yml) agree with the docs that explain them.
/// (NginxTests in the end-to-end project runs the nginx file itself; DataFolderTests the start on a bad folder.)
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([AppProcess.RepositoryRoot, .. path]));

    [Fact]
    public void The_nginx_config_in_the_deployment_guide_is_the_one_in_deploy()
    {
        var guide = NginxBlock().Match(Read("docs", "deployment.md"));
        Assert.True(guide.Success, "docs/deployment.md has no nginx block.");

        Assert.Equal(Directives(Read("deploy", "nginx", "handhavingskoers.conf")), Directives(guide.Groups["config"].Value));

        static List<string> Directives(string config) => config.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
    }

    [Fact]
    public void Every_setting_in_the_systemd_settings_file_is_in_the_readme_configuration_table()
    {
        var readme = Read("README.md");
        var settings = Read("deploy", "systemd", "handhavingskoers.env").Split('\n')
            .Select(l => l.TrimStart('#', ' '))
            .Select(l => SettingLine().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups["key"].Value)
            .ToList();

        Assert.Contains("Site__PublicBaseUrl", settings);
        foreach (var key in settings.Where(k => k is not ("ASPNETCORE_ENVIRONMENT" or "DOTNET_CLI_TELEMETRY_OPTOUT")))
        {
            // Section__Key (with __0 for a list) is Section:Key in the table.
            var name = ListIndex().Replace(key, "").Replace("__", ":", StringComparison.Ordinal);
            var documented = name.StartsWith("Serilog:", StringComparison.Ordinal) ? "`Serilog:*`" : $"| `{name}` |";
            Assert.True(readme.Contains(documented, StringComparison.Ordinal), $"{key} is not in the README's configuration table.");
        }
    }

    [Fact]
    public void Publiccode_yml_names_the_licence_of_the_repository_and_describes_the_app_in_dutch_and_english()
    {
        var lines = Read("publiccode.yml").Split('\n');
        Assert.Contains("publiccodeYmlVersion: \"0.4\"", lines);
        Assert.Contains("name: HandhavingsKoers", lines);
        Assert.Contains("developmentStatus: beta", lines);
        Assert.Contains(lines, l => l.StartsWith("url: \"https://", StringComparison.Ordinal));

        var licence = SpdxLine().Match(Read("LICENSE")).Groups["id"].Value;
        Assert.Equal("EUPL-1.2", licence);
        Assert.Contains($"  license: {licence}", lines);

        foreach (var language in new[] { "nl", "en" })
        {
            var at = Array.IndexOf(lines, $"  {language}:");
            Assert.True(at > 0, $"No description in '{language}'.");
            var shortDescription = Folded(lines, at, "shortDescription");
            var longDescription = Folded(lines, at, "longDescription");

            // The standard's limits.
            Assert.InRange(shortDescription.Length, 20, 150);
            Assert.InRange(longDescription.Length, 150, 10000);
        }
    }

    /// <summary>A folded block (<c>key: &gt;-</c>) under the language at <paramref name="from"/>, as one line.</summary>
    private static string Folded(string[] lines, int from, string key)
    {
        var start = Array.FindIndex(lines, from, l => l == $"    {key}: >-");
        Assert.True(start > 0, $"No {key} after line {from}.");
        return string.Join(' ', lines.Skip(start + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)).Select(l => l.Trim()));
    }

    [GeneratedRegex("```nginx\n(?<config>.*?)```", RegexOptions.Singleline)]
    private static partial Regex NginxBlock();

    [GeneratedRegex("^(?<key>[A-Za-z_][A-Za-z0-9_]*)=")]
    private static partial Regex SettingLine();

    [GeneratedRegex("__[0-9]+$")]
    private static partial Regex ListIndex();

    [GeneratedRegex("SPDX-License-Identifier: (?<id>\\S+)")]
    private static partial Regex SpdxLine();
}
