package pe.cardumen.domain.sonar;

import java.time.Instant;

/**
 * Windows FILETIME, the clock of Simrad raw files: 100 ns ticks since 1601-01-01T00:00:00Z.
 */
public final class SonarTime {
    /** FILETIME ticks from 1601-01-01 to 1970-01-01. */
    public static final long TICKS_TO_UNIX_EPOCH = 116_444_736_000_000_000L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    private SonarTime() {
    }

    /** The instant of a FILETIME, exact to the 100 ns tick. */
    public static Instant toInstant(long filetimeTicks) {
        long unixTicks = filetimeTicks - TICKS_TO_UNIX_EPOCH;
        return Instant.ofEpochSecond(Math.floorDiv(unixTicks, TICKS_PER_SECOND), Math.floorMod(unixTicks, TICKS_PER_SECOND) * 100);
    }

    /** The FILETIME of an instant (sub-tick nanoseconds are truncated). */
    public static long toTicks(Instant t) {
        return TICKS_TO_UNIX_EPOCH + t.getEpochSecond() * TICKS_PER_SECOND + t.getNano() / 100;
    }
}
