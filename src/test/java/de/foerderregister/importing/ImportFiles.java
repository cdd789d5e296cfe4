package de.foerderregister.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Import files for tests of several packages. */
public final class ImportFiles {

    private ImportFiles() {
    }

    /**
     * The shared minutes' table with the marker after the first word of every title ("Elektronischer
     * MARKER Heilberufsausweis"), so each run's rows are its own and searches for the demo data's
     * titles never find them.
     */
    public static String minutesTable(String marker) {
        try (InputStream in = Objects.requireNonNull(ImportFiles.class.getResourceAsStream("/import/projects-2021-01-19.csv"))) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String> marked = new ArrayList<>(List.of(lines[0]));
            for (int i = 1; i < lines.length; i++) {
                int space = lines[i].indexOf(' ');
                marked.add(lines[i].substring(0, space) + " " + marker + lines[i].substring(space));
            }
            return String.join("\n", marked) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
