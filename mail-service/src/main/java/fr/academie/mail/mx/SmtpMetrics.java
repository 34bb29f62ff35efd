package fr.academie.mail.mx;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.metrics.api.TimeMetric;
import org.reactivestreams.Publisher;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * James' SMTP stack measures each command (timers named "SMTP-<command>"): they are kept in the service's own
 * Micrometer registry, so /q/metrics shows how long EHLO, RCPT or DATA take ({@code smtp_command_seconds}).
 */
final class SmtpMetrics implements MetricFactory {

    private final MeterRegistry registry;

    SmtpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Metric generate(String name) {
        AtomicLong count = registry.gauge("smtp_" + name.toLowerCase().replaceAll("[^a-z0-9]+", "_"), new AtomicLong());
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
        Timer timer = Timer.builder("smtp.command").tag("name", name).register(registry);
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
        return publisher;
    }

    @Override
    public <T> Publisher<T> decoratePublisherWithTimerMetricLogP99(String name, Publisher<T> publisher) {
        return publisher;
    }
}
