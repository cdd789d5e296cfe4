package de.foerderregister.importing;

import de.foerderregister.problem.BadRequest;
import de.foerderregister.problem.RuleCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An uploaded CSV file as offices send it: UTF-8 (with or without byte order mark) or, where the
 * bytes are not valid UTF-8, Windows-1252 as German Excel saves "CSV (Trennzeichen-getrennt)";
 * ',' or ';' between cells, whichever the header line uses more often. Header names are matched
 * trimmed and case-insensitively. Rows whose cells are all empty (Excel writes ";;;;" for them)
 * are skipped but keep their numbers, so row numbers match the spreadsheet.
 * <p>
 * The file lies on disk ({@link ImportUpload}) and is read as a stream, as often as the import needs
 * ({@link #rows()}): memory holds one row at a time, whatever the file's size. Opening it reads it
 * once to learn the encoding, the header and the number of data rows.
 */
record CsvFile(Path path, Charset charset, boolean bom, String encoding, char delimiter, List<String> header,
               int rowCount) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Enough of the file's start to find the header line's delimiter. */
    private static final int HEADER_SCAN = 64 * 1024;

    /** One data row: its 1-based number after the header, the file line it starts on, its cells by column name. */
    record Row(int number, long line, Map<String, String> cells) {
    }

    static CsvFile open(Path path) {
        try {
            if (Files.size(path) == 0) {
                throw new BadRequest("body", RuleCode.CSV_EMPTY);
            }
            boolean bom = startsWithBom(path);
            try {
                return open(path, StandardCharsets.UTF_8, bom, "UTF-8");
            } catch (CharacterCodingException | UncheckedIOException e) {
                if (e instanceof UncheckedIOException unchecked && !(unchecked.getCause() instanceof CharacterCodingException)) {
                    throw unchecked;
                }
                // every byte sequence is valid Windows-1252, so this never fails in turn
                return open(path, WINDOWS_1252, false, "windows-1252");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CsvFile open(Path path, Charset charset, boolean bom, String encoding) throws IOException {
        char delimiter;
        try (Reader reader = reader(path, charset, bom)) {
            char[] start = new char[HEADER_SCAN];
            int read = reader.read(start);
            delimiter = delimiter(read < 0 ? "" : new String(start, 0, read));
        }
        CsvFile unread = new CsvFile(path, charset, bom, encoding, delimiter, List.of(), 0);
        try (Rows rows = unread.rows()) {
            int count = 0;
            while (rows.hasNext()) {
                rows.next();
                count++;
            }
            if (rows.header == null) {
                throw new BadRequest("body", RuleCode.CSV_NO_HEADER);
            }
            return new CsvFile(path, charset, bom, encoding, delimiter, rows.header, count);
        }
    }

    /** The data rows from the first, read while they are used; close it when done. */
    Rows rows() {
        try {
            return new Rows(CSVParser.parse(reader(path, charset, bom),
                    CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the file's rows one at a time; a coding error of UTF-8 surfaces as an {@link UncheckedIOException}. */
    static final class Rows implements Iterator<Row>, AutoCloseable {

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private List<String> header;
        private long nextLine = 1;
        private Row next;

        private Rows(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null && records.hasNext()) {
                    CSVRecord record = records.next();
                    long line = nextLine;
                    nextLine = parser.getCurrentLineNumber() + 1;
                    if (header == null) {
                        header = record.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
                        continue;
                    }
                    Map<String, String> cells = new LinkedHashMap<>();
                    for (int i = 0; i < header.size() && i < record.size(); i++) {
                        cells.putIfAbsent(header.get(i), record.get(i));
                    }
                    if (cells.values().stream().anyMatch(value -> !value.isBlank())) {
                        next = new Row((int) record.getRecordNumber() - 1, line, cells);
                    }
                }
                return next != null;
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException) {
                    throw e;
                }
                // commons-csv reports broken quoting this way
                throw new BadRequest("body", RuleCode.CSV_UNREADABLE, e.getMessage());
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Row row = next;
            next = null;
            return row;
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Reader reader(Path path, Charset charset, boolean bom) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), 64 * 1024);
        if (bom) {
            in.skipNBytes(UTF8_BOM.length);
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    private static boolean startsWithBom(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] start = in.readNBytes(UTF8_BOM.length);
            return start.length == UTF8_BOM.length
                    && start[0] == UTF8_BOM[0] && start[1] == UTF8_BOM[1] && start[2] == UTF8_BOM[2];
        }
    }

    /** The delimiter the header line (outside quotes) uses more often; ',' on a tie, as RFC 4180 has it. */
    private static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
