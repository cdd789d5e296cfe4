package de.foerderregister.notification;

import java.util.Locale;

/** An enabled account with an e-mail address that has not opted out of the kind at hand. */
public record Recipient(String username, String address, Locale language) {
}
