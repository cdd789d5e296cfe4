package de.foerderregister.application;

/**
 * A light of a status report (Statusbericht), as the IT-Planungsrat's portfolio controlling asks
 * for them: on track, at risk, off track. Declared from good to bad, so the worst of several lights
 * is the greatest.
 */
public enum TrafficLight {
    GREEN,
    YELLOW,
    RED;

    /** The overall light of a report: its worst light, so one red dimension makes the project red. */
    public static TrafficLight worst(TrafficLight first, TrafficLight... others) {
        TrafficLight worst = first;
        for (TrafficLight other : others) {
            if (other.compareTo(worst) > 0) {
                worst = other;
            }
        }
        return worst;
    }
}
