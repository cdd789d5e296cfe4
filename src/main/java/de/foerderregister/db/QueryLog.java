package de.foerderregister.db;

import io.micronaut.data.runtime.config.DataSettings;
import org.slf4j.Logger;

/**
 * Writes a statement that a repository sends with plain JDBC to Micronaut Data's query log, in the
 * words Micronaut Data uses for its own: the log (and the tests that count and EXPLAIN what it
 * shows) sees every statement the registry sends, whichever way it was sent.
 */
public final class QueryLog {

    private static final Logger LOG = DataSettings.QUERY_LOG;

    private QueryLog() {
    }

    public static void executing(String sql, Object... values) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("Executing Query: {}", sql);
        }
        if (LOG.isTraceEnabled()) {
            for (int i = 0; i < values.length; i++) {
                LOG.trace("Binding parameter at position {} to value {} with data type: {}", i + 1, values[i],
                        values[i] instanceof Number ? "LONG" : "STRING");
            }
        }
    }
}
