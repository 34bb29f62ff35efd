package fr.academie.common.telemetry;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * HTTP answers' latency as a histogram (buckets from 5 ms to 10 s) on {@code /q/metrics}, so that an operator's
 * Prometheus computes the p95 of a route over every replica ({@code histogram_quantile}); Micrometer's default is a
 * count and a sum only.
 */
@Singleton
public class LatencyHistograms implements MeterFilter {

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals("http.server.requests")) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                .maximumExpectedValue((double) Duration.ofSeconds(10).toNanos())
                .build().merge(config);
    }
}
