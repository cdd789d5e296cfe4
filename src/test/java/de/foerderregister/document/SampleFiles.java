package de.foerderregister.document;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small but real files of each kind, made here so that no binary fixture hides what a test checks. */
public final class SampleFiles {

    static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private SampleFiles() {
    }

    public static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] png() {
        return image("png");
    }

    public static byte[] jpeg() {
        return image("jpg");
    }

    public static byte[] docx() {
        return ooxml("word/document.xml", DOCX_MAIN,
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
    }

    public static byte[] xlsx() {
        return ooxml("xl/workbook.xml", XLSX_MAIN,
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>");
    }

    /** A DOCX whose main part is declared macro-enabled (a DOCM): an office file, but not one that is kept. */
    public static byte[] docm() {
        return ooxml("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml",
                "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
    }

    public static byte[] odt() {
        return odf("application/vnd.oasis.opendocument.text");
    }

    public static byte[] ods() {
        return odf("application/vnd.oasis.opendocument.spreadsheet");
    }

    /** An ordinary ZIP archive of a text file. */
    public static byte[] zip() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("readme.txt", "nur ein Archiv");
        return zip(entries, null);
    }

    /** The start of a Windows program: DOS header, stub and PE signature. */
    public static byte[] exe() {
        byte[] program = new byte[1024];
        program[0] = 'M';
        program[1] = 'Z';
        program[0x3c] = (byte) 0x80;
        program[0x80] = 'P';
        program[0x81] = 'E';
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, program, 0x4e, stub.length);
        return program;
    }

    public static byte[] html() {
        return """
                <!DOCTYPE html>
                <html><head><title>Bescheid</title></head>
                <body><script>alert(document.cookie)</script></body></html>
                """.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] ooxml(String mainPart, String mainType, String mainContent) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/%s" ContentType="%s"/>
                </Types>""".formatted(mainPart, mainType));
        entries.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/>
                </Relationships>""".formatted(mainPart));
        entries.put(mainPart, mainContent);
        return zip(entries, null);
    }

    private static byte[] odf(String mimetype) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
        entries.put("META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>");
        return zip(entries, mimetype);
    }

    /** A ZIP of the entries; with a mimetype, first an uncompressed entry {@code mimetype} as OpenDocument requires. */
    static byte[] zip(Map<String, String> entries, String mimetype) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (mimetype != null) {
                byte[] bytes = mimetype.getBytes(StandardCharsets.US_ASCII);
                ZipEntry entry = new ZipEntry("mimetype");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(bytes);
                zip.closeEntry();
            }
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
