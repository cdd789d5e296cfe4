package de.foerderregister.document;

import io.micronaut.serde.annotation.Serdeable;

/** What a document is about: a kind and the id of that thing, always within one application. */
@Serdeable
public record DocumentSubject(SubjectKind kind, long id) {

    public static DocumentSubject application(long applicationId) {
        return new DocumentSubject(SubjectKind.APPLICATION, applicationId);
    }

    public static DocumentSubject decision(long decisionId) {
        return new DocumentSubject(SubjectKind.DECISION, decisionId);
    }
}
