package de.foerderregister.web;

import de.foerderregister.document.DocumentLimits;
import de.foerderregister.document.DocumentService;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import jakarta.inject.Singleton;

import java.util.Map;

/** What the documents section of an application's page shows. */
@Singleton
class DocumentSection {

    private final DocumentService documents;
    private final DocumentLimits limits;

    DocumentSection(DocumentService documents, DocumentLimits limits) {
        this.documents = documents;
        this.limits = limits;
    }

    /** The documents, whether the caller may add and withdraw, and the size limit for the form's hint. */
    void put(Map<String, Object> model, Caller caller, long applicationId) {
        model.put("documents", documents.list(caller, applicationId));
        model.put("mayAddDocuments", caller.hasRole(Role.STATE, Role.FITKO));
        model.put("documentMaxSize", UiFormat.INSTANCE.size(limits.maxSize()));
    }
}
