package de.foerderregister.application;

/** The two budgets of TOP 07. */
public enum FundingSource {
    DIGITALISATION_BUDGET("Digitalisierungsbudget"),
    STIMULUS_PACKAGE("Konjunkturpaket");

    private final String germanName;

    FundingSource(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }

    /** Reads the German name as spreadsheets write it, or the constant's own name. */
    public static FundingSource fromFileValue(String value) {
        String text = value.strip();
        for (FundingSource source : values()) {
            if (source.germanName.equalsIgnoreCase(text) || source.name().equalsIgnoreCase(text)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown funding source " + value);
    }
}
