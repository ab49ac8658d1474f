/** Readers of biological samples (haul length frequencies). */
package pe.cardumen.io.biotic;
