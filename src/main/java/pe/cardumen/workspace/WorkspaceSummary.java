package pe.cardumen.workspace;

import java.util.Map;

/**
 * Counts that describe a workspace at a glance.
 *
 * @param file          the workspace file name
 * @param createdBy     the Cardumen version that created it
 * @param zoneSource    where its zones come from
 * @param zones         number of zones
 * @param totalAreaNmi2 total zone area, square nautical miles
 * @param imports       number of imports recorded
 * @param auditEntries  number of audit-log lines
 * @param results       row count per result table (empty until later capabilities store results)
 */
public record WorkspaceSummary(String file, String createdBy, String zoneSource, int zones, double totalAreaNmi2,
                               int imports, int auditEntries, Map<String, Integer> results) {
    public WorkspaceSummary {
        results = Map.copyOf(results);
    }
}
