package de.foerderregister.application;

/** The two budgets of TOP 07. */
public enum FundingSource {
    DIGITALISATION_BUDGET,
    STIMULUS_PACKAGE
}
