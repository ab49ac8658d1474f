/**
 * Model versions: the registry of {@code models/<id>/<version>/} with their cards, integrity checks,
 * TensorFlow Java training, DJL inference, evaluation and comparison. The only package that may use
 * DJL or TensorFlow.
 *
 * <p>May depend on {@code features} and every layer below it.
 */
package pe.cardumen.model;
