package de.foerderregister.importing;

import de.foerderregister.application.StateCode;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.Optional;

/** Import runs, their rejected rows, the import lock and the duplicate check. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface ImportRepository extends GenericRepository<ImportRun, Long> {

    ImportRun save(ImportRun run);

    /** Holds the import lock until the transaction ends; import rows queue up behind each other. */
    @Query("SELECT id FROM import_lock WHERE id = 1 FOR UPDATE")
    Optional<Integer> lockImports();

    /**
     * The first application with the same owner state, start date and title. Titles compare as
     * the column's collation does: ignoring case (and accents); stored titles are already trimmed.
     */
    @Query("""
            SELECT a.id, a.reference FROM funding_application a
            WHERE a.owner_state = :ownerState AND a.start_date = :startDate AND a.title = :title
            ORDER BY a.id LIMIT 1""")
    Optional<ExistingApplication> findDuplicate(StateCode ownerState, LocalDate startDate, String title);
}
