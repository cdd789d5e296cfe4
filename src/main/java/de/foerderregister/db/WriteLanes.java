package de.foerderregister.db;

/**
 * The write lane of a statement: the rows that every write would otherwise share (the audit chain's
 * head, the file-number block, the budget summary's kept figures) exist once per lane, and a writer
 * only writes its own lane's rows.
 *
 * <p>Why the lane is {@code @@auto_increment_offset}: Galera gives every node of a cluster its own offset
 * ({@code wsrep_auto_increment_control=ON}, the default), so two nodes never write the same lane row and
 * never fail each other's certification; two instances on one node share its lane and queue on the
 * row's lock, exactly as every writer does on a single server, whose offset is 1. The value is read
 * inside the statement that locks or writes the lane's row, so it costs no round trip. When the
 * cluster's membership changes, the offsets are dealt anew and a node may take over another lane:
 * correctness never rests on the lane being a node's alone (the row lock and the certification still
 * serialise every writer of a row), only the absence of conflicts does.
 */
public final class WriteLanes {

    /** The lane of the statement's session, for SQL. */
    public static final String LANE = "@@auto_increment_offset";

    /** The lane of a single server, and of everything written before lanes. */
    public static final int FIRST = 1;

    private WriteLanes() {
    }
}
