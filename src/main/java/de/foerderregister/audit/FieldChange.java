package de.foerderregister.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One field of an application, before and after a change; absent values are null. */
@Serdeable
public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {

    /** The fields whose values differ, in the order of {@code after}'s keys. */
    public static List<FieldChange> between(Map<String, String> before, Map<String, String> after) {
        List<FieldChange> changes = new ArrayList<>();
        after.forEach((field, value) -> {
            String old = before.get(field);
            if (!Objects.equals(old, value)) {
                changes.add(new FieldChange(field, old, value));
            }
        });
        return changes;
    }
}
