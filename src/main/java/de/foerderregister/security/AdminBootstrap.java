package de.foerderregister.security;

import de.foerderregister.system.Messages;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The first administrator. There are no default passwords: it takes REGISTRY_ADMIN_PASSWORD,
 * or, where that is unset, a random one that is logged exactly once, when the account is made.
 */
@Singleton
@Order(1)
public class AdminBootstrap implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN_USERNAME = "admin";

    private final UserRepository users;
    private final UserService userService;
    private final PasswordRules rules;
    private final Messages messages;
    private final String configuredPassword;

    public AdminBootstrap(UserRepository users, UserService userService, PasswordRules rules, Messages messages,
                          @Nullable @Value("${registry.admin.password:}") String configuredPassword) {
        this.users = users;
        this.userService = userService;
        this.rules = rules;
        this.messages = messages;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        // checked even when the account exists: a weak configured password is a mistake to show, not to keep
        if (!generated) {
            rules.check("REGISTRY_ADMIN_PASSWORD", ADMIN_USERNAME, configuredPassword).ifPresent(broken -> {
                throw new ConfigurationException("REGISTRY_ADMIN_PASSWORD "
                        + broken.worded(messages, Locale.ENGLISH).message()
                        + ": choose another one for the administrator account '" + ADMIN_USERNAME + "'");
            });
        }
        if (users.existsByRole(Role.ADMIN)) {
            return;
        }
        String password = generated ? randomPassword() : configuredPassword;
        userService.createAccount(new UserCommand(ADMIN_USERNAME, password, Role.ADMIN, null));
        if (generated) {
            LOG.warn("Created the administrator account '{}' with the generated password: {}  "
                    + "(shown only this once; set REGISTRY_ADMIN_PASSWORD to choose it)", ADMIN_USERNAME, password);
        } else {
            LOG.info("Created the administrator account '{}' with the password from REGISTRY_ADMIN_PASSWORD", ADMIN_USERNAME);
        }
    }

    public static String randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
