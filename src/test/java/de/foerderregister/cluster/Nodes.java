package de.foerderregister.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The database nodes of one side, read by JDBC: what the registry stored on each, and Galera's own counters. */
final class Nodes {

    private final List<String> urls;
    private final String user;
    private final String password;

    Nodes(List<String> urls, String user, String password) {
        this.urls = urls;
        this.user = user;
        this.password = password;
    }

    int size() {
        return urls.size();
    }

    /** A Galera status variable of node {@code index} (0-based); empty on a server without wsrep or out of reach. */
    Optional<String> status(int index, String variable) {
        try (Connection connection = connect(index);
             PreparedStatement statement = connection.prepareStatement("SHOW GLOBAL STATUS LIKE ?")) {
            statement.setString(1, variable);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(2)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    long counter(int index, String variable) {
        return status(index, variable).map(Long::parseLong).orElse(0L);
    }

    /** A server built with wsrep reports wsrep_ready OFF when it runs alone. */
    boolean galera() {
        return status(0, "wsrep_ready").filter("ON"::equals).isPresent();
    }

    /** Whether every node is in the cluster, synced, and has applied the same last write set. */
    boolean converged() {
        if (!galera()) {
            return true;
        }
        Set<String> committed = new HashSet<>();
        for (int i = 0; i < urls.size(); i++) {
            if (!status(i, "wsrep_local_state_comment").orElse("").equals("Synced")) {
                return false;
            }
            committed.add(status(i, "wsrep_last_committed").orElse("?"));
        }
        return committed.size() == 1;
    }

    /** Of these ids, the ones that no row of the table of node {@code index} holds in {@code column}. */
    List<Long> missing(int index, String table, String column, Collection<Long> ids) throws SQLException {
        Set<Long> found = new HashSet<>();
        try (Connection connection = connect(index); Statement sql = connection.createStatement()) {
            List<Long> all = new ArrayList<>(ids);
            for (int from = 0; from < all.size(); from += 500) {
                List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
                // the ids are numbers the registry returned, never text: joining them cannot inject anything
                String list = chunk.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
                try (ResultSet rows = sql.executeQuery("SELECT " + column + " FROM " + table + " WHERE " + column + " IN (" + list + ")")) {
                    while (rows.next()) {
                        found.add(rows.getLong(1));
                    }
                }
            }
        }
        return ids.stream().filter(id -> !found.contains(id)).toList();
    }

    /** Row count and CHECKSUM TABLE of every table of the registry's database on node {@code index}. */
    Map<String, String> contents(int index) throws SQLException {
        Map<String, String> contents = new TreeMap<>();
        try (Connection connection = connect(index); Statement sql = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet count = sql.executeQuery("SELECT COUNT(*) FROM `" + table + "`")) {
                    count.next();
                    contents.put(table, count.getLong(1) + " rows");
                }
                try (ResultSet checksum = sql.executeQuery("CHECKSUM TABLE `" + table + "`")) {
                    checksum.next();
                    contents.merge(table, " checksum " + checksum.getString(2), String::concat);
                }
            }
        }
        return contents;
    }

    /** File numbers (references) that occur more than once on node {@code index}. */
    long duplicateReferences(int index) throws SQLException {
        try (Connection connection = connect(index); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT COUNT(*) - COUNT(DISTINCT reference) FROM funding_application")) {
            row.next();
            return row.getLong(1);
        }
    }

    private Connection connect(int index) throws SQLException {
        return DriverManager.getConnection(urls.get(index), user, password);
    }
}
