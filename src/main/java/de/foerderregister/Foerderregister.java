package de.foerderregister;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * Starts the registry. Without a configured database URL, {@link de.foerderregister.db.EmbeddedMariaDb}
 * starts an embedded MariaDB before the datasource is created.
 */
@OpenAPIDefinition(
        info = @Info(title = "Förderregister", version = "0.1.0",
                description = "Registry of project-funding applications of the IT-Planungsrat"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public final class Foerderregister {

    private Foerderregister() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Foerderregister.class)
                .banner(false)
                .start();
    }
}
