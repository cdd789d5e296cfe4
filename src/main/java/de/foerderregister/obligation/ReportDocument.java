package de.foerderregister.obligation;

import io.micronaut.core.annotation.Nullable;

import java.io.InputStream;

/** A file handed in with a report, read once as it arrives; its title is required (the documents' rule). */
public record ReportDocument(@Nullable String title, @Nullable String fileName, InputStream content) {
}
