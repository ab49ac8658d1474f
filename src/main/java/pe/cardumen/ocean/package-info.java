/**
 * Gridded ocean fields (sea-surface temperature, chlorophyll-a) reduced to statistics per zone and
 * time step, with the regridding used for the map's raster underlay (DOMAIN.md §4–5).
 *
 * <p>May depend on {@code geo}, {@code io}, {@code workspace} and {@code domain}.
 */
package pe.cardumen.ocean;
