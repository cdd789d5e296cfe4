package de.foerderregister.security;

/** The four kinds of users of SPEC's role table. */
public enum Role {
    STATE,
    FITKO,
    FINANCE,
    ADMIN
}
