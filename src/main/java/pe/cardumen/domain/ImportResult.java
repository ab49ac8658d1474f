package pe.cardumen.domain;

import java.util.List;
import java.util.Objects;

/**
 * What one reader made of one input: the accepted records, the rejected ones with their location and
 * reason, warnings about things that were tolerated, and the input's provenance. Nothing is silently
 * dropped: every record of the input is either accepted or rejected.
 *
 * @param <T> the domain record the reader produces
 */
public record ImportResult<T>(List<T> accepted, List<Reject> rejects, List<String> warnings, Provenance provenance) {
    public ImportResult {
        accepted = List.copyOf(accepted);
        rejects = List.copyOf(rejects);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** Whether any record was rejected or any warning raised. */
    public boolean hasProblems() {
        return !rejects.isEmpty() || !warnings.isEmpty();
    }
}
