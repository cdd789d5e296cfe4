package de.foerderregister.audit;

import de.foerderregister.system.Sha256;

/** One HMAC key of the audit chain and the id events and anchors name it by. */
record AuditKey(String id, byte[] secret) {

    String mac(String text) {
        return Sha256.hmacHex(secret, text);
    }
}
