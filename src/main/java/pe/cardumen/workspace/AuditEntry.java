package pe.cardumen.workspace;

import java.time.Instant;

/**
 * One line of the workspace's audit log.
 *
 * @param id         row id
 * @param time       when, UTC
 * @param action     a short verb phrase, e.g. {@code zones.generate}, {@code import}
 * @param detail     human-readable detail
 * @param appVersion the Cardumen version that wrote the entry
 * @param user       the operating-system user
 */
public record AuditEntry(long id, Instant time, String action, String detail, String appVersion, String user) {
}
