package fr.academie.mail.live;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;

/**
 * The caller's mailbox, live: server-sent events (the standard an {@code EventSource} reads, relayed as a stream by
 * the gateway) name the folders that changed. A comment every 15 s keeps the relay from closing a quiet stream; the
 * stream ends when the token does, and the browser's reconnection comes back with a fresh one.
 */
@Path("/")
public class LiveResource {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final long RECONNECT_MILLIS = 3_000;

    private final LiveMail live;
    private final JsonWebToken token;

    public LiveResource(LiveMail live, JsonWebToken token) {
        this.live = live;
        this.token = token;
    }

    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        Duration lifetime = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime()));
        Multi<OutboundSseEvent> open = Multi.createFrom().item(sse.newEventBuilder().name("ouvert")
                .reconnectDelay(RECONNECT_MILLIS).data("{}").build());
        Multi<OutboundSseEvent> changes = live.follow(token.getSubject()).map(change -> sse.newEventBuilder()
                .name("changement").mediaType(MediaType.APPLICATION_JSON_TYPE).data(change).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> sse.newEventBuilder().comment("toujours là").build());
        return Multi.createBy().merging().streams(open, changes, heartbeats)
                .select().first(lifetime.isNegative() ? Duration.ZERO : lifetime);
    }
}
