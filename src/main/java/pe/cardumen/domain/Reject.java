package pe.cardumen.domain;

import java.util.Objects;

/**
 * A record an import could not accept, with where it was and why.
 *
 * @param location where in the input, in the reader's terms: "line 12", "feature 7", "byte 1048576",
 *                 "ping 135"
 * @param reason   what was wrong and, where possible, what to do about it
 */
public record Reject(String location, String reason) {
    public Reject {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return location + ": " + reason;
    }
}
