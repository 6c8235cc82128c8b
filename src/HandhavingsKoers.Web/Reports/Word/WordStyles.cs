using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace HandhavingsKoers.Web.Reports.Word;

/// <summary>
/// The styles, list numbering and settings of the Word report. The document body uses these style ids only (no
/// direct formatting), and the ids and names are Word's own built-in ones ("Heading1" / "heading 1", "ListBullet" /
/// "List Bullet", "TableGrid" / "Table Grid"...). So when a gemeente pastes the report into its own
/// raadsinformatiebrief template, Word maps every paragraph onto the template's styles and the text takes its look.
/// The definitions here only decide how the report looks when opened on its own.
/// </summary>
public static class WordStyles
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Subtitle = "Subtitle";
    public const string Heading1 = "Heading1";
    public const string Heading2 = "Heading2";
    public const string Heading3 = "Heading3";
    public const string Quote = "Quote";
    public const string Caption = "Caption";
    public const string ListBullet = "ListBullet";
    public const string ListNumber = "ListNumber";
    public const string TableGrid = "TableGrid";
    public const string Hyperlink = "Hyperlink";

    /// <summary>The numbering instances the list styles use.</summary>
    public const int BulletNumbering = 1;

    public const int DecimalNumbering = 2;

    private const string Primary = "00437A";
    private const string Muted = "595959";

    /// <summary>Adds the styles, numbering and settings parts to a new document.</summary>
    public static void AddTo(MainDocumentPart main)
    {
        main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = Numbering();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new DefaultTabStop { Val = 708 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode,
                Uri = "http://schemas.microsoft.com/office/word",
                Val = "15",
            }),
            new ThemeFontLanguages { Val = "nl-NL" });
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", EastAsia = "Calibri", ComplexScript = "Calibri" },
                new FontSize { Val = "22" },
                new FontSizeComplexScript { Val = "22" },
                new Languages { Val = "nl-NL", EastAsia = "nl-NL", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        Paragraph(Normal, "Normal", basedOn: null, isDefault: true),
        Character("DefaultParagraphFont", "Default Paragraph Font", isDefault: true),
        new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new UnhideWhenUsed(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true },
        new Style(new StyleName { Val = "No List" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Numbering, StyleId = "NoList", Default = true },
        Paragraph(Title, "Title", uiPriority: 10,
            paragraph: new StyleParagraphProperties(new SpacingBetweenLines { After = "80", Line = "240", LineRule = LineSpacingRuleValues.Auto }, new ContextualSpacing()),
            run: new StyleRunProperties(new Bold(), new Color { Val = Primary }, new Kern { Val = 28U }, new FontSize { Val = "52" }, new FontSizeComplexScript { Val = "52" })),
        Paragraph(Subtitle, "Subtitle", uiPriority: 11,
            paragraph: new StyleParagraphProperties(new SpacingBetweenLines { After = "240" }),
            run: new StyleRunProperties(new Color { Val = Muted }, new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" })),
        Heading(Heading1, "heading 1", level: 0, size: 32, before: 360),
        Heading(Heading2, "heading 2", level: 1, size: 26, before: 240),
        Heading(Heading3, "heading 3", level: 2, size: 22, before: 160),
        Paragraph(Quote, "Quote", uiPriority: 29,
            paragraph: new StyleParagraphProperties(
                new ParagraphBorders(new LeftBorder { Val = BorderValues.Single, Size = 24U, Space = 8U, Color = Primary }),
                new SpacingBetweenLines { Before = "120", After = "120" },
                new Indentation { Left = "240" }),
            run: new StyleRunProperties(new Bold())),
        Paragraph(Caption, "caption", uiPriority: 35,
            paragraph: new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }),
            run: new StyleRunProperties(new Bold(), new Color { Val = Muted }, new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
        List(ListBullet, "List Bullet", BulletNumbering),
        List(ListNumber, "List Number", DecimalNumbering),
        new Style(
            new StyleName { Val = "Table Grid" },
            new BasedOn { Val = "TableNormal" },
            new UIPriority { Val = 39 },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new RightBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "auto" })),
            // The header row is bold by the table style, not by formatting in the cells.
            new TableStyleProperties(new RunPropertiesBaseStyle(new Bold())) { Type = TableStyleOverrideValues.FirstRow })
        { Type = StyleValues.Table, StyleId = TableGrid },
        new Style(
            new StyleName { Val = "Hyperlink" },
            new BasedOn { Val = "DefaultParagraphFont" },
            new UIPriority { Val = 99 },
            new UnhideWhenUsed(),
            new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
        { Type = StyleValues.Character, StyleId = Hyperlink });

    private static Style Paragraph(string id, string name, string? basedOn = Normal, bool isDefault = false, int? uiPriority = null,
        StyleParagraphProperties? paragraph = null, StyleRunProperties? run = null)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = Normal });
        }

        if (uiPriority is { } priority)
        {
            style.Append(new UIPriority { Val = priority });
        }

        style.Append(new PrimaryStyle());
        if (paragraph is not null)
        {
            style.Append(paragraph);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }

    private static Style Character(string id, string name, bool isDefault) =>
        new(new StyleName { Val = name }, new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed())
        {
            Type = StyleValues.Character,
            StyleId = id,
            Default = isDefault,
        };

    private static Style Heading(string id, string name, int level, int size, int before) => Paragraph(id, name, uiPriority: 9,
        paragraph: new StyleParagraphProperties(
            new KeepNext(),
            new KeepLines(),
            new SpacingBetweenLines { Before = before.ToString(Texts.Dutch), After = "80" },
            new OutlineLevel { Val = level }),
        run: new StyleRunProperties(
            new Bold(),
            new Color { Val = level < 2 ? Primary : "000000" },
            new FontSize { Val = size.ToString(Texts.Dutch) },
            new FontSizeComplexScript { Val = size.ToString(Texts.Dutch) }));

    private static Style List(string id, string name, int numbering) => Paragraph(id, name, uiPriority: 99,
        paragraph: new StyleParagraphProperties(
            new NumberingProperties(new NumberingId { Val = numbering }),
            new SpacingBetweenLines { After = "60" },
            new Indentation { Left = "360", Hanging = "360" }));

    /// <summary>A bullet and a decimal list, one level each (the report has no nested lists).</summary>
    private static Numbering Numbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new ParagraphStyleIdInLevel { Val = ListBullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 1 },
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Decimal },
                new ParagraphStyleIdInLevel { Val = ListNumber },
                new LevelText { Val = "%1." },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }))
            { LevelIndex = 0 })
        { AbstractNumberId = 2 },
        new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumbering },
        new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = DecimalNumbering });
}
