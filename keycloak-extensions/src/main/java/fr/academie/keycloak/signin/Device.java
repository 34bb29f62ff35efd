package fr.academie.keycloak.signin;

import org.keycloak.representations.account.DeviceRepresentation;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A browser on a system, as Keycloak's user-agent parser names them ("Firefox", "Windows"). Two sign-ins
 * come from the same device when browser family and system match; the browser's version does not count,
 * so an update is not a new device.
 */
record Device(String browser, String os) {

    static Device of(DeviceRepresentation representation) {
        if (representation == null) {
            return new Device("Navigateur inconnu", "Système inconnu");
        }
        String browser = representation.getBrowser() == null ? "Navigateur inconnu" : representation.getBrowser();
        int version = browser.indexOf('/');
        return new Device(version > 0 ? browser.substring(0, version) : browser,
                representation.getOs() == null || "Other".equals(representation.getOs()) ? "Système inconnu"
                        : representation.getOs());
    }

    String key() {
        return browser + " | " + os;
    }

    /**
     * The network an address belongs to: its /24 for IPv4, its /64 for IPv6 (one home or school line), so that
     * an address renewed by the provider is not a new place.
     */
    static String network(String address) {
        if (address == null || !address.matches("[0-9a-fA-F:.]+")) {
            return "inconnu"; // only literal addresses: never a name lookup
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int kept = bytes.length == 4 ? 3 : 8;
            for (int i = kept; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + (bytes.length == 4 ? "/24" : "/64");
        } catch (UnknownHostException e) {
            return "inconnu";
        }
    }
}
