using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;

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
        foreach (var panel in report.Panels)
        {
            md.AppendLine().Append("## ").AppendLine(Escape(panel.Title)).AppendLine();
            md.Append("> ").AppendLine(Escape(panel.Question));
            AppendNotes(md, panel.PromptAlready, panel.Already);
            AppendNotes(md, panel.PromptTodo, panel.Todo);
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
