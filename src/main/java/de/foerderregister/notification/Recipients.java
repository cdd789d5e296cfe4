package de.foerderregister.notification;

import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.List;

/** The recipients of a kind of mail, in the transaction of the change that causes it. */
@Singleton
public class Recipients {

    private final RecipientRepository repository;

    Recipients(RecipientRepository repository) {
        this.repository = repository;
    }

    /** The users of a state who receive this kind. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Recipient> ofState(NotificationKind kind, StateCode state) {
        return ofState(kind, state, null);
    }

    /**
     * The users of a state who receive this kind, but {@code except} (null: nobody): the person who
     * made a change is never told of it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Recipient> ofState(NotificationKind kind, StateCode state, @Nullable String except) {
        return find(kind, Role.STATE, state, except);
    }

    /** The users of a role (FITKO, FINANCE, ADMIN) who receive this kind, but {@code except} (null: nobody). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Recipient> ofRole(NotificationKind kind, Role role, @Nullable String except) {
        return find(kind, role, null, except);
    }

    private List<Recipient> find(NotificationKind kind, Role role, @Nullable StateCode state, @Nullable String except) {
        return repository.find(kind.name(), role.name(), state == null ? null : state.name(), except).stream()
                .map(RecipientRow::recipient).toList();
    }
}
