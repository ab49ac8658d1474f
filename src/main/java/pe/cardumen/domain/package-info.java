/**
 * Immutable records and value types shared by every layer: zone codes and zones, stocks, import
 * results with their rejects and provenance.
 *
 * <p>Depends on nothing of Cardumen's and does no I/O. Geometries are JTS values that callers must
 * treat as immutable (never call a mutating JTS method on a geometry obtained from a record here).
 */
package pe.cardumen.domain;
