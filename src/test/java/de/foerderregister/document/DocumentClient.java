package de.foerderregister.document;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** Uploads and downloads of documents over real HTTP, with every header of the answer. */
@Singleton
public class DocumentClient {

    private final EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DocumentClient(EmbeddedServer server) {
        this.server = server;
    }

    public record Download(int status, HttpHeaders headers, byte[] bytes) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A download that was hashed as it came in, never held whole. */
    public record StreamedDownload(int status, long length, String sha256) {
    }

    public static String path(long applicationId) {
        return "/api/applications/" + applicationId + "/documents";
    }

    public TestApi.Response upload(Account account, long applicationId, Multipart body) {
        return upload(account, applicationId, "", body);
    }

    public TestApi.Response upload(Account account, long applicationId, String query, Multipart body) {
        return post(account, path(applicationId) + query, body);
    }

    /** A multipart body posted to any path, such as a report's submission with its document. */
    public TestApi.Response post(Account account, String path, Multipart body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + account.token())
                    .header("Content-Type", body.contentType()).POST(body.publisher()).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new TestApi.Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads the answer as a stream, hashing it; after {@code hookAt} bytes, runs the hook. */
    public StreamedDownload downloadHashed(Account account, String path, long hookAt, Runnable hook) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + account.token()).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long length = 0;
            boolean hookRan = false;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream body = response.body()) {
                for (int n; (n = body.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                    length += n;
                    if (!hookRan && length >= hookAt) {
                        hookRan = true;
                        hook.run();
                    }
                }
            }
            return new StreamedDownload(response.statusCode(), length, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Download download(Account account, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                    .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + account.token()).GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
