package de.foerderregister.application;

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

    /** Reads RI or STD as the minutes write them, or the constant's own name. */
    public static ApplicationType fromFileValue(String value) {
        String text = value.strip();
        for (ApplicationType type : values()) {
            if (type.abbreviation.equalsIgnoreCase(text) || type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown application type " + value);
    }
}
