package pe.cardumen.domain;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One value of NOAA CPC's Oceanic Niño Index: the 3-month running mean of ERSST v5 Niño 3.4, °C.
 *
 * @param season   the three months' initials, e.g. {@code DJF}
 * @param centre   the season's middle month (DJF 1950 → January 1950; NDJ 1997 → December 1997)
 * @param totalC   mean SST, °C
 * @param anomalyC the index: the SST anomaly, °C
 */
public record OniSeason(String season, YearMonth centre, double totalC, double anomalyC) {
    public OniSeason {
        Objects.requireNonNull(season, "season");
        Objects.requireNonNull(centre, "centre");
    }
}
