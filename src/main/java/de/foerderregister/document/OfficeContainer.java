package de.foerderregister.document;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Which office document a ZIP archive is, from its entries, read as a stream: an OpenDocument file
 * names its type in a first entry {@code mimetype} and has a {@code content.xml}; an Office Open XML
 * file declares its main part in {@code [Content_Types].xml}, and that part must be there. Magic
 * numbers alone cannot tell a DOCX from any ZIP (or from a macro-enabled DOCM), and the full Tika
 * container detectors would bring Apache POI along for these few lines.
 *
 * <p>A ZIP can inflate to far more than it holds, so the scan stops after {@link #INFLATED_MAX}
 * bytes and after {@link #ENTRIES_MAX} entries; what was not recognised by then is not an office
 * document.
 */
final class OfficeContainer {

    static final long INFLATED_MAX = 256L * 1024 * 1024;
    static final int ENTRIES_MAX = 10_000;
    private static final int SMALL_ENTRY_MAX = 1024 * 1024;
    private static final String ODF_MIMETYPE = "mimetype";
    private static final String ODF_CONTENT = "content.xml";
    private static final String OOXML_CONTENT_TYPES = "[Content_Types].xml";
    private static final Map<String, DocumentType> ODF = Map.of(
            DocumentType.ODT.mediaType(), DocumentType.ODT,
            DocumentType.ODS.mediaType(), DocumentType.ODS);
    private static final Map<String, DocumentType> OOXML_MAIN_PARTS = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", DocumentType.DOCX,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", DocumentType.XLSX);

    private final Set<String> names = new HashSet<>();
    private DocumentType odfType;
    /** Part name (lower case, without the leading slash) → the type its content type makes the file. */
    private final Map<String, DocumentType> mainParts = new HashMap<>();
    private long inflated;

    private OfficeContainer() {
    }

    /**
     * Reads entries until the type is known, the archive ends or a limit is reached; the stream is
     * left wherever that happened (the caller reads on to the end).
     */
    static Optional<DocumentType> scan(InputStream archive) throws IOException {
        OfficeContainer container = new OfficeContainer();
        ZipInputStream zip = new ZipInputStream(archive);
        try {
            ZipEntry entry;
            boolean first = true;
            while ((entry = zip.getNextEntry()) != null && container.names.size() < ENTRIES_MAX) {
                Optional<DocumentType> known = container.add(entry.getName(), first, zip);
                if (known.isPresent()) {
                    return known;
                }
                if (container.inflated > INFLATED_MAX) {
                    return Optional.empty();
                }
                first = false;
            }
        } catch (ZipException | EOFException malformed) {
            // not a readable archive: not an office document
        }
        return Optional.empty();
    }

    private Optional<DocumentType> add(String name, boolean first, ZipInputStream entry) throws IOException {
        String lowerName = name.toLowerCase(Locale.ROOT);
        names.add(lowerName);
        if (first && name.equals(ODF_MIMETYPE)) {
            odfType = ODF.get(new String(readSmall(entry), StandardCharsets.US_ASCII));
        } else if (name.equals(OOXML_CONTENT_TYPES)) {
            mainParts.putAll(mainParts(readSmall(entry)));
        }
        // what the entry holds beyond that is passed over here, counted, so the next entry can be read
        inflated += entry.transferTo(OutputStream.nullOutputStream());
        if (odfType != null && names.contains(ODF_CONTENT)) {
            return Optional.of(odfType);
        }
        return mainParts.entrySet().stream()
                .filter(part -> names.contains(part.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private byte[] readSmall(InputStream entry) throws IOException {
        byte[] content = entry.readNBytes(SMALL_ENTRY_MAX);
        inflated += content.length;
        return content;
    }

    /** The Override elements of [Content_Types].xml that name an accepted main part. No DTD, no entities. */
    private static Map<String, DocumentType> mainParts(byte[] contentTypes) {
        Map<String, DocumentType> parts = new HashMap<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(contentTypes));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Override")) {
                    DocumentType type = OOXML_MAIN_PARTS.get(xml.getAttributeValue(null, "ContentType"));
                    String partName = xml.getAttributeValue(null, "PartName");
                    if (type != null && partName != null) {
                        parts.put(partName.replaceFirst("^/", "").toLowerCase(Locale.ROOT), type);
                    }
                }
            }
        } catch (XMLStreamException | IllegalArgumentException unreadable) {
            // a content types part that is not XML declares nothing
        }
        return parts;
    }
}
