package de.foerderregister.notification;

import io.micronaut.core.annotation.Introspected;

import java.util.Locale;

/** A recipient as the database keeps it. */
@Introspected
record RecipientRow(String username, String address, String language) {

    Recipient recipient() {
        return new Recipient(username, address, Locale.forLanguageTag(language));
    }
}
