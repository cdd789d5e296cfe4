package de.foerderregister.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface UserRepository extends CrudRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    /** The account, locked until the changing transaction ends: two changes never interleave. */
    Optional<UserAccount> findByUsernameForUpdate(String username);

    boolean existsByUsername(String username);

    /** The account single sign-on created for this subject of this provider, as it stands (no lock). */
    Optional<UserAccount> findByExternalProviderAndExternalSubject(String externalProvider, String externalSubject);

    /** The account single sign-on created for this subject of this provider, locked like {@link #findByUsernameForUpdate}. */
    Optional<UserAccount> findByExternalProviderAndExternalSubjectForUpdate(String externalProvider, String externalSubject);

    boolean existsByRole(Role role);

    long countByRoleAndEnabled(Role role, boolean enabled);

    List<UserAccount> listOrderByUsername();

    /** Ends every session of the account: tokens issued before carry an older generation. */
    @Query("UPDATE user_account SET session_generation = session_generation + 1 WHERE username = :username")
    void endSessions(String username);
}
