package de.foerderregister;

import de.foerderregister.aggregates.VerifyAggregatesCommand;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Starts the registry. Without a configured database URL, {@link de.foerderregister.db.EmbeddedMariaDb}
 * starts an embedded MariaDB before the datasource is created. With {@code --verify-aggregates[=repair]} it
 * only checks the kept aggregates ({@link VerifyAggregatesCommand}) and exits.
 */
@OpenAPIDefinition(
        info = @Info(title = "Förderregister", version = "0.1.0",
                description = "Registry of project-funding applications of the IT-Planungsrat"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Foerderregister {

    private Foerderregister() {
    }

    /**
     * Exits with 1 when the registry does not start, so that {@code java -jar}, {@code mn:run} and
     * service managers report the failure. Micronaut logs and exits by itself only outside the
     * test environment; a start with MICRONAUT_ENVIRONMENTS=test would otherwise end with 0, unlogged.
     */
    public static void main(String[] args) {
        Optional<Boolean> verifyAggregates = VerifyAggregatesCommand.requested(args);
        if (verifyAggregates.isPresent()) {
            System.exit(VerifyAggregatesCommand.run(verifyAggregates.get(), System.out));
        }
        try {
            Micronaut.build(args)
                    .mainClass(Foerderregister.class)
                    .banner(false)
                    .start();
        } catch (ApplicationStartupException e) {
            LoggerFactory.getLogger(Foerderregister.class).error(e.getMessage(), e.getCause());
            System.exit(1);
        }
    }
}
