using System.Text.RegularExpressions;

namespace HandhavingsKoers.Tests.Texts;

/// <summary>
/// All interface text lives in <c>Texts/</c> (<c>Texts.cs</c> and <c>Messages.cs</c>), so it can be read through for
/// plain Dutch and translated later. These tests read the pages and the script and fail on Dutch written into them.
/// The detection is a heuristic (a test, not a parser): text between tags, user-facing attributes, and string
/// literals that read like Dutch words.
/// </summary>
public sealed partial class InterfaceTextTests
{
    private static readonly string WebProject = FindWebProject();

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(WebProject, "Pages"), "*.cshtml", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(WebProject, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_page_takes_its_sentences_from_Texts(string page)
    {
        var found = DutchIn(File.ReadAllText(Path.Combine(WebProject, page))).ToList();
        Assert.True(found.Count == 0, $"{page} has interface text of its own; move it to Texts/Texts.cs:\n  " + string.Join("\n  ", found));
    }

    /// <summary>Every C# file of the web project outside <c>Texts/</c> (and outside the build's own folders).</summary>
    public static TheoryData<string> CodeFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(WebProject, "*.cs", SearchOption.AllDirectories).Order())
        {
            var relative = Path.GetRelativePath(WebProject, file);
            if (!relative.StartsWith("Texts" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                data.Add(relative);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CodeFiles))]
    public void Code_takes_its_sentences_from_Texts(string file)
    {
        // Comments are English prose for developers; log messages are for operators (English too).
        var code = LineComment().Replace(DocComment().Replace(File.ReadAllText(Path.Combine(WebProject, file)), ""), "");
        var found = CsStringLiteral().Matches(code).Select(m => m.Groups["text"].Value).Where(ReadsAsDutch).ToList();
        Assert.True(found.Count == 0, $"{file} has interface text of its own; move it to Texts/Texts.cs or Texts/Messages.cs:\n  " + string.Join("\n  ", found));
    }

    [Theory]
    [InlineData("live.js")]
    [InlineData("conclude.js")]
    [InlineData("copy.js")]
    public void The_script_takes_its_sentences_from_Texts(string file)
    {
        var script = File.ReadAllText(Path.Combine(WebProject, "wwwroot", "js", file));
        var code = LineComment().Replace(script, "");
        var found = JsStringLiteral().Matches(code).Select(m => m.Groups["text"].Value).Where(LooksDutch).ToList();
        Assert.True(found.Count == 0, $"{file} has interface text of its own; move it to Texts:\n  " + string.Join("\n  ", found));
    }

    [Theory]
    [InlineData("<p>Bewaren</p>", true)]
    [InlineData("<button>@Texts.Site.Save</button>", false)]
    [InlineData("<p>@(cond ? \"Stap sluiten\" : \"Stap weer openen\")</p>", true)]
    [InlineData("<p>@(cond ? Texts.A : Texts.B)</p>", false)]
    [InlineData("<nav aria-label=\"Stappen van de workshop\">", true)]
    [InlineData("<nav aria-label=\"@Texts.Step.StepsLabel\">", false)]
    [InlineData("@{ ViewData[\"Title\"] = $\"Stap {Model.Step.Index} van {count}\"; }", true)]
    [InlineData("@if (x)\n{\n    <span class=\"badge\">@Texts.Step.Now</span>\n}\nelse\n{\n}", false)]
    [InlineData("<div class=\"field@(invalid ? \" utrecht-form-field--invalid field-invalid\" : \"\")\">", false)]
    public void The_detector_finds_what_a_reviewer_would(string razor, bool dutch) =>
        Assert.Equal(dutch, DutchIn(razor).Any());

    /// <summary>Pieces of a Razor page that read like interface text.</summary>
    private static IEnumerable<string> DutchIn(string razor)
    {
        var page = RazorComment().Replace(razor, "");
        foreach (Match literal in CsStringLiteral().Matches(page))
        {
            if (LooksDutch(literal.Groups["text"].Value)) yield return literal.Value;
        }

        foreach (Match attribute in UserFacingAttribute().Matches(page))
        {
            if (!attribute.Groups["value"].Value.StartsWith('@') && attribute.Groups["value"].Value.Any(char.IsLetter)) yield return attribute.Value;
        }

        // Text between tags, without the expressions and lines that are C#.
        var markup = RazorExpression().Replace(FunctionsBlock().Replace(page, ""), "");
        markup = string.Join("\n", markup.Split('\n').Where(line => !IsCodeLine(line.Trim())));
        foreach (Match text in TextNode().Matches(markup))
        {
            if (CodeKeyword().Replace(text.Groups["text"].Value, "").Any(char.IsLetter)) yield return text.Groups["text"].Value.Trim();
        }
    }

