package de.foerderregister.demo;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/** Tells whoever started the registry where it answers and, for the demo, how to log in. */
@Singleton
public class StartupBanner implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    private final Optional<DemoData> demo;

    public StartupBanner(Optional<DemoData> demo) {
        this.demo = demo;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        String url = event.getSource().getURL().toString();
        List<String> logins = demo.map(DemoData::logins).orElse(List.of());
        // people open the pages; the API is for scripts and integrations
        StringBuilder banner = new StringBuilder("\n\n  Förderregister is running: open ").append(url)
                .append("/ui in a browser")
                .append("\n  API: ").append(url).append("/api, token by POST ").append(url)
                .append("/login {\"username\": …, \"password\": …}, documented at ").append(url).append("/swagger-ui\n");
        if (!logins.isEmpty()) {
            banner.append("  Demo accounts (username / password), shown this once:\n");
            logins.forEach(line -> banner.append("    ").append(line).append('\n'));
        } else {
            demo.flatMap(DemoData::loginsFile).ifPresent(file -> banner.append("  Demo accounts: see ")
                    .append(file).append(" (readable by this account only)\n"));
        }
        LOG.info(banner.toString());
    }
}
