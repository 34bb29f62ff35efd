package fr.academie.mail.mx;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.james.protocols.smtp.hook.MailHook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code mail.mx.messages-per-minute} messages begun (MAIL FROM) per connecting address in any minute: past
 * that, 451 4.7.0, and a well-behaved server slows down and retries; a flood from one address costs us little. The
 * connections themselves are limited by the SMTP stack (421 past {@code mail.mx.max-connections-per-address}).
 */
public final class SenderRate implements MailHook {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Beyond this many addresses remembered, the oldest minute's memory starts again (a bound, not a policy). */
    private static final int ADDRESSES_AT_MOST = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public SenderRate(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        return allow(session.getRemoteAddress().getAddress().getHostAddress()) ? HookResult.DECLINED
                : HookResult.builder().hookReturnCode(HookReturnCode.denySoft()).smtpReturnCode("451")
                .smtpDescription("4.7.0 Trop de messages depuis votre adresse, ralentissez"
                        + " / Too many messages from your address, slow down").build();
    }

    /** Counts a message from that address (or person: the submission door counts per account); whether it is allowed. */
    public boolean allow(String address) {
        if (recent.size() >= ADDRESSES_AT_MOST) {
            recent.clear();
        }
        long now = clock.millis();
        Deque<Long> times = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - MINUTE.toMillis()) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }
}
