package de.foerderregister.db;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether the database is a node of a Galera cluster, asked once, when first needed: the defaults that
 * differ there (file-number blocks, patience with conflicts) follow from it unless they are set.
 */
@Singleton
public class Cluster {

    /** A server built without Galera does not even know the variable, so it is looked up rather than read. */
    private static final String WSREP_ON =
            "SELECT COUNT(*) FROM information_schema.GLOBAL_VARIABLES WHERE VARIABLE_NAME = 'WSREP_ON' AND VARIABLE_VALUE = 'ON'";

    private final DataSource database;
    /** Null until asked; two first questions at once both ask, alike. */
    private volatile Boolean galera;

    public Cluster(DataSource database) {
        // a connection of its own, outside any transaction: the answer does not depend on one
        this.database = DelegatingDataSource.unwrapDataSource(database);
    }

    public boolean isGalera() {
        Boolean known = galera;
        if (known == null) {
            try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery(WSREP_ON)) {
                row.next();
                known = row.getLong(1) > 0;
            } catch (SQLException e) {
                throw new IllegalStateException("Could not ask the database whether it is a Galera node", e);
            }
            galera = known;
        }
        return known;
    }
}
