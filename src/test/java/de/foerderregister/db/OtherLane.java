package de.foerderregister.db;

import de.foerderregister.TestApi.Account;
import de.foerderregister.application.ApplicationCommand;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.AnnualPlanEntry;
import de.foerderregister.security.Caller;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Another registry on the tests' database whose connections write in another lane, as an instance on
 * another node of a Galera cluster would: there the node's {@code auto_increment_offset} is its lane,
 * here its sessions are given that value (Connector/J's {@code sessionVariables}).
 */
public final class OtherLane implements AutoCloseable {

    /** The lane of the second node. */
    public static final int SECOND = 2;

    private final int lane;
    private final ApplicationContext context;

    /** Writing in lane 2, started with the tests' settings and {@code settings} on top. */
    public OtherLane(DatasourceConfiguration datasource, Map<String, Object> settings) {
        this(datasource, SECOND, settings);
    }

    /** Writing in {@code lane}, started with the tests' settings and {@code settings} on top. */
    public OtherLane(DatasourceConfiguration datasource, int lane, Map<String, Object> settings) {
        this.lane = lane;
        Map<String, Object> properties = new HashMap<>(Map.of(
                "datasources.default.url", url(datasource.getJdbcUrl(), lane),
                "datasources.default.username", datasource.getUsername(),
                "datasources.default.password", datasource.getPassword() == null ? "" : datasource.getPassword(),
                "registry.demo-data.enabled", false));
        properties.putAll(settings);
        this.context = ApplicationContext.run(properties, "test");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A new application of the account's state, created and submitted in this lane; answers its id. */
    public long submitted(Account account) {
        ApplicationService applications = bean(ApplicationService.class);
        Caller caller = new Caller(account.username(), account.role(), account.state());
        long id = applications.create(caller, command(account)).id();
        applications.submit(caller, id, null);
        return id;
    }

    /** An application as {@code TestApi#application} makes it, as a command to the service. */
    public static ApplicationCommand command(Account account) {
        return new ApplicationCommand("Antrag " + System.nanoTime(), account.state(),
                ApplicationType.REFERENCE_IMPLEMENTATION, FundingSource.DIGITALISATION_BUDGET, LocalDate.of(2021, 1, 1),
                LocalDate.of(2022, 12, 31), new BigDecimal("1011500.00"),
                List.of(new AnnualPlanEntry(2021, new BigDecimal("500000.00")), new AnnualPlanEntry(2022, new BigDecimal("511500.00"))),
                null);
    }

    public int lane() {
        return lane;
    }

    private static String url(String url, int lane) {
        return url + (url.contains("?") ? "&" : "?") + "sessionVariables=auto_increment_offset=" + lane;
    }

    @Override
    public void close() {
        context.close();
    }
}
