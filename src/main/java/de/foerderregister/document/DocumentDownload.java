package de.foerderregister.document;

import java.io.InputStream;

/** A document and its bytes, read as they are sent. */
public record DocumentDownload(DocumentView document, InputStream content) {

    public String contentDisposition() {
        return FileNames.contentDisposition(document.fileName());
    }
}
