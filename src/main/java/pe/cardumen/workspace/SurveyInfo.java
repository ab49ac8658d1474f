package pe.cardumen.workspace;

import java.time.Instant;

/**
 * A survey as the workspace knows it: the imports that name it.
 *
 * @param id          the survey's id, as given on import (e.g. {@code 2024-1}, {@code Cr 2402-04})
 * @param nascImports imports of echosounder data or NASC exports
 * @param haulImports imports of haul length frequencies
 * @param firstTime   time of its earliest NASC cell ({@code null}: none with a time)
 * @param lastTime    time of its latest NASC cell
 * @param simulated   whether any of its files is labelled SIMULATED (its name starts so)
 */
public record SurveyInfo(String id, int nascImports, int haulImports, Instant firstTime, Instant lastTime, boolean simulated) {

    /** The month of the middle of its NASC times (the period its feature rows carry); {@code null} without times. */
    public java.time.YearMonth period() {
        if (firstTime == null || lastTime == null) {
            return null;
        }
        Instant mid = firstTime.plusMillis((lastTime.toEpochMilli() - firstTime.toEpochMilli()) / 2);
        return java.time.YearMonth.from(mid.atZone(java.time.ZoneOffset.UTC));
    }
}
