package de.foerderregister.report;

import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.Status;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.decision.DecisionKind;
import de.foerderregister.decision.Outcome;

/** The words of the minutes for the registry's closed sets, as official documents print them. */
final class GermanLabels {

    private GermanLabels() {
    }

    static String of(Status status) {
        return switch (status) {
            case DRAFT -> "Entwurf";
            case SUBMITTED -> "eingereicht";
            case RETURNED -> "zur Überarbeitung zurückgegeben";
            case APPROVED -> "genehmigt";
            case REJECTED -> "abgelehnt";
            case WITHDRAWN -> "zurückgezogen";
        };
    }

    static String of(ApplicationType type) {
        return type.germanName() + " (" + type.abbreviation() + ")";
    }

    static String of(FundingSource source) {
        return source.germanName();
    }

    static String of(AuditAction action) {
        return switch (action) {
            case CREATED -> "angelegt";
            case IMPORTED -> "importiert";
            case UPDATED -> "bearbeitet";
            case SUBMITTED -> "eingereicht";
            case WITHDRAWN -> "zurückgezogen";
            case DECIDED -> "entschieden";
            case AMENDED -> "Änderung wirksam";
            case AMENDMENT_PROPOSED -> "Änderung vorgeschlagen";
            case AMENDMENT_CONFIRMED -> "Änderung bestätigt";
            case AMENDMENT_DECLINED -> "Änderung abgelehnt";
            case USER_CREATED -> "Konto angelegt";
            case USER_CHANGED -> "Konto geändert";
            case PASSWORD_RESET -> "Passwort zurückgesetzt";
            case PASSWORD_CHANGED -> "Passwort geändert";
        };
    }

    static String of(Outcome outcome) {
        return switch (outcome) {
            case APPROVED -> "genehmigt";
            case REJECTED -> "abgelehnt";
            case RETURNED -> "zurückgegeben";
        };
    }

    static String of(DecisionKind kind) {
        return switch (kind) {
            case RESOLUTION -> "Beschluss";
            case RECORD_NOTE -> "Protokollnotiz";
            case FOLLOW_UP -> "Folgeauftrag";
        };
    }
}
