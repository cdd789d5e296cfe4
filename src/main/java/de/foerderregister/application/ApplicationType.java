package de.foerderregister.application;

/** "Art" in the minutes: RI or STD. */
public enum ApplicationType {
    REFERENCE_IMPLEMENTATION("RI", "Referenzimplementierung"),
    STANDARD("STD", "Standard");

    private final String abbreviation;
    private final String germanName;

    ApplicationType(String abbreviation, String germanName) {
        this.abbreviation = abbreviation;
        this.germanName = germanName;
    }

    public String abbreviation() {
        return abbreviation;
    }

    public String germanName() {
        return germanName;
    }

    /** Reads RI or STD as the minutes write them, the German name, or the constant's own name. */
    public static ApplicationType fromFileValue(String value) {
        String text = value.strip();
        for (ApplicationType type : values()) {
            if (type.abbreviation.equalsIgnoreCase(text) || type.germanName.equalsIgnoreCase(text)
                    || type.name().equalsIgnoreCase(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown application type " + value);
    }
}
