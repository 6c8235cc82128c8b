using System.Text.Json.Nodes;
using HandhavingsKoers.Tests.Infrastructure;
using HandhavingsKoers.Web.Content;

namespace HandhavingsKoers.Tests.Content;

public sealed class EditionLoaderTests
{
    private static readonly string SeedFolder = Path.Combine(AppContext.BaseDirectory, "seeds");
    private static string ValidJson => File.ReadAllText(Path.Combine(SeedFolder, "praatplaat-2024.json"));

    [Fact]
    public void The_2024_praatplaat_loads_with_its_questions_word_for_word()
    {
        var catalog = EditionLoader.LoadFolder(SeedFolder);
        var edition = catalog.Get("praatplaat-2024");

        Assert.True(edition.Official);
        Assert.Equal(["vertrouwen", "menselijke-maat", "preventie", "gepaste-sanctionering", "maatwerk", "doenvermogen"],
            edition.Principles.Select(p => p.Key));
        Assert.Equal("Hoe verhoudt het werken vanuit vertrouwen zich tot naleving?", edition.Principles[0].Question);
        Assert.Equal("Wat verstaan we onder verminderd doenvermogen van burgers?", edition.Principles[5].Question);
        Assert.Equal("Hoe wil ik dat de burger mijn gemeente ziet?", edition.Visie.Question);
        Assert.Equal("Wat zijn drie zaken die ik morgen in gang kan zetten om mijn eigen handhavingskoers vorm te geven?", edition.Closing.Question);
        Assert.All(edition.Panels, p =>
        {
            Assert.Equal("Wat doet mijn gemeente al?", p.Prompts.Already);
            Assert.Equal("Wat moeten we nog doen?", p.Prompts.Todo);
            Assert.NotEmpty(p.Links);
        });
    }

    [Fact]
    public void The_2026_edition_is_ours_clearly_marked_and_the_official_one_comes_first()
    {
        var catalog = EditionLoader.LoadFolder(SeedFolder);
        Assert.Equal(["praatplaat-2024", "koers-2026-2029"], catalog.All.Select(e => e.Key));

        var edition = catalog.Get("koers-2026-2029");
        Assert.False(edition.Official);
        Assert.StartsWith("Vraag opgesteld door HandhavingsKoers; geen officiële vraag van de VNG.", edition.Attribution, StringComparison.Ordinal);
        Assert.Contains("geen officiële praatplaat", edition.Introduction, StringComparison.Ordinal);
        Assert.Equal(["vertrouwen", "preventie", "maatwerk", "passend-handhaven", "risicogericht-toezicht", "leren-van-incidenten", "ai-en-risicoselectie", "dienstverlening", "rechtspositie"],
            edition.Principles.Select(p => p.Key));
        Assert.All(edition.Panels, p =>
        {
            Assert.Equal("Wat doet mijn gemeente al?", p.Prompts.Already);
            Assert.Equal("Wat moeten we nog doen?", p.Prompts.Todo);
        });

        // Its questions are its own, not the praatplaat's.
        var official = catalog.Get("praatplaat-2024").Panels.Select(p => p.Question).ToHashSet();
        Assert.DoesNotContain(edition.Panels, p => official.Contains(p.Question));
    }

