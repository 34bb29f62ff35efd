package fr.academie.stack;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PortsTest {

    /** The system offers the same free port again within a few thousand asks (about 150 times in 2,000 here). */
    @Test
    void aPortIsHandedOutOncePerJvmThoughTheSystemWouldOfferItAgain() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            ports.add(Ports.free());
        }
        assertEquals(2_000, ports.size());
    }
}
