package de.foerderregister;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the registry. Without a configured database URL, {@link de.foerderregister.db.EmbeddedMariaDb}
 * starts an embedded MariaDB before the datasource is created.
 */
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
