package fr.academie.stack;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DNS that mail-service asks about senders (SPF, DKIM keys, DMARC) in the local stack and the tests: a UDP server
 * on loopback that answers from the records it was given and says "no such name" for every other, so that nothing
 * ever reaches the internet's DNS. Records are TXT (all that SPF, DKIM and DMARC need); a test adds the ones its
 * case needs, under a domain of its own.
 */
public final class DnsStub implements AutoCloseable {

    /** Short, so that a record a test replaces is not served from a resolver's cache for long. */
    private static final long TTL = 1;

    private final DatagramSocket socket;
    private final Map<Name, List<String>> texts = new ConcurrentHashMap<>();
    private final Thread thread;

    private DnsStub(DatagramSocket socket) {
        this.socket = socket;
        this.thread = new Thread(this::serve, "dns-stub");
        this.thread.setDaemon(true);
    }

    /** Listens on a free loopback UDP port. */
    public static DnsStub start() {
        try {
            DnsStub stub = new DnsStub(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
            stub.thread.start();
            return stub;
        } catch (SocketException e) {
            throw new StackException("Cannot start the DNS stub: " + e.getMessage(), e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Where mail-service sends its DNS queries ({@code mail.dns.server}). */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** Publishes the TXT strings at the name, in place of what was there. */
    public void txt(String name, String... strings) {
        texts.put(name(name), List.of(strings));
    }

    /** Takes the name's records away: it no longer exists. */
    public void remove(String name) {
        texts.remove(name(name));
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] answer = answer(new Message(Arrays.copyOf(packet.getData(), packet.getLength())))
                        .toWire(512);
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                // a malformed query: no answer, as a real server would drop it
            }
        }
    }

    private Message answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        List<String> strings = texts.get(question.getName());
        if (strings == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else if (question.getType() == Type.TXT) {
            for (String text : strings) {
                response.addRecord(new TXTRecord(question.getName(), DClass.IN, TTL, splitInto255(text)), Section.ANSWER);
            }
        }
        return response;
    }

    /** A TXT string holds 255 bytes at most: a longer text (a DKIM key) is published as several, read as one. */
    private static List<String> splitInto255(String text) {
        List<String> parts = new ArrayList<>();
        for (int start = 0; start < text.length(); start += 255) {
            parts.add(text.substring(start, Math.min(text.length(), start + 255)));
        }
        return parts;
    }

    private static Name name(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("Not a DNS name: " + name, e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
