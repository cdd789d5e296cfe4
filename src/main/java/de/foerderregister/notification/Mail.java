package de.foerderregister.notification;

/** A letter put into one language: the subject, a plain-text body and the same as HTML. */
public record Mail(String subject, String text, String html) {
}
