package pe.cardumen.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Renders a page of a PDF to an image (the report preview). */
public final class PdfPreview {
    private PdfPreview() {
    }

    /**
     * @param page 0-based page
     * @param dpi  resolution
     * @throws IOException when the file is not a readable PDF or has no such page
     */
    public static BufferedImage page(Path pdf, int page, float dpi) throws IOException {
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            if (page < 0 || page >= doc.getNumberOfPages()) {
                throw new IOException(pdf.getFileName() + " has " + doc.getNumberOfPages() + " pages, not " + (page + 1));
            }
            return new PDFRenderer(doc).renderImageWithDPI(page, dpi);
        }
    }
}
