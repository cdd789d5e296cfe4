package de.foerderregister.notification;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import de.foerderregister.security.UserService;
import de.foerderregister.security.UserUpdateCommand;
import de.foerderregister.security.UserView;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The test accounts of the mail tests and what the outbox holds for them. Accounts get the address
 * {@code <username>@example.org}, so a test looks at its own accounts' mails only: the database is
 * shared with every other test class, whose accounts may receive the same kinds. After each test its
 * accounts are disabled ({@link #retire}): left enabled, every later run's changes would mail them
 * too, and the outbox of a kept database would grow with every run.
 */
@Singleton
class Mailboxes {

    private static final Caller ADMIN = new Caller("mail-test-admin", Role.ADMIN, null);

    private final TestApi api;
    private final UserService users;
    private final OutboxRepository messages;
    private final DatasourceConfiguration datasource;
    private final List<String> active = new CopyOnWriteArrayList<>();

    Mailboxes(TestApi api, UserService users, OutboxRepository messages, DatasourceConfiguration datasource) {
        this.api = api;
        this.users = users;
        this.messages = messages;
        this.datasource = datasource;
    }

    /** A new account with an address, reading mails in {@code language} ("de" or "en"). */
    Account withAddress(Role role, @Nullable StateCode state, String language) {
        Account account = api.account(role, state);
        users.update(ADMIN, account.username(), new UserUpdateCommand(null, null, null, address(account), language));
        active.add(account.username());
        return account;
    }

    /** A new account without an address: it can receive nothing. */
    Account withoutAddress(Role role, @Nullable StateCode state) {
        return api.account(role, state);
    }

    /**
     * A registry of its own on this database that sends the outbox to the mail server, quickly: the
     * tests' registry has no relay, so what it writes waits for this one. It sends every waiting
     * message of the shared database, other tests' too; close it when done.
     */
    ApplicationContext delivering(MailServer server) {
        Map<String, Object> properties = new HashMap<>(server.properties());
        properties.put("datasources.default.url", datasource.getJdbcUrl());
        properties.put("datasources.default.username", datasource.getUsername());
        properties.put("datasources.default.password", datasource.getPassword() == null ? "" : datasource.getPassword());
        properties.put("registry.demo-data.enabled", false);
        properties.put("registry.notifications.poll-interval", "100ms");
        properties.put("registry.notifications.backoff", "200ms");
        properties.put("registry.notifications.max-backoff", "1s");
        return ApplicationContext.run(properties, "test");
    }

    /** An administrator changes the account. */
    void change(Account account, UserUpdateCommand command) {
        users.update(ADMIN, account.username(), command);
    }

    /** The account opts out of this kind (its only opt-out), as its user would on their settings. */
    void optOut(Account account, NotificationKind kind) {
        TestApi.Response changed = api.send("PUT", "/api/me/notifications", account.token(),
                Map.of("optOuts", List.of(kind.name()), "currentPassword", TestApi.PASSWORD), Map.of());
        if (changed.status() != 200) {
            throw new IllegalStateException("opting out failed: " + changed);
        }
    }

    /** Disables the accounts given an address since the last call: they receive nothing any more. */
    void retire() {
        for (String username : active) {
            users.update(ADMIN, username, new UserUpdateCommand(false, null, null, null, null));
        }
        active.clear();
    }

    static String address(Account account) {
        return account.username() + "@example.org";
    }

    /** The outbox's messages about the application to the account, oldest first. */
    List<OutboxMessage> to(Account account, long applicationId) {
        return messages.findByApplicationIdOrderById(applicationId).stream()
                .filter(message -> message.recipientUsername().equals(account.username())).toList();
    }

    /** The one message about the application to the account; fails unless there is exactly one. */
    OutboxMessage only(Account account, long applicationId) {
        List<OutboxMessage> received = to(account, applicationId);
        if (received.size() != 1) {
            throw new AssertionError(account.username() + " has " + received.size() + " messages about application "
                    + applicationId + ", not one: " + received.stream().map(OutboxMessage::subject).toList());
        }
        return received.get(0);
    }

    /** Every message of the outbox about the application, whoever it goes to. */
    List<OutboxMessage> about(long applicationId) {
        return messages.findByApplicationIdOrderById(applicationId);
    }

    /** The role and state of an account as "STATE NW" or "FITKO". */
    String roleOf(String username) {
        UserView account = users.get(ADMIN, username);
        return account.role() + (account.state() == null ? "" : " " + account.state());
    }
}
