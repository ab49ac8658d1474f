/** Biological samples: trawl hauls with their length frequencies. */
package pe.cardumen.domain.biotic;
