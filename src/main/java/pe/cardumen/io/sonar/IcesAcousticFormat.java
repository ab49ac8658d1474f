package pe.cardumen.io.sonar;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.sonar.NascCell;

/** ICES acoustic data format (CSV or XML), echo-integrated NASC. */
public final class IcesAcousticFormat implements FormatProvider<ImportResult<NascCell>> {
    @Override
    public String format() {
        return "ICES acoustic CSV/XML";
    }

    @Override
    public FormatKind<ImportResult<NascCell>> kind() {
        return FormatKind.NASC;
    }

    @Override
    public double probe(Path file) throws IOException {
        return IcesAcousticReader.probe(file) ? LIKELY : NO;
    }

    @Override
    public ImportResult<NascCell> open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return new IcesAcousticReader().read(file);
    }
}
