package dev.osprey.studydb;

/**
 * H2's process-wide settings that Osprey cares about. H2 reads its bind address
 * ({@code h2.bindAddress}) once, when its classes load; Osprey sets it to loopback unless the JVM
 * already sets it, so that H2 servers started here (and AUTO_SERVER hosts) listen on 127.0.0.1.
 */
final class H2Settings {

    static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    static final String LOOPBACK = "127.0.0.1";

    private H2Settings() {
    }

    /** Sets {@code h2.bindAddress} to loopback if nothing set it; too late once H2 has loaded it. */
    static void defaultBindAddress() {
        if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
            System.setProperty(BIND_ADDRESS_PROPERTY, LOOPBACK);
        }
    }

    /** The address H2's servers bind to in this JVM, or null for every interface. */
    static String effectiveBindAddress() {
        return org.h2.engine.SysProperties.BIND_ADDRESS;
    }

    static boolean isLoopback(String address) {
        return address != null && (address.startsWith("127.") || address.equals("::1") || address.equals("localhost"));
    }
}
