/**
 * Gridded ocean data (sea-surface temperature, chlorophyll-a): the NetCDF classic format (versions 1
 * and 2, as ERDDAP and NOAA write them) read directly from its specification, and the CF conventions
 * (scale/offset, fill and valid ranges, coordinate axes, time units, longitudes 0–360, Kelvin) applied
 * in {@link pe.cardumen.io.grid.CfGrid}.
 */
package pe.cardumen.io.grid;
