package de.foerderregister.document;

import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.FundingApplication;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.db.RetryOnConflict;
import de.foerderregister.decision.DecisionLedger;
import de.foerderregister.decision.DecisionRules;
import de.foerderregister.problem.BadRequest;
import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.NotFound;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files kept with an application: added by the application's state or FITKO, read by whoever
 * may read the application, never deleted (a wrong one is marked withdrawn with a reason). Every
 * addition and withdrawal is an audit event of the application, the file's size and SHA-256
 * included, in the transaction that stores it.
 *
 * <p>An upload is read once, as it arrives, so its transaction is not retried on a conflict (the
 * bytes are gone): it locks the application row first, like every change, and holds it while the
 * file comes in, so other changes of that one application wait for the upload.
 */
@Singleton
public class DocumentService {

    static final int TITLE_MAX = 200;
    private static final Role[] UPLOADERS = {Role.STATE, Role.FITKO};

    private final ApplicationService applications;
    private final DecisionLedger ledger;
    private final DocumentRepository documents;
    private final DocumentTypes types;
    private final DocumentLimits limits;
    private final AuditTrail audit;
    private final Clock clock;

    public DocumentService(ApplicationService applications, DecisionLedger ledger, DocumentRepository documents,
                           DocumentTypes types, DocumentLimits limits, AuditTrail audit, Clock clock) {
        this.applications = applications;
        this.ledger = ledger;
        this.documents = documents;
        this.types = types;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A file added to the application itself or, with a subject, to one of its decisions. Refuses a
     * subject of another kind: an obligation's documents come with its submission ({@link #attach}).
     */
    @Transactional
    public DocumentView upload(Caller caller, long applicationId, @Nullable DocumentSubject subject,
                               @Nullable String title, @Nullable String fileName, InputStream content) {
        caller.requireRole("add documents", UPLOADERS);
        DocumentSubject about = subject == null ? DocumentSubject.application(applicationId) : subject;
        List<FieldError> errors = new ArrayList<>();
        String cleanTitle = DecisionRules.text(errors, "title", title, TITLE_MAX, true);
        if (about.kind() == SubjectKind.OBLIGATION_SUBMISSION
                || about.kind() == SubjectKind.APPLICATION && about.id() != applicationId) {
            errors.add(new FieldError("subjectKind", RuleCode.DOCUMENT_SUBJECT, about.kind()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        FundingApplication application = applications.lockForChange(caller, applicationId, null, "add documents",
                UPLOADERS);
        if (about.kind() == SubjectKind.DECISION
                && ledger.decisions(applicationId).stream().noneMatch(decision -> decision.id() == about.id())) {
            throw InvalidInput.of("subjectId", RuleCode.DOCUMENT_SUBJECT_UNKNOWN, about.id());
        }
        return store(caller, application, about, cleanTitle, fileName, content);
    }

    /**
     * For features that file documents with what they record, such as an obligation's submission:
     * stores the file in the caller's transaction, which has locked the application
     * ({@link ApplicationService#lockForChange}, passed here as proof) and checked that the subject
     * belongs to it. The content is read once: a transaction that attaches a streamed upload must
     * not be retried as a whole.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public DocumentView attach(Caller caller, FundingApplication application, DocumentSubject subject, String title,
                               @Nullable String fileName, InputStream content) {
        caller.requireRole("add documents", UPLOADERS);
        List<FieldError> errors = new ArrayList<>();
        String cleanTitle = DecisionRules.text(errors, "title", title, TITLE_MAX, true);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return store(caller, application, subject, cleanTitle, fileName, content);
    }

    private DocumentView store(Caller caller, FundingApplication application, DocumentSubject subject,
                               String title, @Nullable String fileName, InputStream content) {
        Document receiving = documents.save(Document.receiving(application.id(), subject, title,
                FileNames.sanitise(fileName), caller.username(), now()));
        DocumentSink sink = new DocumentSink(documents, receiving.id(), limits.maxSize());
        DocumentType type;
        try {
            type = types.read(content, sink);
        } catch (IOException e) {
            // the client broke off, or sent a body that is not multipart to its end
            throw new BadRequest("file", RuleCode.DOCUMENT_UNREADABLE);
        }
        Document stored = documents.update(receiving.stored(type, sink.finish()));
        audit.record(application.id(), caller, AuditAction.DOCUMENT_ADDED, List.of(
                new FieldChange("document.id", null, stored.id().toString()),
                new FieldChange("document.subject", null, stored.subjectKind() + " " + stored.subjectId()),
                new FieldChange("document.title", null, stored.title()),
                new FieldChange("document.fileName", null, stored.fileName()),
                new FieldChange("document.mediaType", null, stored.mediaType()),
                new FieldChange("document.size", null, stored.size().toString()),
                new FieldChange("document.sha256", null, stored.sha256())));
        return DocumentView.of(stored);
    }

    /** The application's documents, oldest first, withdrawn ones included (and marked). */
    @Connectable
    public List<DocumentView> list(Caller caller, long applicationId) {
        applications.requireVisible(caller, applicationId);
        return documents.findByApplicationIdOrderById(applicationId).stream().map(DocumentView::of).toList();
    }

    /**
     * The documents filed with these subjects of one kind, oldest first, by subject id: for a feature
     * that shows them with what they belong to (an obligation's submissions), in a scope it checked.
     */
    @Connectable
    public Map<Long, List<DocumentView>> filedWith(SubjectKind kind, Collection<Long> subjectIds) {
        return subjectIds.isEmpty() ? Map.of() : documents.findBySubjectKindAndSubjectIdInOrderById(kind, subjectIds)
                .stream().map(DocumentView::of).collect(Collectors.groupingBy(view -> view.subject().id()));
    }

    /** One document's description; withdrawn ones too. */
    @Connectable
    public DocumentView get(Caller caller, long applicationId, long documentId) {
        applications.requireVisible(caller, applicationId);
        return DocumentView.of(find(applicationId, documentId));
    }

    /** One document with its bytes, read as they are sent; withdrawn ones too. */
    @Connectable
    public DocumentDownload download(Caller caller, long applicationId, long documentId) {
        applications.requireVisible(caller, applicationId);
        Document document = find(applicationId, documentId);
        return new DocumentDownload(DocumentView.of(document), new ChunkStream(documents, document.id(), document.size()));
    }

    @RetryOnConflict
    @Transactional
    public DocumentView withdraw(Caller caller, long applicationId, long documentId, WithdrawCommand command) {
        caller.requireRole("withdraw documents", UPLOADERS);
        List<FieldError> errors = new ArrayList<>();
        String reason = DecisionRules.text(errors, "reason", command.reason(), DecisionRules.REASON_MAX, true);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        applications.lockForChange(caller, applicationId, null, "withdraw documents", UPLOADERS);
        Document document = find(applicationId, documentId);
        if (document.isWithdrawn()) {
            throw new Conflict("Document " + documentId + " was already withdrawn by " + document.withdrawnBy()
                    + " at " + document.withdrawnAt() + ".");
        }
        Document withdrawn = documents.update(document.withdrawn(reason, caller.username(), now()));
        audit.record(applicationId, caller, AuditAction.DOCUMENT_WITHDRAWN, List.of(
                new FieldChange("document.id", null, withdrawn.id().toString()),
                new FieldChange("document.fileName", null, withdrawn.fileName()),
                new FieldChange("document.sha256", null, withdrawn.sha256()),
                new FieldChange("document.withdrawnReason", null, reason)));
        return DocumentView.of(withdrawn);
    }

    /** What the database keeps: microseconds, so that an answer shows the same instant as a later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Document find(long applicationId, long documentId) {
        return documents.findByIdAndApplicationId(documentId, applicationId)
                .orElseThrow(() -> new NotFound("Document " + documentId + " of application " + applicationId));
    }
}
