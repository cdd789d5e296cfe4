package de.foerderregister.document;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.server.HttpServerConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A registry whose server limits leave no room for the largest document refuses to start, naming the setting. */
class DocumentLimitsTest {

    private static final long TWENTY_MB = 20L * 1024 * 1024;

    private static HttpServerConfiguration server(long maxRequestSize, long maxFileSize) {
        HttpServerConfiguration server = new HttpServerConfiguration();
        server.setMaxRequestSize(maxRequestSize);
        server.getMultipart().setMaxFileSize(maxFileSize);
        return server;
    }

    @Test
    void theShippedLimitsFitTheDefaultDocumentSize() {
        long shipped = 21L * 1024 * 1024;
        assertEquals(TWENTY_MB, new DocumentLimits(TWENTY_MB, server(shipped, shipped)).maxSize());
    }

    @Test
    void aRequestLimitWithoutRoomForTheEnvelopeIsRefused() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> new DocumentLimits(TWENTY_MB, server(TWENTY_MB, 2 * TWENTY_MB)));
        assertTrue(refused.getMessage().contains("micronaut.server.max-request-size"), refused.getMessage());
    }

    @Test
    void aPartLimitBelowTheDocumentSizeIsRefused() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> new DocumentLimits(TWENTY_MB, server(2 * TWENTY_MB, 1024 * 1024)));
        assertTrue(refused.getMessage().contains("micronaut.server.multipart.max-file-size"), refused.getMessage());
    }

    @Test
    void aSizeOfNothingIsRefused() {
        assertThrows(ConfigurationException.class, () -> new DocumentLimits(0, server(2 * TWENTY_MB, 2 * TWENTY_MB)));
    }
}
