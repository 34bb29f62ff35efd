package fr.academie.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Loopback ports: a free one for tests, a clear refusal when a fixed one is taken. */
public final class Ports {

    /**
     * Every port handed out in this JVM. A port is chosen long before its part binds it (mail-service's IMAP ports when
     * the stack starts, mail-service itself perhaps minutes later), and in between the system may offer it again: one
     * CI run started mail-service with its HTTP port equal to its own IMAPS port.
     */
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {
    }

    public static synchronized int free() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new StackException("No free loopback port left", e);
            }
        }
    }

    /** Fails with a message naming the port, what wanted it and the setting that moves it. */
    public static void requireFree(int port, String what, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as servers do: connections in TIME_WAIT do not make a port busy
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new StackException("Port " + port + " (" + what + ") is already in use. Stop the program that holds it,"
                    + " or choose another port with " + setting + "=<port>.");
        }
    }
}
