package de.foerderregister.db;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every statement the registry sends through Micronaut Data, with its bound values, from
 * the query log: tests count them (no N+1) and EXPLAIN them (indexes used).
 */
public final class StatementLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final Pattern BINDING = Pattern.compile("Binding parameter at position (\\d+) to value (.*) with data type: (\\w+)");

    public record Statement(String sql, List<String> values, List<String> types) {

        /** The statement with its values written in, as the server sees it (the driver prepares client-side). */
        public String literal() {
            StringBuilder text = new StringBuilder();
            int next = 0;
            for (char c : sql.toCharArray()) {
                if (c == '?' && next < values.size()) {
                    String value = values.get(next);
                    String type = types.get(next++);
                    boolean number = type.matches("INTEGER|LONG|SHORT|BYTE|BIGDECIMAL|DOUBLE|FLOAT|BOOLEAN");
                    text.append(value.equals("null") ? "NULL" : number ? value : "'" + value.replace("'", "''") + "'");
                } else {
                    text.append(c);
                }
            }
            return text.toString();
        }
    }

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.micronaut.data.query");
    private final Level previous = logger.getLevel();
    private final List<Statement> statements = new ArrayList<>();

    public static StatementLog recording() {
        StatementLog log = new StatementLog();
        log.setContext(log.logger.getLoggerContext());
        log.start();
        log.logger.addAppender(log);
        log.logger.setLevel(Level.TRACE);
        return log;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        if (message.startsWith("Executing Query: ")) {
            statements.add(new Statement(message.substring("Executing Query: ".length()), new ArrayList<>(), new ArrayList<>()));
            return;
        }
        Matcher binding = BINDING.matcher(message);
        if (binding.find() && !statements.isEmpty()) {
            Statement last = statements.get(statements.size() - 1);
            last.values().add(binding.group(2));
            last.types().add(binding.group(3));
        }
    }

    public synchronized List<Statement> statements() {
        return List.copyOf(statements);
    }

    public synchronized void clear() {
        statements.clear();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        logger.setLevel(previous);
        stop();
    }
}
