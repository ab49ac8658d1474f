/**
 * The headless command line ({@code cardumen <command>}), built with picocli over the same services as
 * the desktop app. Every command has {@code --help}; errors print one line to standard error and exit
 * with a non-zero status.
 *
 * <p>May depend on {@code app} and every layer below it; never on JavaFX.
 */
package pe.cardumen.cli;
