package de.foerderregister.document;

/** What of an application a document is about. */
public enum SubjectKind {
    /** The application as a whole (Antrag, Anlagen). */
    APPLICATION,
    /** One of its decisions (Beschluss, Bescheid). */
    DECISION,
    /** A submission of one of its reporting obligations (Zwischen- or Verwendungsnachweis). */
    OBLIGATION_SUBMISSION
}
