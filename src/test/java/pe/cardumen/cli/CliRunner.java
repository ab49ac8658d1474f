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

    /**
     * A workspace holding a short simulated history, imported with each survey's biomass:
     * {@code <temp dir name>/w.cardumen.gpkg}, the history in {@code h/} beside it.
     *
     * @param anchor a published-total anchor inside the years, e.g. {@code 2021-1:9.88e6}
     */
    public static java.nio.file.Path simulatedWorkspace(String name, int first, int last, String anchor, long seed, int replicates) throws Exception {
        java.nio.file.Path dir = TestData.tempDir(name);
        java.nio.file.Path params = dir.resolve("p.properties");
        java.nio.file.Files.writeString(params, "years.first=" + first + "\nyears.last=" + last + "\ntarget.anchors=" + anchor + "\n");
        java.nio.file.Path ws = dir.resolve("w.cardumen.gpkg");
        String[] r = run("simulate-history", "--seed", Long.toString(seed), "--out", dir.resolve("h").toString(), "--parameters", params.toString(),
                "--workspace", ws.toString(), "--replicates", Integer.toString(replicates));
        if (!r[0].equals("0")) {
            throw new IllegalStateException("simulate-history failed: " + r[2]);
        }
        return ws;
    }
}
