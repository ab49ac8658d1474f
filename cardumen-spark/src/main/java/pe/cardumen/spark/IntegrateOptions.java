package pe.cardumen.spark;

import java.io.Serializable;
import java.util.Locale;
import pe.cardumen.acoustics.IntegrationSettings;

/**
 * The options of {@code archive integrate}, as they travel to the executors: the same as
 * {@code cardumen sonar integrate}'s, with an Echoview {@code .ecs} file carried as its bytes.
 *
 * @param channelKhz  the channel's nominal frequency, kHz
 * @param interval    interval length ("1nmi", "0.5nmi"), or {@code null} for the default
 * @param perPing     one interval per ping
 * @param layers      depth layers "top:bottom:thickness" in m, or {@code null}
 * @param thresholdDb Sv threshold, dB, or {@code null}
 * @param noBottom    do not exclude samples below the bottom
 * @param nearFieldM  near-field exclusion, m, or {@code null}
 * @param surfaceM    surface exclusion, m, or {@code null}
 * @param ecs         the bytes of an {@code .ecs} calibration file, or {@code null}
 * @param survey      the survey every file belongs to, or {@code null} for the name of each file's folder
 * @param byFolder    one task per folder (a survey's consecutive files, distance continuing across
 *                    them) instead of one per file
 */
public record IntegrateOptions(double channelKhz, String interval, boolean perPing, String layers, Double thresholdDb, boolean noBottom,
                        Double nearFieldM, Double surfaceM, byte[] ecs, String survey, boolean byFolder) implements Serializable {

    /** The integration settings, exactly as {@code sonar integrate} builds them from the same options. */
    IntegrationSettings settings() {
        IntegrationSettings s = IntegrationSettings.DEFAULT;
        if (perPing) {
            s = s.withInterval(0);
        } else if (interval != null) {
            s = s.withInterval(IntegrationSettings.intervalNmi(interval));
        }
        if (layers != null) {
            s = s.withLayers(layers);
        }
        if (thresholdDb != null) {
            s = s.withThreshold(thresholdDb);
        }
        if (noBottom) {
            s = s.withBottomExclusion(false);
        }
        if (nearFieldM != null) {
            s = s.withNearField(nearFieldM);
        }
        if (surfaceM != null) {
            s = s.withSurfaceExclusion(surfaceM);
        }
        return s;
    }

    /**
     * What makes two integrations of the same bytes the same: channel, settings, calibration file and
     * grouping. A file done before under the same key is skipped.
     */
    String key() {
        String ecsSha = ecs == null ? "none" : pe.cardumen.io.FileDigest.sha256(ecs);
        return String.format(Locale.ROOT, "channel=%s;%s;ecs=%s;group=%s", channelKhz, settings(), ecsSha, byFolder ? "folder" : "file");
    }
}
