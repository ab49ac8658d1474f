package pe.cardumen.report;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * A tagged PDF/A-1b document written from the top of each page down: headings, paragraphs, tables
 * with aligned numbers, figures, a running header and "page N of M" footers.
 *
 * <p>What makes it PDF/A-1b (checked by PDFBox's preflight in the tests): DejaVu Sans embedded, an sRGB
 * output intent, XMP metadata that repeats the document information, no transparency, no object
 * streams. Headings, paragraphs, table rows and figures are tagged in a structure tree with the
 * document's language, so screen readers and copy-paste follow the reading order; running headers and
 * footers are artifacts.
 */
final class PdfPages implements AutoCloseable {
    static final float MARGIN = 50;

    /** Horizontal alignment of a table column. */
    enum Align { LEFT, RIGHT }

    /** Document information, in the reader's language. */
    record Info(String title, String author, String subject, String keywords, String creator, String language, Calendar created) {
    }

    private final PDDocument doc = new PDDocument();
    final PDFont regular;
    final PDFont bold;
    private final PDStructureElement root;
    private final List<List<PDStructureElement>> byPage = new ArrayList<>();
    private final Info info;
    private final String runningHeader;
    private final String pageOfPages;
    PDPage page;
    PDPageContentStream cs;
    float y;
    private int mcid;

    /**
     * @param runningHeader printed at the top of every page but the first
     * @param pageOfPages   the footer's pattern with {0} and {1}, e.g. {@code Página {0} de {1}}
     */
    PdfPages(Info info, String runningHeader, String pageOfPages) throws IOException {
        this.info = info;
        this.runningHeader = runningHeader;
        this.pageOfPages = pageOfPages;
        doc.setVersion(1.4f);
        try (InputStream r = PdfPages.class.getResourceAsStream("fonts/DejaVuSans.ttf");
             InputStream b = PdfPages.class.getResourceAsStream("fonts/DejaVuSans-Bold.ttf")) {
            regular = PDType0Font.load(doc, r);
            bold = PDType0Font.load(doc, b);
        }
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDStructureTreeRoot tree = new PDStructureTreeRoot();
        catalog.setStructureTreeRoot(tree);
        root = new PDStructureElement("Document", tree);
        tree.appendKid(root);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        catalog.setLanguage(info.language());
    }

    // ---- pages ----

    /** Starts a page, portrait or landscape A4. */
    void newPage(boolean landscape) throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDRectangle a4 = PDRectangle.A4;
        page = new PDPage(landscape ? new PDRectangle(a4.getHeight(), a4.getWidth()) : a4);
        page.setStructParents(byPage.size());
        byPage.add(new ArrayList<>());
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        mcid = 0;
        y = top();
        if (doc.getNumberOfPages() > 1) {
            y -= 14;
        }
    }

    float width() {
        return page.getMediaBox().getWidth();
    }

    float top() {
        return page.getMediaBox().getHeight() - MARGIN;
    }

    /** The usable width between the margins. */
    float textWidth() {
        return width() - 2 * MARGIN;
    }

    /** Starts a new page of the same orientation when less than {@code h} points are left. */
    void need(float h) throws IOException {
        if (y - h < MARGIN) {
            newPage(width() > page.getMediaBox().getHeight());
        }
    }

    void gap(float h) {
        y -= h;
    }

    // ---- tagging ----

    /** Opens a tagged sequence of type {@code type} (H1, H2, P, Figure…) on this page; close with {@link #endTag()}. */
    PDStructureElement beginTag(String type) throws IOException {
        COSDictionary props = new COSDictionary();
        props.setInt(COSName.MCID, mcid);
        cs.beginMarkedContent(COSName.getPDFName(type), PDPropertyList.create(props));
        PDStructureElement e = new PDStructureElement(type, root);
        e.setPage(page);
        e.getCOSObject().setItem(COSName.K, COSInteger.get(mcid));
        root.appendKid(e);
        byPage.get(byPage.size() - 1).add(e);
        mcid++;
        return e;
    }

    void endTag() throws IOException {
        cs.endMarkedContent();
    }

    void beginArtifact() throws IOException {
        cs.beginMarkedContent(COSName.ARTIFACT);
    }

    // ---- text ----

    /** Text at a position (no tag: the caller tags). */
    void at(float x, float yy, String s, float size, PDFont f) throws IOException {
        cs.beginText();
        cs.setFont(f, size);
        cs.newLineAtOffset(x, yy);
        cs.showText(s.replace("\t", " "));
        cs.endText();
    }

    float stringWidth(String s, float size, PDFont f) throws IOException {
        return f.getStringWidth(s) / 1000 * size;
    }

    void colour(Color c) throws IOException {
        cs.setNonStrokingColor(c);
    }

    /** A heading, tagged H1 or H2. */
    void heading(String s, float size, int level) throws IOException {
        need(size * 2 + 24);
        y -= size + 6;
        beginTag(level == 1 ? "H1" : "H2");
        at(MARGIN, y, s, size, bold);
        endTag();
        y -= 5;
    }

    /** Text wrapped to the page width, tagged P. */
    void paragraph(String s, float size, boolean strong) throws IOException {
        paragraph(s, size, strong, MARGIN, textWidth());
    }

    void paragraph(String s, float size, boolean strong, float left, float max) throws IOException {
        PDFont f = strong ? bold : regular;
        List<String> lines = wrap(s, size, f, max);
        need((size + 3) * Math.min(lines.size(), 3));
        beginTag("P");
        for (String line : lines) {
            if (y - size - 3 < MARGIN) {
                endTag();
                need(size + 3);
                beginTag("P");
            }
            y -= size + 3;
            at(left, y, line, size, f);
        }
        endTag();
        y -= 2;
    }

    List<String> wrap(String s, float size, PDFont f, float max) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.length() == 0 ? word : line + " " + word;
            if (stringWidth(next, size, f) > max && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    // ---- tables ----

    /** A table row's look: plain, a total (bold, rule above) or marked (bold on a tint: the recommended cells). */
    record Row(String[] cells, boolean total, boolean[] marked) {
        static Row of(String... cells) {
            return new Row(cells, false, null);
        }

        static Row total(String... cells) {
            return new Row(cells, true, null);
        }
    }

    /**
     * A table: bold header, a rule, rows; numbers right-aligned; the header repeats on a new page.
     * Each row is tagged as a paragraph so that copy-paste keeps row order.
     */
    void table(String[] head, float[] widths, Align[] align, List<Row> rows, float size) throws IOException {
        float rowH = size + 5;
        need(rowH * 3);
        header(head, widths, align, size);
        for (Row r : rows) {
            if (y - rowH < MARGIN) {
                newPage(width() > page.getMediaBox().getHeight());
                header(head, widths, align, size);
            }
            if (r.total()) {
                rule(widths, y - 2, 0.6f);
            }
            y -= rowH;
            if (r.marked() != null) {
                beginArtifact();
                float x = MARGIN;
                for (int i = 0; i < widths.length; i++) {
                    if (i < r.marked().length && r.marked()[i]) {
                        cs.setNonStrokingColor(new Color(0xFF, 0xE8, 0xA8));
                        cs.addRect(x, y - 2.5f, widths[i] - 2, rowH);
                        cs.fill();
                    }
                    x += widths[i];
                }
                cs.setNonStrokingColor(Color.BLACK);
                endTag();
            }
            beginTag("P");
            cells(r.cells(), widths, align, size, r.total() ? bold : regular, r.marked());
            endTag();
        }
        y -= 4;
    }

    private void header(String[] head, float[] widths, Align[] align, float size) throws IOException {
        float lineH = size + 2;
        // a long header wraps inside its column
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < head.length; i++) {
            List<String> w = wrap(head[i], size, bold, widths[i] - 4);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
        }
        beginTag("P");
        float x = MARGIN;
        for (int i = 0; i < head.length; i++) {
            List<String> w = wrapped.get(i);
            for (int l = 0; l < w.size(); l++) {
                float yy = y - lineH * (lines - w.size() + l + 1);
                cell(w.get(l), x, yy, widths[i], align[i], size, bold);
            }
            x += widths[i];
        }
        endTag();
        y -= lineH * lines + 3;
        rule(widths, y, 0.5f);
    }

    private void rule(float[] widths, float at, float lineWidth) throws IOException {
        beginArtifact();
        cs.setStrokingColor(Color.GRAY);
        cs.setLineWidth(lineWidth);
        cs.moveTo(MARGIN, at);
        cs.lineTo(MARGIN + sum(widths), at);
        cs.stroke();
        endTag();
    }

    private void cells(String[] cells, float[] widths, Align[] align, float size, PDFont f, boolean[] marked) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            PDFont font = marked != null && i < marked.length && marked[i] ? bold : f;
            cell(cells[i], x, y, widths[i], align[i], size, font);
            x += widths[i];
        }
    }

    private void cell(String text, float x, float yy, float w, Align a, float size, PDFont f) throws IOException {
        String c = text == null ? "" : text;
        while (c.length() > 1 && stringWidth(c, size, f) > w - 4) {
            c = c.substring(0, c.length() - 2) + "…";
        }
        float tx = a == Align.RIGHT ? x + w - 6 - stringWidth(c, size, f) : x;
        at(tx, yy, c, size, f);
    }

    static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }

    // ---- finishing ----

    /** Writes headers and footers on every page, the parent tree, metadata and the output intent, and saves through a temporary file. */
    int save(Path out) throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
        int n = doc.getNumberOfPages();
        for (int i = 0; i < n; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                s.beginMarkedContent(COSName.ARTIFACT);
                float w = p.getMediaBox().getWidth();
                float h = p.getMediaBox().getHeight();
                s.setNonStrokingColor(new Color(90, 90, 90));
                String foot = java.text.MessageFormat.format(pageOfPages, i + 1, n);
                s.beginText();
                s.setFont(regular, 8);
                s.newLineAtOffset(w - MARGIN - stringWidth(foot, 8, regular), 25);
                s.showText(foot);
                s.endText();
                if (i > 0) {
                    s.beginText();
                    s.setFont(regular, 8);
                    s.newLineAtOffset(MARGIN, h - 32);
                    s.showText(runningHeader);
                    s.endText();
                    s.setStrokingColor(new Color(170, 170, 170));
                    s.setLineWidth(0.4f);
                    s.moveTo(MARGIN, h - 36);
                    s.lineTo(w - MARGIN, h - 36);
                    s.stroke();
                }
                s.endMarkedContent();
            }
        }
        parentTree();
        metadata();
        Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".writing");
        // no object streams: PDF/A-1 is PDF 1.4
        doc.save(tmp.toFile(), CompressParameters.NO_COMPRESSION);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
        return n;
    }

    private void parentTree() {
        PDNumberTreeNode tree = new PDNumberTreeNode(COSDictionary.class);
        COSArray nums = new COSArray();
        for (int i = 0; i < byPage.size(); i++) {
            COSArray elements = new COSArray();
            for (PDStructureElement e : byPage.get(i)) {
                elements.add(e.getCOSObject());
            }
            nums.add(COSInteger.get(i));
            nums.add(elements);
        }
        tree.getCOSObject().setItem(COSName.NUMS, nums);
        PDStructureTreeRoot t = doc.getDocumentCatalog().getStructureTreeRoot();
        t.setParentTree(tree);
        t.setParentTreeNextKey(byPage.size());
    }

    private void metadata() throws IOException {
        PDDocumentInformation di = doc.getDocumentInformation();
        di.setTitle(info.title());
        di.setAuthor(info.author());
        di.setSubject(info.subject());
        di.setKeywords(info.keywords());
        di.setCreator(info.creator());
        di.setProducer(info.creator());
        di.setCreationDate(info.created());
        di.setModificationDate(info.created());
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(info.title());
        dc.addCreator(info.author());
        dc.setDescription(info.subject());
        dc.addLanguage(info.language());
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(info.creator());
        pdf.setKeywords(info.keywords());
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(info.creator());
        basic.setCreateDate(info.created());
        basic.setModifyDate(info.created());
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        try {
            id.setPart(1);
            id.setConformance("B");
        } catch (org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write the PDF's XMP metadata: " + e.getMessage(), e);
        }
        PDMetadata m = new PDMetadata(doc);
        m.importXMPMetadata(bytes.toByteArray());
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        catalog.setMetadata(m);
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(srgb));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    /** A calendar of an ISO instant, UTC. */
    static Calendar calendar(String isoInstant) {
        Calendar c = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(java.time.Instant.parse(isoInstant).toEpochMilli());
        return c;
    }

    PDDocument document() {
        return doc;
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
        doc.close();
    }
}
