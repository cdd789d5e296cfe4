package de.foerderregister.importing;

/** Where an import job stands. */
public enum ImportJobStatus {
    /** reading and writing its rows; {@code rowsDone} counts up */
    RUNNING,
    /** finished: the outcome of every row is there */
    DONE,
    /** stopped by an error or by the end of the instance that ran it; see the job's {@code failure} */
    FAILED
}
