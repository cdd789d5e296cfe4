package de.foerderregister.report;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * The rows of a list report in id order, read one chunk at a time while the report fills: keyset
 * paging keeps every chunk an index range scan, and only one chunk is in memory.
 */
final class KeysetRows<R> implements Iterator<Map<String, Object>> {

    private final LongFunction<List<R>> chunkAfter;
    private final ToLongFunction<R> id;
    private final Function<R, Map<String, Object>> values;
    private Iterator<R> chunk = List.<R>of().iterator();
    private long lastId;
    private boolean exhausted;

    /** {@code chunkAfter} answers the next rows after an id (none when done), {@code values} a row as the template's fields. */
    KeysetRows(LongFunction<List<R>> chunkAfter, ToLongFunction<R> id, Function<R, Map<String, Object>> values) {
        this.chunkAfter = chunkAfter;
        this.id = id;
        this.values = values;
    }

    @Override
    public boolean hasNext() {
        if (!chunk.hasNext() && !exhausted) {
            List<R> next = chunkAfter.apply(lastId);
            exhausted = next.isEmpty();
            chunk = next.iterator();
        }
        return chunk.hasNext();
    }

    @Override
    public Map<String, Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        R row = chunk.next();
        lastId = id.applyAsLong(row);
        return values.apply(row);
    }
}
