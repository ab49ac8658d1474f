package pe.cardumen.io.biotic;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.biotic.Haul;

/** ICES biotic CSV (hauls and length frequencies; the species from the options when the file has several). */
public final class IcesBioticCsvFormat implements FormatProvider<ImportResult<Haul>> {
    @Override
    public String format() {
        return "ICES biotic CSV";
    }

    @Override
    public FormatKind<ImportResult<Haul>> kind() {
        return FormatKind.HAULS;
    }

    @Override
    public double probe(Path file) throws IOException {
        return IcesBioticCsvReader.probe(file) ? CERTAIN : NO;
    }

    @Override
    public ImportResult<Haul> open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return new IcesBioticCsvReader().read(file, options.species());
    }
}
