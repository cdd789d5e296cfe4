package de.foerderregister.application;

/** Owner states as ISO 3166-2:DE codes, plus the federation itself. */
public enum StateCode {
    BW("Baden-Württemberg"),
    BY("Bayern"),
    BE("Berlin"),
    BB("Brandenburg"),
    HB("Bremen"),
    HH("Hamburg"),
    HE("Hessen"),
    MV("Mecklenburg-Vorpommern"),
    NI("Niedersachsen"),
    NW("Nordrhein-Westfalen"),
    RP("Rheinland-Pfalz"),
    SL("Saarland"),
    SN("Sachsen"),
    ST("Sachsen-Anhalt"),
    SH("Schleswig-Holstein"),
    TH("Thüringen"),
    BUND("Bund");

    private final String germanName;

    StateCode(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }

    /** Reads a code as offices write it in files: case-insensitive, with the common {@code NRW} for NW. */
    public static StateCode fromFileValue(String value) {
        String code = value.strip().toUpperCase(java.util.Locale.ROOT);
        return "NRW".equals(code) ? NW : valueOf(code);
    }
}
