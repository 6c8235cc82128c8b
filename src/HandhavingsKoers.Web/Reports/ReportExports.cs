using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using HandhavingsKoers.Web.Workshops;

namespace HandhavingsKoers.Web.Reports;

/// <summary>The user's way out: the whole praatplaat as JSON, CSV and Markdown. No lock-in.</summary>
public static class ReportExports
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps "ë" and "’" readable; the file is served as JSON, never as HTML
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] ToJson(WorkshopReport report) => JsonSerializer.SerializeToUtf8Bytes(report, JsonOptions);

    /// <summary>
    /// One row per note and per action. Semicolon-separated with a byte-order mark, because that is what Excel with
    /// Dutch settings opens correctly; cells that start like a formula are escaped (CSV injection).
    /// </summary>
    public static byte[] ToCsv(WorkshopReport report)
    {
        var options = new CsvWriterOptions
        {
            Separator = ';',
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
        };
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord(["onderdeel", "vraag", "kolom", "tekst", "auteur"]);
            foreach (var panel in report.Panels)
            {
                foreach (var (prompt, notes) in new[] { (panel.PromptAlready, panel.Already), (panel.PromptTodo, panel.Todo) })
                {
                    foreach (var note in notes)
                    {
                        csv.WriteRecord([panel.Title, panel.Question, prompt, note.Text, note.Author]);
                    }
                }
            }

            foreach (var set in report.Actions)
            {
                foreach (var action in set.Actions)
                {
                    csv.WriteRecord(["Drie zaken voor morgen", report.ClosingQuestion, "", action, set.Participant]);
                }
            }

            // Scores: the count per answer and the median, never who gave which.
            foreach (var panel in report.Panels.Where(p => p.Scores is { Total: > 0 }))
            {
                foreach (var value in ScoreScale.Values)
                {
                    csv.WriteRecord([panel.Title, "Waar staan we?", $"{value} {ScoreScale.Label(value)}", panel.Scores!.CountOf(value).ToString(CultureInfo.InvariantCulture), ""]);
                }

                csv.WriteRecord([panel.Title, "Waar staan we?", "mediaan", panel.Scores!.Median!.Value.ToString("0.#", Dutch), ""]);
            }

            foreach (var action in report.TeamActions)
            {
                csv.WriteRecord(["Teamactie", "", $"klaar op {action.DueDate:yyyy-MM-dd}", action.Text, action.Owner]);
            }

            foreach (var action in report.PreviousActions)
            {
                csv.WriteRecord(["Actie van vorige keer", action.StatusLabel + (action.StatusNote is null ? "" : ": " + action.StatusNote), $"klaar op {action.DueDate:yyyy-MM-dd}", action.Text, action.Owner]);
            }
        }

        return buffer.ToArray();
    }

    public static byte[] ToMarkdown(WorkshopReport report)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Escape(report.Title)).AppendLine();
        md.Append("- Gemeente: ").AppendLine(Escape(report.Gemeente));
        md.Append("- Datum: ").AppendLine(report.Date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")));
        md.Append("- Praatplaat: ").AppendLine(Escape(report.EditionTitle) + " (" + Escape(report.Koers) + ")");
        md.Append("- Deelnemers: ").AppendLine(report.ParticipantCount.ToString(CultureInfo.InvariantCulture));
        md.Append("- ").AppendLine(Escape(report.Attribution));
        if (report.PreviousActions.Count > 0)
        {
            md.AppendLine().AppendLine("## Wat is er gebeurd met de acties van vorige keer?").AppendLine();
            md.AppendLine("| Actie | Wie | Klaar op | Wat is ermee gebeurd? |").AppendLine("| --- | --- | --- | --- |");
            foreach (var a in report.PreviousActions)
            {
                md.AppendLine(Dutch, $"| {Cell(a.Text)} | {Cell(a.Owner)} | {a.DueDate.ToString("d MMMM yyyy", Dutch)} | {Cell(a.StatusLabel + (a.StatusNote is null ? "" : ": " + a.StatusNote))} |");
            }
        }

        if (report.HasScores)
        {
            md.AppendLine().AppendLine("## Waar staan we?").AppendLine();
            md.AppendLine("Mediaan per onderwerp, van 1 (" + ScoreScale.Label(1).ToLowerInvariant() + ") tot 5 (" + ScoreScale.Label(5).ToLowerInvariant() + ").").AppendLine();
            md.Append("| Onderwerp | ").AppendJoin(" | ", report.Sessions.Select((s, i) => i == report.Sessions.Count - 1 ? $"Nu ({s.Label})" : s.Label)).AppendLine(" |");
            md.Append("| --- |").AppendJoin("", report.Sessions.Select(_ => " --- |")).AppendLine();
            foreach (var row in report.Trend)
            {
                md.Append("| ").Append(Cell(row.Topic)).Append(" | ").AppendJoin(" | ", row.Medians.Select(m => m is { } v ? v.ToString("0.#", Dutch) : "–")).AppendLine(" |");
            }
        }

        foreach (var panel in report.Panels)
        {
            md.AppendLine().Append("## ").AppendLine(Escape(panel.Title)).AppendLine();
            md.Append("> ").AppendLine(Escape(panel.Question));
            AppendNotes(md, panel.PromptAlready, panel.Already);
            AppendNotes(md, panel.PromptTodo, panel.Todo);
            if (panel.Scores is { Total: > 0 } scores)
            {
                md.AppendLine().AppendLine("### Waar staan we?").AppendLine();
                md.Append("Mediaan: ").Append(ScoreScale.Describe(scores.Median!.Value)).Append(" (").Append(scores.Total).AppendLine(" scores)").AppendLine();
                foreach (var value in ScoreScale.Values)
                {
                    md.Append("- ").Append(value).Append(' ').Append(ScoreScale.Label(value)).Append(": ").Append(scores.CountOf(value)).AppendLine();
                }
            }
            md.AppendLine().Append("Lees meer: ").AppendLine(string.Join(", ", panel.Links.Select(l => $"[{Escape(l.Title)}](<{l.Url}>)")));
        }

        md.AppendLine().AppendLine("## Drie zaken voor morgen").AppendLine();
        md.Append("> ").AppendLine(Escape(report.ClosingQuestion));
        if (report.Actions.Count == 0)
        {
            md.AppendLine().AppendLine("_Nog niets opgeschreven._");
        }

        foreach (var set in report.Actions)
        {
            md.AppendLine().Append("### ").AppendLine(Escape(set.Participant)).AppendLine();
            for (var i = 0; i < set.Actions.Count; i++)
            {
                md.Append(i + 1).Append(". ").AppendLine(Escape(set.Actions[i]).Replace("\n", "\n   ", StringComparison.Ordinal));
            }
        }

        md.AppendLine().AppendLine("## Teamacties").AppendLine();
        if (report.TeamActions.Count == 0)
        {
            md.AppendLine("_Geen teamacties._");
        }
        else
        {
            md.AppendLine("| Actie | Wie | Klaar op |").AppendLine("| --- | --- | --- |");
            foreach (var a in report.TeamActions)
            {
                md.AppendLine(Dutch, $"| {Cell(a.Text)} | {Cell(a.Owner)} | {a.DueDate.ToString("d MMMM yyyy", Dutch)} |");
            }
        }

        return new UTF8Encoding(false).GetBytes(md.ToString());
    }

    private static void AppendNotes(StringBuilder md, string prompt, IReadOnlyList<NoteReport> notes)
    {
        md.AppendLine().Append("### ").AppendLine(Escape(prompt)).AppendLine();
        if (notes.Count == 0)
        {
            md.AppendLine("_Geen notities._");
        }

        foreach (var note in notes)
        {
            md.Append("- ").Append(Escape(note.Text).Replace("\n", "\n  ", StringComparison.Ordinal))
                .Append(" — _").Append(Escape(note.Author)).AppendLine("_");
        }
    }

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A table cell: escaped, and on one line.</summary>
    private static string Cell(string text) => Escape(text).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Typed text must stay text: escape what Markdown would read as markup (and raw HTML).</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ("\\`*_[]<>#|~".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
