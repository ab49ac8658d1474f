/**
 * The zone × period feature table the models learn from: climatologies and anomalies, ENSO indices
 * (ONI, ICEN) at lags, neighbour statistics and the documented simulated survey history.
 *
 * <p>May depend on {@code acoustics}, {@code ocean}, {@code geo}, {@code io}, {@code workspace} and
 * {@code domain}.
 */
package pe.cardumen.features;
