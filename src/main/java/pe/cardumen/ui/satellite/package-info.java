/** The satellite panel: time control, colour scale, zone choropleth of the field and the ENSO chart. */
package pe.cardumen.ui.satellite;
