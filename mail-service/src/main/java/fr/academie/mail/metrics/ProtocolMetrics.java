package fr.academie.mail.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.james.metrics.api.Gauge;
import org.apache.james.metrics.api.GaugeRegistry;
import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What James' protocol stacks (the MX's SMTP, IMAP) measure, kept in the service's own Micrometer registry: each
 * command's time as {@code <protocol>_command_seconds{name=...}} ({@code smtp_command_seconds} shows how long EHLO,
 * RCPT or DATA take), their counters and gauges (connections open...) as gauges {@code <protocol>_<name>}.
 */
public final class ProtocolMetrics implements MetricFactory, GaugeRegistry {

    private final MeterRegistry registry;
    private final String protocol;

    /** @param protocol the name's prefix: "smtp", "imap" */
    public ProtocolMetrics(MeterRegistry registry, String protocol) {
        this.registry = registry;
        this.protocol = protocol;
    }

    @Override
    public Metric generate(String name) {
        AtomicLong count = registry.gauge(gauge(name), new AtomicLong());
        return new Metric() {
            @Override
            public void increment() {
                count.incrementAndGet();
            }

            @Override
            public void decrement() {
                count.decrementAndGet();
            }

            @Override
            public void add(int value) {
                count.addAndGet(value);
            }

            @Override
            public void remove(int value) {
                count.addAndGet(-value);
            }

            @Override
            public long getCount() {
                return count.get();
            }
        };
    }

    @Override
    public TimeMetric timer(String name) {
        Timer timer = Timer.builder(protocol + ".command").tag("name", name).register(registry);
        long start = System.nanoTime();
        return new TimeMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ExecutionResult stopAndPublish() {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                timer.record(elapsed);
                return new ExecutionResult() {
                    @Override
                    public Duration elasped() {
                        return elapsed;
                    }

                    @Override
                    public ExecutionResult logWhenExceedP99(Duration threshold) {
                        return this;
                    }
                };
            }
        };
    }

    @Override
    public <T> Publisher<T> decoratePublisherWithTimerMetric(String name, Publisher<T> publisher) {
        return Flux.defer(() -> {
            TimeMetric timer = timer(name);
            return Flux.from(publisher).doFinally(signal -> timer.stopAndPublish());
        });
    }

    @Override
    public <T> Publisher<T> decoratePublisherWithTimerMetricLogP99(String name, Publisher<T> publisher) {
        return decoratePublisherWithTimerMetric(name, publisher);
    }

    @Override
    public <T> GaugeRegistry register(String name, Gauge<T> gauge) {
        registry.gauge(gauge(name), gauge, g -> g.get() instanceof Number n ? n.doubleValue() : Double.NaN);
        return this;
    }

    @Override
    public <T> SettableGauge<T> settableGauge(String name) {
        AtomicReference<T> value = new AtomicReference<>();
        registry.gauge(gauge(name), value, v -> v.get() instanceof Number n ? n.doubleValue() : Double.NaN);
        return value::set;
    }

    private String gauge(String name) {
        return protocol + "_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}
