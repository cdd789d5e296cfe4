package de.foerderregister.budget;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/** Repayments are only ever added and read. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface RepaymentRepository extends GenericRepository<Repayment, Long> {

    Repayment save(Repayment repayment);

    Optional<Repayment> findByIdAndApplicationId(Long id, Long applicationId);

    List<Repayment> findByApplicationIdOrderById(Long applicationId);

    /** All repayments of the application as committed, share-locked (see {@link PaymentRepository#lockedByApplication}). */
    @Query("SELECT * FROM repayment WHERE application_id = :applicationId ORDER BY id LOCK IN SHARE MODE")
    List<Repayment> lockedByApplication(long applicationId);
}
