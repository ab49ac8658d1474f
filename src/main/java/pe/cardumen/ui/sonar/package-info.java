/**
 * The sonar panel: per-file summaries, the echogram with its colour scale, bottom line and
 * integration grid. Data come from {@link pe.cardumen.app.SonarLoader}; everything here runs on the
 * JavaFX thread.
 */
package pe.cardumen.ui.sonar;
