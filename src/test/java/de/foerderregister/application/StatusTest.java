package de.foerderregister.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusTest {

    /** SPEC: DRAFT → SUBMITTED → APPROVED / REJECTED; SUBMITTED → RETURNED → SUBMITTED; DRAFT/SUBMITTED/RETURNED → WITHDRAWN. */
    private static final Map<Status, Set<Status>> SPEC = Map.of(
            Status.DRAFT, EnumSet.of(Status.SUBMITTED, Status.WITHDRAWN),
            Status.SUBMITTED, EnumSet.of(Status.APPROVED, Status.REJECTED, Status.RETURNED, Status.WITHDRAWN),
            Status.RETURNED, EnumSet.of(Status.SUBMITTED, Status.WITHDRAWN),
            Status.APPROVED, EnumSet.noneOf(Status.class),
            Status.REJECTED, EnumSet.noneOf(Status.class),
            Status.WITHDRAWN, EnumSet.noneOf(Status.class));

    @ParameterizedTest
    @EnumSource(Status.class)
    void everyPairOfStatusesIsAllowedExactlyAsSpecSays(Status from) {
        for (Status to : Status.values()) {
            if (SPEC.get(from).contains(to)) {
                assertEquals(to, from.moveTo(to));
            } else {
                ForbiddenMove refused = assertThrows(ForbiddenMove.class, () -> from.moveTo(to));
                assertEquals(409, refused.status().getCode());
                assertEquals(SPEC.get(from).stream().map(Status::name).toList(),
                        refused.toProblem().allowedStatuses());
            }
        }
    }

    @Test
    void onlyDraftAndReturnedAreEditable() {
        for (Status status : Status.values()) {
            boolean editable = status == Status.DRAFT || status == Status.RETURNED;
            assertEquals(editable, status.isEditable(), status.name());
            if (!editable) {
                assertThrows(ForbiddenMove.class, status::requireEditable);
            }
        }
        assertTrue(Status.RETURNED.isEditable());
    }
}
