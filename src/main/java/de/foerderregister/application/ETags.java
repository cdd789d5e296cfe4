package de.foerderregister.application;

import de.foerderregister.problem.PreconditionFailed;
import io.micronaut.core.annotation.Nullable;

/** An application's version as an entity tag, both ways. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version named by If-Match ({@code "3"}, {@code W/"3"} or {@code 3}); none for an absent header or {@code *}. */
    public static @Nullable Long expectedVersion(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            // a tag this server never issued cannot match the current version
            throw new PreconditionFailed("If-Match names no version of this registry: " + ifMatch);
        }
    }
}
