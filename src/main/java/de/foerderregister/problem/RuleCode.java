package de.foerderregister.problem;

/**
 * Every reason a {@link FieldError} can give, as a stable code that clients may branch on. The
 * wording lives only in the message bundles ({@code i18n/messages*.properties}, key
 * {@code rule.<code>}), so rewording a text changes neither the code nor any page or import that
 * shows it. The placeholders {0}, {1}… are the error's arguments in order.
 */
public enum RuleCode {
    REQUIRED("required"),
    TEXT_LENGTH("text.length"),
    TEXT_MAX_LENGTH("text.maxLength"),
    TEXT_SURROGATE("text.surrogate"),
    TEXT_BIDI_CONTROL("text.bidiControlCharacter"),
    TEXT_CONTROL("text.controlCharacter"),
    DATE_ORDER("date.order"),
    DATE_RUNTIME("date.runtime"),
    DATE_CALENDAR("date.calendar"),
    DATE_FUTURE("date.future"),
    PLAN_ENTRY("plan.entry"),
    PLAN_YEAR_DUPLICATE("plan.yearDuplicate"),
    PLAN_YEAR_RUNTIME("plan.yearOutsideRuntime"),
    PLAN_SUM("plan.sum"),
    AMOUNT_SCALE("amount.scale"),
    AMOUNT_POSITIVE("amount.positive"),
    AMOUNT_NEGATIVE("amount.negative"),
    AMOUNT_TOO_LARGE("amount.tooLarge"),
    APPROVAL_ONLY_APPROVED("approval.onlyWhenApproved"),
    APPROVAL_ABOVE_REQUEST("approval.aboveRequest"),
    BATCH_EMPTY("batch.empty"),
    BATCH_TOO_LARGE("batch.tooLarge"),
    BATCH_DUPLICATE("batch.duplicate"),
    BATCH_PREPARED("batch.preparedByCaller"),
    BATCH_NOT_SUBMITTED("batch.notSubmitted"),
    BATCH_UNKNOWN("batch.unknownApplication"),
    AMENDMENT_AMOUNT_OR_VAT("amendment.amountOrVat"),
    AMENDMENT_VAT_RATE("amendment.vatRate"),
    AMENDMENT_BEFORE_APPROVAL("amendment.beforeApproval"),
    AMENDMENT_BEFORE_PREVIOUS("amendment.beforePrevious"),
    AMENDMENT_UNCHANGED("amendment.unchanged"),
    AMENDMENT_TOO_LARGE("amendment.tooLarge"),
    OBLIGATION_OVERDUE("obligation.overdue"),
    STATUS_COMMENT_REQUIRED("status.commentRequired"),
    AMENDMENT_BELOW_CLAIMS("amendment.belowClaims"),
    AMENDMENT_YEAR_BELOW_CLAIMS("amendment.yearBelowClaims"),
    DATE_BEFORE_APPROVAL("date.beforeApproval"),
    PAYMENT_ABOVE_APPROVED("payment.aboveApproved"),
    PAYMENT_ABOVE_YEAR_SHARE("payment.aboveYearShare"),
    PAYMENT_BOOKING_REFERENCE_TAKEN("payment.bookingReferenceTaken"),
    REPAYMENT_ABOVE_PAID("repayment.abovePaid"),
    ENVELOPE_EXCEEDED("envelope.exceeded"),
    CARRY_OVER_MORE_THAN_UNPAID("carryOver.moreThanUnpaid"),
    CARRY_OVER_YEAR_ORDER("carryOver.yearOrder"),
    CARRY_OVER_YEAR_RUNTIME("carryOver.yearOutsideRuntime"),
    CARRIED_OUT_UNCOVERED("carryOver.carriedOutUncovered"),
    PASSWORD_REPEATED("password.repeated"),
    PASSWORD_USERNAME("password.containsUsername"),
    PASSWORD_COMMON("password.common"),
    PASSWORD_WRONG("password.wrongCurrent"),
    PASSWORD_UNCHANGED("password.unchanged"),
    ACCOUNT_USERNAME("account.username"),
    ACCOUNT_EMAIL("account.email"),
    ACCOUNT_STATE_REQUIRED("account.stateRequired"),
    ACCOUNT_STATE_ONLY("account.stateOnly"),
    IMPORT_STATE("import.ownerState"),
    IMPORT_TYPE("import.type"),
    IMPORT_SOURCE("import.fundingSource"),
    IMPORT_AMOUNT("import.amount"),
    IMPORT_DATE("import.date"),
    IMPORT_STATUS("import.status"),
    IMPORT_FOREIGN_STATE("import.foreignState"),
    IMPORT_APPROVED_FITKO_ONLY("import.approvedByFitkoOnly"),
    IMPORT_CELL_EMPTY("import.cellEmpty"),
    IMPORT_COLUMN_ABSENT("import.columnAbsent"),
    IMPORT_HEADER_MISSING("import.headerMissing"),
    IMPORT_HEADER_DUPLICATE("import.headerDuplicate"),
    IMPORT_ROW_REFUSED("import.rowRefused"),
    IMPORT_ROW_FAILED("import.rowFailed"),
    IMPORT_TOO_LARGE("import.tooLarge"),
    IMPORT_ATOMIC_TOO_LARGE("import.atomicTooLarge"),
    IMPORT_RUNNING("import.running"),
    IMPORT_ALL_SLOTS_TAKEN("import.allSlotsTaken"),
    IMPORT_ACCOUNT_CHANGED("import.accountChanged"),
    REPORT_RUNNING("report.running"),
    REPORT_ALL_SLOTS_TAKEN("report.allSlotsTaken"),
    IMPORT_JOB_FAILED("import.jobFailed"),
    IMPORT_JOB_INTERRUPTED("import.jobInterrupted"),
    CSV_EMPTY("csv.empty"),
    CSV_NO_HEADER("csv.noHeader"),
    CSV_UNREADABLE("csv.unreadable"),
    JSON_MALFORMED("json.malformed"),
    JSON_OBJECT("json.object"),
    JSON_ARRAY("json.array"),
    JSON_STRUCTURE("json.structure"),
    VALUE_ONE_OF("value.oneOf"),
    VALUE_DATE("value.date"),
    VALUE_DECIMAL("value.decimal"),
    VALUE_WHOLE_NUMBER("value.wholeNumber"),
    VALUE_BOOLEAN("value.boolean"),
    VALUE_TEXT("value.text"),
    VALUE_TYPE("value.type"),
    /** A refusal worded by the framework (e.g. bean validation), passed on as its one argument. */
    VALUE_INVALID("value.invalid"),
    PAGE_NEGATIVE("paging.page"),
    PAGE_SIZE("paging.size"),
    SORT_PROPERTY("paging.sort"),
    SORT_DIRECTION("paging.direction"),
    REPORT_MEETING_DATE("report.meetingDate"),
    REPORT_DELIMITER("report.delimiter"),
    REPORT_FORMAT("report.format"),
    IDEMPOTENCY_KEY_LENGTH("idempotency.keyLength"),
    IDEMPOTENCY_KEY_REUSED("idempotency.keyReused"),
    FORM_DATE("form.date"),
    FORM_AMOUNT("form.amount"),
    FORM_CHOICE("form.choice"),
    FORM_PLAN_LINE("form.planLine"),
    FORM_YEAR("form.year"),
    DOCUMENT_TYPE("document.type"),
    DOCUMENT_TOO_LARGE("document.tooLarge"),
    DOCUMENT_EMPTY("document.empty"),
    DOCUMENT_UNREADABLE("document.unreadable"),
    DOCUMENT_SUBJECT("document.subject"),
    DOCUMENT_SUBJECT_UNKNOWN("document.subjectUnknown");

    private final String code;

    RuleCode(String code) {
        this.code = code;
    }

    /** The code as clients see it in a problem's {@code errors[].code}. */
    public String code() {
        return code;
    }

    /** The key of its text in the message bundles. */
    public String messageKey() {
        return "rule." + code;
    }
}
