/**
 * Echosounder science: calibration of Simrad power and complex samples to volume backscattering
 * strength (Sv), echo-integration of Sv into NASC per distance interval and depth layer, target
 * strength–length relations, and biomass per zone (DOMAIN.md §3).
 *
 * <p>May depend on {@code ocean}, {@code geo}, {@code io}, {@code workspace} and {@code domain}.
 */
package pe.cardumen.acoustics;
