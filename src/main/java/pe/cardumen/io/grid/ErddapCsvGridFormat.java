package pe.cardumen.io.grid;

import java.io.IOException;
import java.nio.file.Path;
import pe.cardumen.io.FileFormatException;
import pe.cardumen.io.FormatKind;
import pe.cardumen.io.FormatProvider;
import pe.cardumen.io.OpenOptions;

/** ERDDAP's griddap CSV (a header row of names and one of units). Only possible: the NASC CSVs also have coordinates and values, and win when they recognise the file. */
public final class ErddapCsvGridFormat implements FormatProvider<GridSource> {
    @Override
    public String format() {
        return "ERDDAP CSV";
    }

    @Override
    public FormatKind<GridSource> kind() {
        return FormatKind.GRID;
    }

    @Override
    public double probe(Path file) throws IOException {
        return ErddapCsvGridSource.probe(file) ? POSSIBLE : NO;
    }

    @Override
    public GridSource open(Path file, OpenOptions options) throws IOException, FileFormatException {
        return ErddapCsvGridSource.open(file);
    }
}