    [Fact]
    public void Every_question_in_the_seed_appears_word_for_word_in_the_source_praatplaat()
    {
        // The praatplaat's own text, as kept beside the project; if it is not there, the seed's copy is the check.
        var source = FindSourceText();
        if (source is null)
        {
            return;
        }

        var edition = EditionLoader.LoadFolder(SeedFolder).Get("praatplaat-2024");
        foreach (var text in edition.Panels.SelectMany(p => new[] { p.Question, p.Prompts.Already, p.Prompts.Todo }).Append(edition.Closing.Question))
        {
            Assert.Contains(text, source, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("$.principles[0].question", "", "$.principles[0].question", "is empty")]
    [InlineData("$.principles[1].key", "vertrouwen", "$.principles[1].key", "used twice")]
    [InlineData("$.principles[2].key", "Preventie!", "$.principles[2].key", "may hold only")]
    [InlineData("$.principles[3].links[0].url", "http://vng.nl", "$.principles[3].links[0].url", "not an absolute https://")]
    [InlineData("$.visie.key", "welkom", "$.visie.key", "reserved")]
    [InlineData("$.closing.question", " Vraag", "$.closing.question", "white space")]
    [InlineData("$.principles[2].topic", "vertrouwen", "$.principles[2].topic", "used by more than one panel")]
    [InlineData("$.visie.topic", "Visie 2024", "$.visie.topic", "may hold only")]
    public void A_broken_field_is_reported_with_file_place_and_problem(string path, string value, string place, string problem)
    {
        var json = JsonNode.Parse(ValidJson)!;
        json.AsObject().Remove("posterOrder"); // it names the keys; changing a key is tested on its own here
        Set(json, path, value);

        var (edition, problems) = EditionLoader.Parse("kapot.json", json.ToJsonString());

        Assert.Null(edition);
        var reported = Assert.Single(problems);
        Assert.Equal("kapot.json", reported.File);
        Assert.Equal(place, reported.Place);
        Assert.Contains(problem, reported.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_field_or_a_typo_in_a_name_is_reported_with_its_place()
    {
        var json = JsonNode.Parse(ValidJson)!;
        json["principles"]![0]!.AsObject().Remove("question");
        var (_, missing) = EditionLoader.Parse("kapot.json", json.ToJsonString());
        Assert.Contains("question", Assert.Single(missing).Problem, StringComparison.Ordinal);
        Assert.StartsWith("$.principles[0]", missing[0].Place, StringComparison.Ordinal);

        json = JsonNode.Parse(ValidJson)!;
        json["visie"]!["explenation"] = "typo";
        var (_, typo) = EditionLoader.Parse("kapot.json", json.ToJsonString());
        Assert.Contains("explenation", Assert.Single(typo).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_editions_share_their_comparable_topics_and_say_which_have_no_counterpart()
    {
        var catalog = EditionLoader.LoadFolder(SeedFolder);
        var old = catalog.Get("praatplaat-2024").Panels.ToDictionary(p => p.TopicKey, p => p.Key);
        var renewed = catalog.Get("koers-2026-2029").Panels.ToDictionary(p => p.TopicKey, p => p.Key);

        var shared = old.Keys.Intersect(renewed.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["maatwerk", "menselijke-maat", "preventie", "reactie-op-overtreding", "vertrouwen", "visie"], shared);
        Assert.Equal("gepaste-sanctionering", old["reactie-op-overtreding"]);
        Assert.Equal("passend-handhaven", renewed["reactie-op-overtreding"]);
        Assert.Equal("rechtspositie", renewed["menselijke-maat"]);
        Assert.DoesNotContain("doenvermogen", renewed.Keys);
    }

    [Fact]
    public void The_poster_order_must_name_every_panel_once()
    {
        var json = JsonNode.Parse(ValidJson)!;
        json["posterOrder"]![6] = "vertrouwen";
        var (_, problems) = EditionLoader.Parse("kapot.json", json.ToJsonString());
        Assert.Equal("$.posterOrder", Assert.Single(problems).Place);

        var edition = EditionLoader.Parse("ok.json", ValidJson).Edition!;
        Assert.Equal(["vertrouwen", "gepaste-sanctionering", "menselijke-maat", "maatwerk", "preventie", "doenvermogen", "visie"],
            edition.PosterPanels.Select(p => p.Key));
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_line()
    {
        var broken = ValidJson.Replace("\"koers\": \"Handhavingskoers 2022–2025\",", "\"koers\": \"Handhavingskoers 2022–2025\"", StringComparison.Ordinal);
        var (edition, problems) = EditionLoader.Parse("kapot.json", broken);
        Assert.Null(edition);
        var line = ValidJson.Split('\n').ToList().FindIndex(l => l.Contains("\"official\"", StringComparison.Ordinal)) + 1;
        Assert.Contains($"line {line}", Assert.Single(problems).Place, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_editions_or_with_two_of_the_same_key_is_refused()
    {
        var empty = AppFactory.NewFolder();
        Assert.Contains("no edition", Assert.Throws<SeedValidationException>(() => EditionLoader.LoadFolder(empty)).Message, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(empty, "a.json"), ValidJson);
        File.WriteAllText(Path.Combine(empty, "b.json"), ValidJson);
        Assert.Contains("more than one file", Assert.Throws<SeedValidationException>(() => EditionLoader.LoadFolder(empty)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_does_not_start_with_a_broken_seed_and_names_the_file_the_place_and_the_problem()
    {
        var seeds = AppFactory.NewFolder();
        var json = JsonNode.Parse(ValidJson)!;
        json["principles"]![4]!["title"] = "";
        File.WriteAllText(Path.Combine(seeds, "praatplaat-2024.json"), json.ToJsonString());

        await using var app = new AppFactory(AppFactory.NewFolder(), seeds);
        var error = Assert.Throws<SeedValidationException>(() => app.CreateClient());
        Assert.Contains("praatplaat-2024.json: $.principles[4].title: is empty", error.Message, StringComparison.Ordinal);
    }

    private static void Set(JsonNode root, string path, string value)
    {
        // "$.a[1].b" → walk to the parent, then set the last name.
        var parts = path[2..].Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            node = Step(node, part);
        }

        var last = parts[^1];
        if (last.Contains('['))
        {
            Step(node, last[..last.IndexOf('[')])!.AsArray()[Index(last)] = value;
        }
        else
        {
            node[last] = value;
        }
    }

    private static JsonNode Step(JsonNode node, string part) => part.Contains('[')
        ? node[part[..part.IndexOf('[')]]![Index(part)]!
        : node[part]!;

    private static int Index(string part) =>
        int.Parse(part[(part.IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);

    private static string? FindSourceText()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "shared", "seeds", "000_ff0d3bf7410dda91.txt");
            if (File.Exists(file))
            {
                return File.ReadAllText(file);
            }
        }

        return null;
    }
}
