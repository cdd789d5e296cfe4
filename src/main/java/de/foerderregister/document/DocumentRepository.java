package de.foerderregister.document;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Documents are added and marked withdrawn, never deleted; their bytes are written once. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface DocumentRepository extends GenericRepository<Document, Long> {

    Document save(Document document);

    Document update(Document document);

    Optional<Document> findByIdAndApplicationId(Long id, Long applicationId);

    List<Document> findByApplicationIdOrderById(Long applicationId);

    List<Document> findBySubjectKindAndSubjectIdInOrderById(SubjectKind subjectKind, Collection<Long> subjectIds);

    @Query("INSERT INTO document_chunk (document_id, seq, bytes) VALUES (:documentId, :seq, :bytes)")
    void addChunk(long documentId, int seq, byte[] bytes);

    @Query("SELECT bytes FROM document_chunk WHERE document_id = :documentId AND seq = :seq")
    Optional<ChunkBytes> chunk(long documentId, int seq);
}
