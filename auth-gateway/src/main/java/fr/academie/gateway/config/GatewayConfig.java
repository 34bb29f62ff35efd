package fr.academie.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** Where the gateway relays {@code /api/<service>/**} and how long it waits. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    URI mailUrl();

    URI iprofUrl();

    URI colibrisUrl();

    /** How long a relayed call may stay silent before the person is told the service is unavailable. */
    @WithDefault("PT30S")
    Duration idleTimeout();
}
