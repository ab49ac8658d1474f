package pe.cardumen.io.biotic;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;
import pe.cardumen.domain.ImportResult;
import pe.cardumen.domain.biotic.Haul;

/** Cardumen's haul length-frequency CSV. Asked before the NASC and grid CSVs, as the importer always did. */
public final class HaulCsvFormat implements FormatProvider<ImportResult<Haul>> {
    @Override
    public String format() {
        return "haul length frequencies CSV";
    }

    @Override
    public FormatKind<ImportResult<Haul>> kind() {
        return FormatKind.HAULS;
    }

    @Override
    public double probe(Path file) throws IOException {
        return HaulCsvReader.probe(file) ? LIKELY : NO;
    }

    @Override
    public ImportResult<Haul> open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return new HaulCsvReader().read(file);
    }
}
