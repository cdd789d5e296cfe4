package de.foerderregister.application;

import de.foerderregister.system.Messages;

/** Owner states as ISO 3166-2:DE codes, plus the federation itself. */
public enum StateCode {
    BW,
    BY,
    BE,
    BB,
    HB,
    HH,
    HE,
    MV,
    NI,
    NW,
    RP,
    SL,
    SN,
    ST,
    SH,
    TH,
    BUND;

    /** The state's name as documents print it, from the message bundle, where its English name is too. */
    public String germanName() {
        return Messages.german("state." + name());
    }

    /** Reads a code as offices write it in files: case-insensitive, with the common {@code NRW} for NW. */
    public static StateCode fromFileValue(String value) {
        String code = value.strip().toUpperCase(java.util.Locale.ROOT);
        return "NRW".equals(code) ? NW : valueOf(code);
    }
}
