package de.foerderregister.aggregates;

import de.foerderregister.Foerderregister;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code java -jar app.jar --verify-aggregates[=repair]}: checks the kept aggregates of the configured
 * database against its rows without serving anything, prints the report and answers the exit code:
 * 0 when they agreed, 1 when groups differed (also when they were repaired, so a script notices).
 */
public final class VerifyAggregatesCommand {

    static final String FLAG = "--verify-aggregates";

    private VerifyAggregatesCommand() {
    }

    /** Whether the arguments ask for a verification, and if so whether to repair. */
    public static Optional<Boolean> requested(String[] args) {
        return Arrays.stream(args)
                .filter(arg -> arg.equals(FLAG) || arg.equals(FLAG + "=repair"))
                .findFirst()
                .map(arg -> arg.endsWith("=repair"));
    }

    /** A repair from the command line is audited with the operating-system account that ran it. */
    static Caller operator() {
        String account = "command-line:" + System.getProperty("user.name", "unknown");
        return new Caller(account.substring(0, Math.min(account.length(), 64)), Role.ADMIN, null);
    }

    public static int run(boolean repair, PrintStream out) {
        try (ApplicationContext context = ApplicationContext.builder().mainClass(Foerderregister.class).start()) {
            AggregateReport report = context.getBean(AggregateCheck.class).verify(operator(), repair);
            out.println(report.text());
            return report.consistent() ? 0 : 1;
        }
    }
}
