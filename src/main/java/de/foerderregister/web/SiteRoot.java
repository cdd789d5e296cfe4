package de.foerderregister.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * The address the start-up banner prints leads a browser to the web interface, not to a JSON 404.
 * Open to anyone because it only redirects: {@code /ui} itself asks for a login.
 */
@Controller
public class SiteRoot {

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> toTheWebInterface() {
        return UiPages.redirect("/ui");
    }
}
