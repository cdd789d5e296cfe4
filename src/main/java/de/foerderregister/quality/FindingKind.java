package de.foerderregister.quality;

/** What a data-quality finding is about. */
public enum FindingKind {
    /** the runtime ended, but the application still waits for a decision */
    RUNTIME_ENDED_STILL_SUBMITTED,
    /** approved, but nobody planned the spending per year */
    APPROVED_WITHOUT_ANNUAL_PLAN,
    /** the annual plan does not sum to the requested amount (only bulk SQL gets past the rules) */
    ANNUAL_PLAN_MISMATCH,
    /** another live application of the same state has the same title but for case, spaces and punctuation */
    PROBABLE_DUPLICATE,
    /** the requested amount is far outside the registry's usual range */
    AMOUNT_OUTLIER,
    /** an import rejected a row for missing fields, and the application has not been registered since */
    IMPORT_MISSING_FIELDS,
    /** more is committed in a year than its budget envelope holds (federal figures: not for a state's users) */
    ENVELOPE_OVERCOMMITTED
}
