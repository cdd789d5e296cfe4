package de.foerderregister.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads reports back the way their users' tools would: PDF text, spreadsheet cells, CSV records. */
final class ReportReading {

    private ReportReading() {
    }

    static String pdfText(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every font used on every page is embedded: the document prints the same everywhere. */
    static boolean allFontsEmbedded(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        return false;
                    }
                }
            }
            return document.getNumberOfPages() > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many filled shapes each page draws in the colour: charts are drawn as vector paths, not
     * as text or images, so their bars and legend keys are found by the colours of their series.
     */
    static List<Integer> filledShapes(byte[] pdf, Color color) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<Integer> counts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                FillCounter counter = new FillCounter(page, color);
                counter.processPage(page);
                counts.add(counter.count);
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class FillCounter extends PDFGraphicsStreamEngine {
        private final int rgb;
        private int count;

        FillCounter(PDPage page, Color color) {
            super(page);
            this.rgb = color.getRGB() & 0xFFFFFF;
        }

        @Override
        public void fillPath(int windingRule) throws IOException {
            if ((getGraphicsState().getNonStrokingColor().toRGB() & 0xFFFFFF) == rgb) {
                count++;
            }
        }

        @Override
        public void fillAndStrokePath(int windingRule) throws IOException {
            fillPath(windingRule);
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        }

        @Override
        public void drawImage(PDImage pdImage) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void moveTo(float x, float y) {
        }

        @Override
        public void lineTo(float x, float y) {
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float();
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
        }

        @Override
        public void strokePath() {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }

    /** Each row of the first sheet as the cells' raw values: numbers as numbers, texts as texts. */
    static List<List<Object>> xlsxRows(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<Object>> rows = new ArrayList<>();
            DataFormatter text = new DataFormatter();
            for (Row row : sheet) {
                List<Object> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(switch (cell.getCellType()) {
                        case NUMERIC -> java.math.BigDecimal.valueOf(cell.getNumericCellValue());
                        case FORMULA -> "FORMULA:" + cell.getCellFormula();
                        default -> text.formatCellValue(cell);
                    });
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    static List<CSVRecord> csv(byte[] bytes, char delimiter) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
