package fr.academie.common.telemetry;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The current trace as a W3C {@code traceparent} text, kept with work done later (an outbox row), and that text back
 * to a context, so that the later work joins the trace of the request that asked for it.
 */
public final class TraceParents {

    private static final String HEADER = "traceparent";
    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParents() {
    }

    /** The current span's {@code traceparent}; empty outside any trace. */
    public static Optional<String> current() {
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(HEADER));
    }

    /** The context a kept {@code traceparent} names (the root context when there is none or it is not valid). */
    public static Context continued(String traceParent) {
        return traceParent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceParent), GETTER);
    }
}
