package pe.cardumen.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every file format Cardumen reads, one {@link FormatProvider} each, asked in turn: the most
 * confident provider opens the file; between equally confident ones, the first registered.
 * Immutable and thread-safe.
 */
public final class FormatRegistry {
    private static final FormatRegistry STANDARD = new FormatRegistry(List.of(
            new pe.cardumen.io.sonar.SimradRawFormat(),
            new pe.cardumen.io.biotic.IcesBioticCsvFormat(),
            new pe.cardumen.io.biotic.HaulCsvFormat(),
            new pe.cardumen.io.sonar.IcesAcousticFormat(),
            new pe.cardumen.io.sonar.EchoviewCsvFormat(),
            new pe.cardumen.io.grid.NetcdfClassicFormat(),
            new pe.cardumen.io.grid.Hdf5GridFormat(),
            new pe.cardumen.io.grid.GeoTiffGridFormat(),
            new pe.cardumen.io.grid.ErddapCsvGridFormat(),
            new pe.cardumen.io.vector.GeoPackageVectorFormat(),
            new pe.cardumen.io.vector.ShapefileFormat(),
            new pe.cardumen.io.vector.GeoJsonFormat()));

    /** A provider's answer for one file. */
    public record Match(FormatProvider<?> provider, double confidence) {
    }

    private final List<FormatProvider<?>> providers;

    public FormatRegistry(List<FormatProvider<?>> providers) {
        this.providers = List.copyOf(providers);
    }

    /** Every format Cardumen reads. */
    public static FormatRegistry standard() {
        return STANDARD;
    }

    public List<FormatProvider<?>> providers() {
        return providers;
    }

    /** Every provider that recognises the file, most confident first. */
    public List<Match> probe(Path file) throws IOException {
        List<Match> matches = new ArrayList<>();
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            return matches;
        }
        for (FormatProvider<?> p : providers) {
            double c = p.probe(file);
            if (c > FormatProvider.NO) {
                matches.add(new Match(p, c));
            }
        }
        // stable: equal confidences keep the registration order
        matches.sort(Comparator.comparingDouble(Match::confidence).reversed());
        return matches;
    }

    /** The provider that opens the file, if any recognises it. */
    public Optional<FormatProvider<?>> best(Path file) throws IOException {
        List<Match> m = probe(file);
        return m.isEmpty() ? Optional.empty() : Optional.of(m.get(0).provider());
    }

    /** The most confident provider of one kind that recognises the file. */
    @SuppressWarnings("unchecked")
    public <T> Optional<FormatProvider<T>> best(Path file, FormatKind<T> kind) throws IOException {
        for (Match m : probe(file)) {
            if (m.provider().kind() == kind) {
                return Optional.of((FormatProvider<T>) m.provider());
            }
        }
        return Optional.empty();
    }

    /** The formats of one kind, for messages: {@code NetCDF-3, NetCDF-4/HDF5, GeoTIFF, ERDDAP CSV}. */
    public String formats(FormatKind<?> kind) {
        return String.join(", ", providers.stream().filter(p -> p.kind() == kind).map(FormatProvider::format).toList());
    }
}