    private static bool IsCodeLine(string line) =>
        line.StartsWith('@') && !line.StartsWith("@Texts", StringComparison.Ordinal) || line is "{" or "}" || line.StartsWith("else", StringComparison.Ordinal)
        || line.StartsWith("case ", StringComparison.Ordinal) || line is "break;" || line.StartsWith("var ", StringComparison.Ordinal)
        || line.StartsWith("ViewData[", StringComparison.Ordinal) || line.StartsWith("string ", StringComparison.Ordinal);

    /// <summary>A literal that reads as words (two or more, or one with a Dutch function word), not as a class or a key.</summary>
    private static bool LooksDutch(string literal)
    {
        var words = Regex.Replace(literal, @"\{[^}]*\}", " ").Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => DutchWords.Contains(w.Trim('.', ',', ':', '?', '!', '(', ')').ToLowerInvariant()))) return true;
        var plain = words.Where(w => w.All(c => char.IsLetter(c) || c is '.' or ',' or ':' or '?' or '!')).ToList();
        return plain.Count >= 2 && plain.Count == words.Length && char.IsUpper(plain[0][0]);
    }

    /// <summary>
    /// In C# code, literals are mostly English (log lines, exceptions for developers) or keys ("alle"): a literal
    /// counts as Dutch when it has at least two words and one of them is a Dutch function word.
    /// </summary>
    private static bool ReadsAsDutch(string literal)
    {
        var words = Regex.Replace(literal, @"\{[^}]*\}", " ").Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 2 && words.Any(w => DutchWords.Contains(w.Trim('.', ',', ':', '?', '!', '(', ')', '_').ToLowerInvariant()));
    }

    [Theory]
    [InlineData("_Geen notities._", true)]
    [InlineData("tussen {low} en {high}", true)]
    [InlineData("The app cannot start. {Problem}", false)]
    [InlineData("alle", false)]
    public void The_code_detector_finds_dutch_sentences_not_english_or_keys(string literal, bool dutch) =>
        Assert.Equal(dutch, ReadsAsDutch(literal));

    private static readonly HashSet<string> DutchWords =
    [
        "de", "het", "een", "van", "uw", "u", "niet", "met", "voor", "bij", "naar", "nog", "wat", "deze", "die", "zijn",
        "kunt", "geen", "ook", "aan", "er", "en", "op", "om", "we", "hier", "alle", "wie", "klaar", "notities",
    ];

    private static string FindWebProject()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HandhavingsKoers.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("HandhavingsKoers.sln not found above the test output"), "src", "HandhavingsKoers.Web");
    }

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex("\"(?<text>(?:[^\"\\\\\\n]|\\\\.)*)\"")]
    private static partial Regex CsStringLiteral();

    [GeneratedRegex("""(?<q>["'`])(?<text>(?:(?!\k<q>)[^\\\n]|\\.)*)\k<q>""")]
    private static partial Regex JsStringLiteral();

    [GeneratedRegex(@"^\s*//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex DocComment();

    [GeneratedRegex("(?:aria-label|title|alt|placeholder)=\"(?<value>[^\"]*)\"")]
    private static partial Regex UserFacingAttribute();

    [GeneratedRegex(@"@functions\s*\{.*\}", RegexOptions.Singleline)]
    private static partial Regex FunctionsBlock();

    [GeneratedRegex(@">(?<text>[^<>]*)<")]
    private static partial Regex TextNode();

    /// <summary>@Name.Name(...)[...] chains, @keyword (...) and @(...), brackets balanced, over several lines.</summary>
    [GeneratedRegex(@"@(?:\((?>[^()]+|\((?<d>)|\)(?<-d>))*(?(d)(?!))\)|[A-Za-z_][\w.!]*(?:\s?(?:\((?>[^()]+|\((?<e>)|\)(?<-e>))*(?(e)(?!))\)|\[[^\]]*\])[\w.!]*)*)")]
    private static partial Regex RazorExpression();

    [GeneratedRegex(@"\b(?:else|if|foreach|for|var|in|case|break|switch|text)\b|[{}();:=·…→←–-]")]
    private static partial Regex CodeKeyword();
}
