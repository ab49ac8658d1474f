package pe.cardumen.domain;

import java.time.YearMonth;
import java.util.Objects;

/**
 * Monthly sea-surface temperature of the Niño regions (NOAA CPC, ERSST v5), °C.
 *
 * @param month       the month
 * @param nino12C     Niño 1+2 (0–10°S, 90–80°W) mean SST
 * @param nino12AnomC its anomaly against the file's base period
 * @param nino3C      Niño 3 SST
 * @param nino3AnomC  its anomaly
 * @param nino4C      Niño 4 SST
 * @param nino4AnomC  its anomaly
 * @param nino34C     Niño 3.4 SST
 * @param nino34AnomC its anomaly
 */
public record NinoMonth(YearMonth month, double nino12C, double nino12AnomC, double nino3C, double nino3AnomC, double nino4C, double nino4AnomC,
                        double nino34C, double nino34AnomC) {
    public NinoMonth {
        Objects.requireNonNull(month, "month");
    }
}
