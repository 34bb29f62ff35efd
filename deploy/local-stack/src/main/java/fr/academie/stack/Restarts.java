package fr.academie.stack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * When to start again a part that ended by itself: after 1 s, then twice as long at each end within the window (at
 * most 30 s); never again once it has ended {@value #MOST} times within {@link #WINDOW} — a part that cannot stay up
 * has a cause a restart will not remove.
 */
public final class Restarts {

    public static final int MOST = 5;
    public static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final Deque<Instant> ends = new ArrayDeque<>();

    /** Records an end at {@code now}: the wait before the next start, or empty when it is time to give up. */
    public synchronized Optional<Duration> afterEndAt(Instant now) {
        ends.addLast(now);
        while (ends.getFirst().isBefore(now.minus(WINDOW))) {
            ends.removeFirst();
        }
        if (ends.size() >= MOST) {
            return Optional.empty();
        }
        Duration wait = Duration.ofSeconds(1L << (ends.size() - 1));
        return Optional.of(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
    }
}
