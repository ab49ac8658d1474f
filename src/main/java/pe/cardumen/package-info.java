/**
 * Cardumen: decision support for Peru's anchoveta fishery. {@link pe.cardumen.Launcher} is the entry
 * point; the layers below this package are described in {@code docs/architecture.md}.
 */
package pe.cardumen;
