package de.foerderregister.application;

/** One application an import enters, and whether it is submitted in the same step. */
public record ImportedApplication(ApplicationCommand command, boolean submit) {
}
