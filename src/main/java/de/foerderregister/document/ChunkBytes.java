package de.foerderregister.document;

import io.micronaut.core.annotation.Introspected;

/** One row of {@code document_chunk}, read back (a bare byte[] result is taken for a list of bytes). */
@Introspected
record ChunkBytes(byte[] bytes) {
}
