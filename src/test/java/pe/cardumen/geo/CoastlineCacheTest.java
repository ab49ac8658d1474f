package pe.cardumen.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * The bundled coast is what {@link Coastline#buildBundled} makes from the GeoJSON today, geometry by
 * geometry and vertex by vertex. When the construction or the GeoJSON changes, this test writes the new
 * coast to {@code target/coastline-peru.bin.gz} and says to copy it over the resource (and to raise
 * {@link CoastlineCache#VERSION}).
 */
class CoastlineCacheTest {

    @Test
    void theBundledCoastIsWhatTheGeoJsonBuilds() throws Exception {
        Coastline fresh = Coastline.buildBundled();
        Coastline stored = CoastlineCache.bundled(CoastlineCache.key()).orElse(null);
        boolean same = stored != null && exact(fresh.mainland(), stored.mainland()) && exact(fresh.land(), stored.land())
                && exact(fresh.sea(), stored.sea()) && fresh.islands().size() == stored.islands().size();
        for (int i = 0; same && i < fresh.islands().size(); i++) {
            same = exact(fresh.islands().get(i), stored.islands().get(i));
        }
        if (!same) {
            Path out = Path.of("target", CoastlineCache.RESOURCE);
            try (OutputStream o = Files.newOutputStream(out)) {
                CoastlineCache.write(fresh, CoastlineCache.key(), o);
            }
            throw new AssertionError("the bundled coast differs from what the GeoJSON builds (or its key does not match): copy " + out
                    + " to src/main/resources/pe/cardumen/geo/" + CoastlineCache.RESOURCE + " (and raise CoastlineCache.VERSION if the method changed)");
        }
        // and it answers as the built one does: a point off Callao is at sea, one in Lima is not
        assertThat(stored.isAtSea(-77.5, -12.05)).isTrue();
        assertThat(stored.isAtSea(-77.0, -12.05)).isFalse();
        assertThat(Coastline.bundled().sea().getNumPoints()).isEqualTo(fresh.sea().getNumPoints());
    }

    @Test
    void aCoastUnderAnotherKeyIsNotUsedAndADamagedOneIsNamed() throws Exception {
        assertThat(CoastlineCache.bundled("another coast")).isEmpty();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CoastlineCache.write(Coastline.buildBundled(), "k", bytes);
        byte[] b = bytes.toByteArray();
        // a gzip cut in the middle fails as an I/O error, never as a wrong coast
        byte[] cut = java.util.Arrays.copyOf(b, b.length / 2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CoastlineCache.read(new ByteArrayInputStream(cut), "k"))
                .isInstanceOf(java.io.IOException.class);
    }

    /**
     * The same geometry: type, vertex count, area, and every vertex of each within 0 of the other's —
     * whatever vertex a ring starts at, which JTS's polygonizer does not keep from one build to the next.
     */
    private static boolean exact(Geometry a, Geometry b) {
        return a.getGeometryType().equals(b.getGeometryType()) && a.getNumPoints() == b.getNumPoints()
                && Math.abs(a.getArea() - b.getArea()) <= 1e-12 * Math.max(1, a.getArea())
                && new org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance(a, b).distance() == 0;
    }
}
