package pe.cardumen.ui;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Dcardumen.startupTrace=true}, prints each start-up phase to standard error with the
 * milliseconds since the JVM started, to see where the first map's time goes.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("cardumen.startupTrace");

    private StartupTrace() {
    }

    public static void mark(String phase) {
        if (ON) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("startup " + ms + " ms: " + phase + " [" + Thread.currentThread().getName() + "]");
        }
    }
}
