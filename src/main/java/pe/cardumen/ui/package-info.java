/**
 * The JavaFX desktop application: main window, map, panels, view models and the task runner. The only
 * package that may use JavaFX. Long work never runs on the JavaFX thread: it goes through
 * {@link pe.cardumen.ui.TaskRunner}.
 *
 * <p>May depend on {@code app} and every layer below it.
 */
package pe.cardumen.ui;
