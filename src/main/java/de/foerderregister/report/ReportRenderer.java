package de.foerderregister.report;

import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import de.foerderregister.system.WorkSlots;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.JRCsvMetadataExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleCsvMetadataExporterConfiguration;
import net.sf.jasperreports.export.SimpleCsvMetadataReportConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleWriterExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Fills a template and exports it to a temporary file. Filled pages beyond a few are swapped to
 * disk (virtualizer) and the exporters write straight to the file, so memory stays bounded
 * whatever the size; at most {@code registry.reports.max-concurrent} reports render at once, and
 * at most one per user, so that no single user can take every slot.
 */
@Singleton
public class ReportRenderer {

    /** Filled pages kept in memory before the rest go to the swap file. */
    private static final int PAGES_IN_MEMORY = 20;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final ReportTemplates templates;
    private final WorkSlots slots;

    public ReportRenderer(ReportTemplates templates, @Value("${registry.reports.max-concurrent:2}") int slotCount) {
        this.templates = templates;
        this.slots = new WorkSlots(slotCount, new WorkSlots.Refusal("report", "format", RuleCode.REPORT_RUNNING,
                RuleCode.REPORT_ALL_SLOTS_TAKEN, Duration.ofSeconds(5)));
    }

    /** One report. {@code csvDelimiter} matters for CSV only: ';' for German Excel, or ','. */
    public ReportFile render(Caller caller, String template, String fileName, Map<String, Object> parameters,
                             Iterator<? extends Map<String, ?>> rows, ReportFormat format, char csvDelimiter) {
        try (WorkSlots.Slot slot = slots.take(caller.username())) {
            return render(template, fileName, parameters, rows, format, csvDelimiter);
        }
    }

    private ReportFile render(String template, String fileName, Map<String, Object> parameters,
                              Iterator<? extends Map<String, ?>> rows, ReportFormat format, char csvDelimiter) {
        Path swap = null;
        Path output = null;
        JRSwapFileVirtualizer virtualizer = null;
        try {
            swap = Files.createTempDirectory("report-swap");
            output = Files.createTempFile("report-", "." + format.extension());
            virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY, new JRSwapFile(swap.toString(), 4096, 256), true);
            // Jasper's fill needs a mutable map
            Map<String, Object> fill = new HashMap<>(parameters);
            fill.put(JRParameter.REPORT_LOCALE, format == ReportFormat.CSV && csvDelimiter == ',' ? Locale.ROOT : Locale.GERMANY);
            fill.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone("Europe/Berlin"));
            fill.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
            fill.put("FORMAT", format.name());
            JasperPrint print = JasperFillManager.fillReport(templates.get(template), fill, new ReportRows(rows, format));
            export(print, format, csvDelimiter, output);
            ReportFile file = new ReportFile(output, format, fileName);
            output = null;
            return file;
        } catch (JRException e) {
            throw new IllegalStateException("report " + template + " could not be rendered", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (virtualizer != null) {
                virtualizer.cleanup();
            }
            deleteQuietly(output);
            deleteQuietly(swap);
        }
    }

    private static void export(JasperPrint print, ReportFormat format, char csvDelimiter, Path output)
            throws JRException, IOException {
        switch (format) {
            case PDF -> {
                JRPdfExporter pdf = new JRPdfExporter();
                pdf.setExporterInput(new SimpleExporterInput(print));
                pdf.setExporterOutput(new SimpleOutputStreamExporterOutput(output.toFile()));
                SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
                configuration.setMetadataTitle(print.getName());
                configuration.setMetadataCreator("Förderregister");
                pdf.setConfiguration(configuration);
                pdf.exportReport();
            }
            case XLSX -> {
                JRXlsxExporter xlsx = new JRXlsxExporter();
                xlsx.setExporterInput(new SimpleExporterInput(print));
                xlsx.setExporterOutput(new SimpleOutputStreamExporterOutput(output.toFile()));
                SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
                configuration.setDetectCellType(true);
                configuration.setOnePagePerSheet(false);
                configuration.setRemoveEmptySpaceBetweenRows(true);
                configuration.setRemoveEmptySpaceBetweenColumns(true);
                configuration.setIgnorePageMargins(true);
                configuration.setWhitePageBackground(false);
                xlsx.setConfiguration(configuration);
                xlsx.exportReport();
            }
            case CSV -> {
                try (OutputStream out = Files.newOutputStream(output)) {
                    // German Excel recognises UTF-8 only with a byte order mark
                    out.write(UTF8_BOM);
                    JRCsvMetadataExporter csv = new JRCsvMetadataExporter();
                    csv.setExporterInput(new SimpleExporterInput(print));
                    csv.setExporterOutput(new SimpleWriterExporterOutput(out, StandardCharsets.UTF_8.name()));
                    SimpleCsvMetadataExporterConfiguration configuration = new SimpleCsvMetadataExporterConfiguration();
                    configuration.setFieldDelimiter(String.valueOf(csvDelimiter));
                    configuration.setRecordDelimiter("\r\n");
                    csv.setConfiguration(configuration);
                    SimpleCsvMetadataReportConfiguration columns = new SimpleCsvMetadataReportConfiguration();
                    columns.setWriteHeader(true);
                    csv.setConfiguration(columns);
                    csv.exportReport();
                }
            }
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the report itself succeeded or failed already
        }
    }
}
