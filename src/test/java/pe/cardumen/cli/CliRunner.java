package pe.cardumen.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import pe.cardumen.TestData;

/** Runs the CLI in-process for tests in other packages: {status, out, err}. */
public final class CliRunner {
    private CliRunner() {
    }

    public static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CardumenCommand.run(TestData::services, new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }
}
