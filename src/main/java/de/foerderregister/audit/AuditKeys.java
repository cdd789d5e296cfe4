package de.foerderregister.audit;

import de.foerderregister.system.KeyFile;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The audit chain's HMAC keys. They live outside the database — in {@code REGISTRY_AUDIT_KEY} or in
 * {@code audit-keys/<id>.key} of the registry home — so that someone who can write the database
 * cannot recompute the chain. New events use the current key; every key found stays usable for
 * verifying the events and anchors made with it, which is what lets keys rotate.
 */
@Singleton
public class AuditKeys {

    /** The key id of events hashed with plain SHA-256 before the chain was keyed (migration V8). */
    static final String LEGACY = "sha256";

    private static final Logger LOG = LoggerFactory.getLogger(AuditKeys.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MIN_BYTES = 32;
    private static final String SUFFIX = ".key";

    private final Map<String, AuditKey> keys;
    private final AuditKey current;

    public AuditKeys(AuditSettings settings, @Value("${registry.home}") Path home) {
        if (!ID.matcher(settings.keyId()).matches() || LEGACY.equals(settings.keyId())) {
            throw new ConfigurationException("registry.audit.key-id must be 1-32 letters, digits, '-' or '_' and not '"
                    + LEGACY + "': " + settings.keyId());
        }
        Path folder = home.resolve("audit-keys");
        Map<String, AuditKey> found = read(folder);
        AuditKey chosen;
        if (settings.key() != null && !settings.key().isBlank()) {
            chosen = new AuditKey(settings.keyId(), decode(settings.key().trim(), "registry.audit.key"));
            AuditKey filed = found.get(chosen.id());
            // two different keys under one id would make every event of one of them look altered
            if (filed != null && !Arrays.equals(filed.secret(), chosen.secret())) {
                throw new ConfigurationException("registry.audit.key differs from " + folder.resolve(chosen.id() + SUFFIX)
                        + ": give the new key a new registry.audit.key-id");
            }
        } else {
            chosen = found.containsKey(settings.keyId()) ? found.get(settings.keyId()) : create(folder, settings.keyId());
        }
        found.put(chosen.id(), chosen);
        this.keys = Map.copyOf(found);
        this.current = chosen;
    }

    /** The key new events and anchors are sealed with. */
    AuditKey current() {
        return current;
    }

    Optional<AuditKey> find(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    private static Map<String, AuditKey> read(Path folder) {
        Map<String, AuditKey> found = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                String name = file.getFileName().toString();
                String id = name.substring(0, name.length() - SUFFIX.length());
                if (ID.matcher(id).matches()) {
                    found.put(id, new AuditKey(id, decode(Files.readString(file).trim(), file.toString())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit keys in " + folder, e);
        }
        return found;
    }

    /** The key file of the id, created 0600 with a random key on first use (see {@link KeyFile}). */
    private static AuditKey create(Path folder, String id) {
        Path file = folder.resolve(id + SUFFIX);
        boolean created = !Files.exists(file);
        AuditKey key = new AuditKey(id, decode(new KeyFile(file).read(), file.toString()));
        if (created) {
            LOG.warn("Created the audit key {} in {}: keep it apart from the database and its backups, and back it up "
                    + "on its own; without it the audit trail cannot be verified", id, file);
        }
        return key;
    }

    private static byte[] decode(String base64, String source) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(source + " is not base64", e);
        }
        if (secret.length < MIN_BYTES) {
            throw new ConfigurationException(source + " holds " + secret.length + " bytes; an audit key needs at least " + MIN_BYTES);
        }
        return secret;
    }
}
