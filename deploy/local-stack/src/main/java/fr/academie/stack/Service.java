package fr.academie.stack;

import java.nio.file.Path;

/**
 * The portal's own services: module, default port, database. In start-up order:
 * the gateway last, since it is given the addresses of the others.
 */
public enum Service {
    MAIL("mail-service", 8081, "mail"),
    IPROF("iprof-service", 8082, "iprof"),
    COLIBRIS("colibris-service", 8083, "colibris"),
    GATEWAY("auth-gateway", 8080, "gateway");

    private final String module;
    private final int defaultPort;
    private final String database;

    Service(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }

    /** The runnable jar Maven builds ({@code target/quarkus-app}), from the root of the checkout. */
    public Path jar(Path root) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The key of the service's URL in the gateway's configuration ({@code gateway.mail-url}, ...). */
    public String gatewayUrlKey() {
        return "gateway." + name().toLowerCase() + "-url";
    }
}
