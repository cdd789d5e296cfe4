package de.foerderregister.application;

import de.foerderregister.system.Messages;

/** "Art" in the minutes: RI or STD. */
public enum ApplicationType {
    REFERENCE_IMPLEMENTATION("RI"),
    STANDARD("STD");

    private final String abbreviation;

    ApplicationType(String abbreviation) {
        this.abbreviation = abbreviation;
    }

    public String abbreviation() {
        return abbreviation;
    }

    /** The label documents print, from the message bundle: "Referenzimplementierung (RI)". */
    public String germanLabel() {
        return Messages.german("type." + name());
    }

    /** Reads RI or STD as the minutes write them, the German label with or without its abbreviation, or the constant's own name. */
    public static ApplicationType fromFileValue(String value) {
        String text = value.strip();
        for (ApplicationType type : values()) {
            String label = type.germanLabel();
            if (type.abbreviation.equalsIgnoreCase(text) || type.name().equalsIgnoreCase(text)
                    || label.equalsIgnoreCase(text) || label.equalsIgnoreCase(text + " (" + type.abbreviation + ")")) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown application type " + value);
    }
}
