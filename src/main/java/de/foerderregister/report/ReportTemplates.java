package de.foerderregister.report;

import jakarta.inject.Singleton;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The JRXML templates under {@code reports/}, each compiled once on first use and kept. */
@Singleton
public class ReportTemplates {

    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

    public JasperReport get(String name) {
        return compiled.computeIfAbsent(name, ReportTemplates::compile);
    }

    private static JasperReport compile(String name) {
        String resource = "reports/" + name + ".jrxml";
        try (InputStream jrxml = ReportTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (jrxml == null) {
                throw new IllegalStateException("no report template " + resource);
            }
            return JasperCompileManager.compileReport(jrxml);
        } catch (JRException e) {
            throw new IllegalStateException("report template " + resource + " does not compile", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
