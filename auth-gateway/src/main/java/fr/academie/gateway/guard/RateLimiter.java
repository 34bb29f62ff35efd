package fr.academie.gateway.guard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.academie.gateway.config.GatewayConfig.Limit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * One token bucket (Bucket4j) per limit and caller, kept in a bounded cache so that a flood of new
 * addresses cannot exhaust memory: a caller silent for an hour starts again with a full bucket.
 */
@ApplicationScoped
public class RateLimiter {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(1))
            .maximumSize(500_000)
            .build();

    /** Spends one request of {@code caller} under {@code limit}; empty when allowed, else how long to wait. */
    public Optional<Duration> spend(String limitName, Limit limit, String caller) {
        Bucket bucket = buckets.get(limitName + ' ' + caller, key -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
