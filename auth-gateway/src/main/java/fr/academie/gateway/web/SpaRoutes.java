package fr.academie.gateway.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/** The SPA's own paths: each serves the shell, whose router shows the page (deep links and reloads work). */
@ApplicationScoped
public class SpaRoutes {

    static final List<String> PAGES = List.of("/messagerie", "/carriere", "/demarches", "/compte", "/administration");

    void routes(@Observes Router router) {
        for (String page : PAGES) {
            router.get(page).handler(context -> context.reroute("/"));
            router.get(page + "/*").handler(context -> context.reroute("/"));
        }
    }
}
