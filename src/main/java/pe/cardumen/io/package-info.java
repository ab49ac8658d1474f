/**
 * One reader per file format: a cheap probe, a streaming read of the vendor's records, validation,
 * and an {@link pe.cardumen.domain.ImportResult} with rejects, warnings and provenance.
 *
 * <p>May depend on {@code domain} and {@code workspace}. Readers never modify their input and
 * report recoverable problems with {@link pe.cardumen.io.FileFormatException}, whose message names the
 * file, the location and what to do.
 */
package pe.cardumen.io;
