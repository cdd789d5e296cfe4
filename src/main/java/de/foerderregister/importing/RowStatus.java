package de.foerderregister.importing;

/** How one row of an import fared. */
public enum RowStatus {
    /** written: the application exists now (with its submission and decision where the row asked for them) */
    CREATED,
    /** refused; its errors name each column and value */
    ERROR,
    /** same owner state, title and start date as an existing application or an earlier row: skipped */
    DUPLICATE,
    /** good, but not written: a dry run, or an atomic import that another row failed */
    VALID
}
