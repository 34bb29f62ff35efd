package fr.academie.mail.authenticity;

import fr.academie.mail.config.MailConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The one DNS resolver mail-service asks (SPF, DKIM keys, DMARC policies), from {@code mail.dns.server}: the local
 * stack and the tests point it at their stub, production at the cluster's resolver. Answers are kept for their TTL in
 * dnsjava's cache (the one jSPF's lookups use too), as a mail server's resolver does: a sender's records are asked once
 * for the many messages of a burst, not once per message.
 */
@ApplicationScoped
public class Dns {

    /** The DNS could not answer now (a timeout, a server failure): the check is a temporary error. */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final Resolver resolver;

    public Dns(MailConfig config) {
        Resolver chosen = config.dns().server().map(Dns::server).orElseGet(ExtendedResolver::new);
        chosen.setTimeout(config.dns().timeout());
        this.resolver = new Answering(chosen);
    }

    /** The resolver itself, for the libraries that make their own queries (jSPF). */
    public Resolver resolver() {
        return resolver;
    }

    /**
     * The TXT records at the name, each one's strings joined (as SPF, DKIM and DMARC read them); empty when the name
     * does not exist, holds no TXT record, or is no valid DNS name.
     */
    public List<String> txt(String name) throws Unavailable {
        Lookup lookup;
        try {
            lookup = new Lookup(Name.fromString(name.endsWith(".") ? name : name + "."), Type.TXT);
        } catch (TextParseException e) {
            return List.of();
        }
        lookup.setResolver(resolver);
        Record[] records = lookup.run();
        return switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> Arrays.stream(records).filter(TXTRecord.class::isInstance)
                    .map(record -> String.join("", ((TXTRecord) record).getStrings())).toList();
            case Lookup.HOST_NOT_FOUND, Lookup.TYPE_NOT_FOUND -> List.of();
            default -> throw new Unavailable("DNS: no answer for " + name + " (" + lookup.getErrorString() + ")");
        };
    }

    /**
     * The resolver, its answers completed on the thread that receives them. dnsjava otherwise completes them on the
     * common fork-join pool, which on a machine of fewer than three cores starts a new thread for every answer
     * (measured: 64 threads a second at 70 messages a second).
     */
    private record Answering(Resolver resolver) implements Resolver {

        @Override
        public CompletionStage<Message> sendAsync(Message query) {
            return resolver.sendAsync(query, Runnable::run);
        }

        @Override
        public CompletionStage<Message> sendAsync(Message query, Executor executor) {
            return resolver.sendAsync(query, executor);
        }

        @Override
        public void setPort(int port) {
            resolver.setPort(port);
        }

        @Override
        public void setTCP(boolean flag) {
            resolver.setTCP(flag);
        }

        @Override
        public void setIgnoreTruncation(boolean flag) {
            resolver.setIgnoreTruncation(flag);
        }

        @Override
        public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
            resolver.setEDNS(version, payloadSize, flags, options);
        }

        @Override
        public void setTSIGKey(TSIG key) {
            resolver.setTSIGKey(key);
        }

        @Override
        public void setTimeout(Duration timeout) {
            resolver.setTimeout(timeout);
        }

        @Override
        public Duration getTimeout() {
            return resolver.getTimeout();
        }
    }

    private static Resolver server(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        String host = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        int port = colon < 0 ? 53 : Integer.parseInt(hostAndPort.substring(colon + 1));
        return new SimpleResolver(new InetSocketAddress(host, port));
    }
}
