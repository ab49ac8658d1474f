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
 */
public record SurveyInfo(String id, int nascImports, int haulImports, Instant firstTime, Instant lastTime) {
}
