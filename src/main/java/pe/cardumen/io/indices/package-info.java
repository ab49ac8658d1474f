/**
 * Readers for climate indices as NOAA CPC publishes them: the Oceanic Niño Index ({@code oni.ascii.txt})
 * and monthly ERSST v5 Niño-region SSTs and anomalies ({@code ersst5.nino.mth.*.ascii}).
 */
package pe.cardumen.io.indices;
