package de.foerderregister.importing;

import de.foerderregister.problem.BadRequest;
import de.foerderregister.problem.RuleCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An uploaded CSV file as offices send it: UTF-8 (with or without byte order mark) or, where the
 * bytes are not valid UTF-8, Windows-1252 as German Excel saves "CSV (Trennzeichen-getrennt)";
 * ',' or ';' between cells, whichever the header line uses more often. Header names are matched
 * trimmed and case-insensitively. Rows whose cells are all empty (Excel writes ";;;;" for them)
 * are skipped but keep their numbers, so row numbers match the spreadsheet.
 */
record CsvFile(String encoding, char delimiter, List<String> header, List<Row> rows) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One data row: its 1-based number after the header, the file line it starts on, its cells by column name. */
    record Row(int number, long line, Map<String, String> cells) {
    }

    static CsvFile read(byte[] bytes) {
        if (bytes.length == 0) {
            throw new BadRequest("body", RuleCode.CSV_EMPTY);
        }
        boolean bom = startsWithBom(bytes);
        String text;
        String encoding;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom ? UTF8_BOM.length : 0, bytes.length - (bom ? UTF8_BOM.length : 0)))
                    .toString();
            encoding = "UTF-8";
        } catch (CharacterCodingException e) {
            // every byte sequence is valid Windows-1252, so this never fails in turn
            text = new String(bytes, WINDOWS_1252);
            encoding = "windows-1252";
        }
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            long nextLine = 1;
            for (CSVRecord record : parser) {
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
                    rows.add(new Row((int) record.getRecordNumber() - 1, line, cells));
                }
            }
            if (header == null) {
                throw new BadRequest("body", RuleCode.CSV_NO_HEADER);
            }
            return new CsvFile(encoding, delimiter, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            // commons-csv reports broken quoting this way
            throw new BadRequest("body", RuleCode.CSV_UNREADABLE, e.getMessage());
        }
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= UTF8_BOM.length
                && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1] && bytes[2] == UTF8_BOM[2];
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
