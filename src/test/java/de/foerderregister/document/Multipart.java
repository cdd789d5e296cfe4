package de.foerderregister.document;

import io.micronaut.core.annotation.Nullable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A multipart/form-data body as a browser or curl sends it: the text fields first, then the file.
 * The file's bytes come from a supplier of streams, so a large upload is generated while it is
 * sent and never held by the test.
 */
public final class Multipart {

    private final String boundary = "----registry-test-" + UUID.randomUUID();
    private final Map<String, String> fields = new LinkedHashMap<>();
    private @Nullable String fileName;
    private String fileType = "application/octet-stream";
    private Supplier<InputStream> file = () -> new ByteArrayInputStream(new byte[0]);
    private boolean fileLast = true;
    private @Nullable String rawFileDisposition;

    public Multipart field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    public Multipart file(@Nullable String name, String declaredType, byte[] content) {
        return file(name, declaredType, () -> new ByteArrayInputStream(content));
    }

    public Multipart file(@Nullable String name, String declaredType, Supplier<InputStream> content) {
        this.fileName = name;
        this.fileType = declaredType;
        this.file = content;
        return this;
    }

    /** The file part's Content-Disposition exactly as given, e.g. with an RFC 5987 {@code filename*}. */
    public Multipart rawFileDisposition(String disposition) {
        this.rawFileDisposition = disposition;
        return this;
    }

    /** Sends the text fields after the file instead of before it. */
    public Multipart fieldsAfterFile() {
        this.fileLast = false;
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.ofInputStream(this::stream);
    }

    /** The whole body, for tests that send it altered. */
    public byte[] bytes() {
        try (InputStream body = stream()) {
            return body.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private InputStream stream() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        fields.forEach((name, value) -> text.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        String disposition = rawFileDisposition != null ? rawFileDisposition : "form-data; name=\"file\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"");
        byte[] fileHead = ("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + fileType
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        List<InputStream> parts = new ArrayList<>();
        if (!fileLast) {
            parts.addAll(List.of(new ByteArrayInputStream(fileHead), file.get(), new ByteArrayInputStream("\r\n".getBytes()),
                    new ByteArrayInputStream(text.toByteArray())));
        } else {
            parts.addAll(List.of(new ByteArrayInputStream(text.toByteArray()), new ByteArrayInputStream(fileHead),
                    file.get(), new ByteArrayInputStream("\r\n".getBytes())));
        }
        parts.add(new ByteArrayInputStream(end));
        return new SequenceInputStream(Collections.enumeration(parts));
    }
}
