/**
 * Application services shared by the desktop UI and the CLI: the composition root
 * ({@link pe.cardumen.app.Services}), the location of the bundled sample data, and the one place that
 * assembles the demo workspace. See {@code docs/decisions/0004-app-layer.md}.
 *
 * <p>May depend on every layer from {@code report} down; never on {@code ui} or {@code cli}; no JavaFX.
 */
package pe.cardumen.app;
