using QRCoder;

namespace HandhavingsKoers.Pdf;

/// <summary>QR codes as a grid of modules (QRCoder), to be drawn as vector squares: sharp at any print size.</summary>
public static class QrCodes
{
    /// <summary>The module matrix, quiet zone included; true is dark. Error correction M survives a crease in print.</summary>
    public static bool[,] Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var modules = new bool[size, size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                modules[y, x] = rows[y][x];
            }
        }

        return modules;
    }
}
