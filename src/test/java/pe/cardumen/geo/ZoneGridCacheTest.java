package pe.cardumen.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.domain.ProgressListener;
import pe.cardumen.domain.Zone;

/**
 * The bundled AIP grid is what the generator makes from the bundled coastline today: every zone's code,
 * stock and bands exactly, its area, centroid and every vertex to 1e-9 (the generator itself differs
 * between runs in the last bits, where the JIT's and the interpreter's trigonometry differ — 1e-14
 * here — and in the vertex a ring starts at). When the generator or the coast changes,
 * this test writes the new grid to {@code target/aip-grid-peru.bin.gz} and says to copy it over the
 * resource (and to raise {@link ZoneGridGenerator#VERSION}).
 */
class ZoneGridCacheTest {

    @Test
    void theBundledGridIsWhatTheGeneratorMakes() throws Exception {
        List<Zone> fresh = TestData.services().generateZonesAfresh(ProgressListener.NONE, CancellationToken.NONE).zones();
        String key = ZoneGridCache.key(ZoneGridCache.bundledCoastlineSha256(), GridSpec.PERU);
        List<Zone> bundled = ZoneGridCache.bundled(key).orElse(List.of());
        boolean same = bundled.size() == fresh.size();
        for (int i = 0; same && i < fresh.size(); i++) {
            same = equal(fresh.get(i), bundled.get(i));
        }
        if (!same) {
            Path out = Path.of("target", ZoneGridCache.RESOURCE);
            try (OutputStream o = Files.newOutputStream(out)) {
                ZoneGridCache.write(fresh, key, o);
            }
            throw new AssertionError("the bundled AIP grid differs from the generator's (or its key " + key + " does not match): copy " + out
                    + " to src/main/resources/pe/cardumen/geo/" + ZoneGridCache.RESOURCE + " (and raise ZoneGridGenerator.VERSION if the method changed)");
        }
        assertThat(bundled).hasSize(930);
    }

    @Test
    void aGridUnderAnotherKeyIsNotUsed() throws Exception {
        assertThat(ZoneGridCache.bundled("another coast|another spec")).isEmpty();
        try (InputStream in = ZoneGridCache.class.getResourceAsStream(ZoneGridCache.RESOURCE)) {
            assertThat(in).as("the bundled grid").isNotNull();
        }
    }

    private static boolean equal(Zone a, Zone b) {
        return a.code().equals(b.code()) && a.stock() == b.stock() && same(a.latMinDegrees(), b.latMinDegrees()) && same(a.latMaxDegrees(), b.latMaxDegrees())
                && same(a.distMinNmi(), b.distMinNmi()) && same(a.distMaxNmi(), b.distMaxNmi())
                && Math.abs(a.areaNmi2() - b.areaNmi2()) <= 1e-9 * a.areaNmi2()
                && Math.abs(a.centroidLon() - b.centroidLon()) <= 1e-9 && Math.abs(a.centroidLat() - b.centroidLat()) <= 1e-9
                && a.geometry().getNumPoints() == b.geometry().getNumPoints()
                // the same vertices to 1e-9°, whatever vertex a ring starts at (that too varies from run to run)
                && new org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance(a.geometry(), b.geometry()).distance() <= 1e-9;
    }

    private static boolean same(double x, double y) {
        return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
    }
}
