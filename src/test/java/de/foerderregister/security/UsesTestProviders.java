package de.foerderregister.security;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;

import java.util.Map;

/**
 * A test whose registry knows the {@link TestProviders}: they start with the test instance, the context is
 * given their settings, and they stop after the class (which therefore runs with {@code PER_CLASS}).
 */
public interface UsesTestProviders extends TestPropertyProvider {

    TestProviders providers();

    @Override
    default Map<String, String> getProperties() {
        return providers().properties();
    }

    @AfterAll
    default void stopProviders() {
        providers().close();
    }
}
