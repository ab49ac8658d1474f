package pe.cardumen.io.sonar;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the reader saw: datagrams by type, bytes read, and every problem it tolerated.
 *
 * @param fileName        the file's name
 * @param fileBytes       the file's size, bytes
 * @param bytesRead       bytes of complete datagrams read
 * @param datagramCounts  datagrams read, by type (including skipped unknown types)
 * @param warnings        problems tolerated (unknown types, undecodable datagrams, truncation), in file order
 * @param truncated       whether the read stopped early at a truncated or corrupted datagram
 */
public record RawReadSummary(String fileName, long fileBytes, long bytesRead, SortedMap<String, Integer> datagramCounts,
                             List<String> warnings, boolean truncated) {
    public RawReadSummary {
        datagramCounts = new TreeMap<>(datagramCounts);
        warnings = List.copyOf(warnings);
    }

    /** Number of datagrams of a type (0 when none). */
    public int count(String type) {
        return datagramCounts.getOrDefault(type, 0);
    }

    /** Bytes not read because the file ended or broke early. */
    public long bytesLost() {
        return fileBytes - bytesRead;
    }

    /** The counts as an unmodifiable map. */
    public Map<String, Integer> counts() {
        return java.util.Collections.unmodifiableSortedMap(datagramCounts);
    }
}
