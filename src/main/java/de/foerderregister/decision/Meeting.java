package de.foerderregister.decision;

import java.time.LocalDate;

/** Where a decision was taken: the body, the day and the agenda item, e.g. "Abteilungsleiterrunde", 19.01.2021, "TOP 08". */
public record Meeting(String body, LocalDate date, String agendaItem) {

    @Override
    public String toString() {
        return body + ", " + date + ", " + agendaItem;
    }
}
