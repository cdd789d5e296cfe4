package de.foerderregister.application;

import de.foerderregister.system.Messages;

/** The two budgets of TOP 07. */
public enum FundingSource {
    DIGITALISATION_BUDGET,
    STIMULUS_PACKAGE;

    /** The budget's name as the minutes write it, from the message bundle. */
    public String germanName() {
        return Messages.german("source." + name());
    }

    /** Reads the German name as spreadsheets write it, or the constant's own name. */
    public static FundingSource fromFileValue(String value) {
        String text = value.strip();
        for (FundingSource source : values()) {
            if (source.germanName().equalsIgnoreCase(text) || source.name().equalsIgnoreCase(text)) {
                return source;
            }
        }
        throw new IllegalArgumentException("unknown funding source " + value);
    }
}
