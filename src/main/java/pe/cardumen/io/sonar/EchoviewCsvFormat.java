package pe.cardumen.io.sonar;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.sonar.NascCell;

/** Echoview's integration-by-cells CSV export. */
public final class EchoviewCsvFormat implements FormatProvider<ImportResult<NascCell>> {
    @Override
    public String format() {
        return "Echoview cells CSV";
    }

    @Override
    public FormatKind<ImportResult<NascCell>> kind() {
        return FormatKind.NASC;
    }

    @Override
    public double probe(Path file) throws IOException {
        return EchoviewCsvReader.probe(file) ? LIKELY : NO;
    }

    @Override
    public ImportResult<NascCell> open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return new EchoviewCsvReader().read(file);
    }
}
