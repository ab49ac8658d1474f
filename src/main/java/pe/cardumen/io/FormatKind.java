package pe.cardumen.io;

import java.util.List;

/**
 * What a file holds once a {@link FormatProvider} opens it, with the type {@code open} returns: sonar
 * recordings, NASC cells, trawl hauls, gridded fields or polygon layers.
 *
 * @param <T> what the providers of this kind open a file as
 */
public final class FormatKind<T> {
    /** Echosounder recordings: a {@link pe.cardumen.io.sonar.RawFile} to stream. */
    public static final FormatKind<pe.cardumen.io.sonar.RawFile> SONAR = new FormatKind<>("sonar", pe.cardumen.io.sonar.RawFile.class);
    /** Echo-integrated NASC cells. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final FormatKind<pe.cardumen.domain.ImportResult<pe.cardumen.domain.sonar.NascCell>> NASC = new FormatKind<>("nasc", (Class) pe.cardumen.domain.ImportResult.class);
    /** Trawl hauls with length frequencies. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final FormatKind<pe.cardumen.domain.ImportResult<pe.cardumen.domain.biotic.Haul>> HAULS = new FormatKind<>("hauls", (Class) pe.cardumen.domain.ImportResult.class);
    /** Gridded fields (satellite): a {@link pe.cardumen.io.grid.GridSource}. */
    public static final FormatKind<pe.cardumen.io.grid.GridSource> GRID = new FormatKind<>("grid", pe.cardumen.io.grid.GridSource.class);
    /** Polygon layers (zones). */
    public static final FormatKind<pe.cardumen.io.vector.VectorLayer> VECTOR = new FormatKind<>("vector", pe.cardumen.io.vector.VectorLayer.class);

    /** Every kind. */
    public static final List<FormatKind<?>> ALL = List.of(SONAR, NASC, HAULS, GRID, VECTOR);

    private final String name;
    private final Class<T> type;

    private FormatKind(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /** The kind's name, e.g. {@code grid}. */
    public String name() {
        return name;
    }

    Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
