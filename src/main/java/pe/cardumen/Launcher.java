package pe.cardumen;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import pe.cardumen.app.Services;
import pe.cardumen.cli.CardumenCommand;

/**
 * The program's entry point: with no arguments (or {@code gui}) it opens the desktop app, otherwise
 * it runs a CLI command and exits with its status.
 *
 * <p>This class must not extend {@code javafx.application.Application}: launching JavaFX from a
 * class-path jar needs a plain main class.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // the container's TensorFlow natives, before anything loads them (nothing happens elsewhere)
        pe.cardumen.model.PackedNatives.unpackIfConfigured();
        if (args.length == 0 || "gui".equals(args[0])) {
            String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
            pe.cardumen.ui.CardumenApp.launchApp(rest);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = CardumenCommand.run(Services::standard, out, err, args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
