package pe.cardumen.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;

/**
 * Every provider against the sample files: each file is opened by the provider of its format, the
 * others decline or are less sure, and each provider opens its files. Prints the table.
 */
class FormatRegistryTest {
    private static final FormatRegistry REGISTRY = FormatRegistry.standard();

    /** Each file, the format it is in. */
    private static Map<Path, String> files() throws Exception {
        Path s = TestData.sampleData();
        Path fixtures = Path.of("src/test/resources/fixtures");
        Path dir = TestData.tempDir("formats");
        Map<Path, String> f = new LinkedHashMap<>();
        f.put(s.resolve("echosounder/DY1201_EK60-D20120214-T231011.raw"), "Simrad EK60/EK80 raw");
        f.put(s.resolve("echosounder/EK80-WBTMini-FM.raw"), "Simrad EK60/EK80 raw");
        f.put(s.resolve("echosounder/EK80-GPT-WBT-mixed-5ch.raw"), "Simrad EK60/EK80 raw");
        f.put(s.resolve("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc"), "NetCDF-3");
        f.put(s.resolve("satellite/oisst_v21_peru_packed_netcdf4.nc"), "NetCDF-4/HDF5");
        f.put(s.resolve("satellite/oisst_peru_2026-01-15_sst_float32_lzw_pred2.tif"), "GeoTIFF");
        f.put(fixtures.resolve("satellite-erddap.csvp"), "ERDDAP CSV");
        f.put(fixtures.resolve("acoustic/ices-acoustic.csv"), "ICES acoustic CSV/XML");
        f.put(fixtures.resolve("acoustic/ices-acoustic.xml"), "ICES acoustic CSV/XML");
        f.put(fixtures.resolve("acoustic/echoview-reordered-subset.csv"), "Echoview cells CSV");
        f.put(s.resolve("simulated-history/nasc/SIMULATED-2020-1-nasc.csv"), "Echoview cells CSV");
        f.put(s.resolve("simulated-history/hauls/SIMULATED-2020-1-hauls.csv"), "haul length frequencies CSV");
        Path biotic = dir.resolve("biotic.csv");
        // the ICES biotic reader's own test file, one species
        Files.writeString(biotic, pe.cardumen.io.biotic.IcesBioticCsvReaderTest.FILE.replace("%LAT%", "-12.1").replace("%LON%", "-77.6")
                .replace("Catch,Record,CR2602,PT,1,R,126417,1,1,1,cm,205,1,3\n", ""));
        f.put(biotic, "ICES biotic CSV");
        f.put(Path.of("src/main/resources/pe/cardumen/geo/ne_50m_peru_land.geojson"), "GeoJSON");
        Path gpkg = dir.resolve("zones.gpkg");
        Path shp = dir.resolve("zones.shp");
        var zones = TestData.fullGrid().zones().subList(0, 20);
        new pe.cardumen.report.ZoneLayerExporter().export(zones, gpkg);
        new pe.cardumen.report.ZoneLayerExporter().export(zones, shp);
        f.put(gpkg, "GeoPackage");
        f.put(shp, "ESRI Shapefile");
        return f;
    }

    @Test
    void everyFileGoesToItsFormatsProvider() throws Exception {
        Map<Path, String> files = files();
        StringBuilder table = new StringBuilder(String.format("%-55s %-30s %s%n", "file", "opened by", "every provider that recognises it"));
        for (Map.Entry<Path, String> e : files.entrySet()) {
            List<FormatRegistry.Match> m = REGISTRY.probe(e.getKey());
            table.append(String.format("%-55s %-30s %s%n", e.getKey().getFileName(), m.isEmpty() ? "—" : m.get(0).provider().format(),
                    m.stream().map(x -> x.provider().format() + " " + x.confidence()).collect(Collectors.joining("; "))));
            assertThat(m).as(e.getKey().toString()).isNotEmpty();
            assertThat(m.get(0).provider().format()).as(e.getKey().toString()).isEqualTo(e.getValue());
        }
        System.out.print(table);
        // every provider is exercised by at least one file
        assertThat(REGISTRY.providers()).allSatisfy(p -> assertThat(files.values()).as(p.format()).contains(p.format()));
    }

    @Test
    void eachProviderOpensItsFiles() throws Exception {
        for (Map.Entry<Path, String> e : files().entrySet()) {
            FormatProvider<?> p = REGISTRY.best(e.getKey()).orElseThrow();
            Object opened = p.open(e.getKey(), OpenOptions.NONE);
            assertThat(opened).as(e.getKey().toString()).isNotNull();
            assertThat(p.kind().type().isInstance(opened)).as(p.format() + " opens a " + p.kind()).isTrue();
            if (opened instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    @Test
    void emptyMissingAndForeignFilesHaveNoProvider() throws Exception {
        Path dir = TestData.tempDir("formats-none");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path text = Files.writeString(dir.resolve("notes.txt"), "minutes of the quota meeting\n");
        assertThat(REGISTRY.probe(empty)).isEmpty();
        assertThat(REGISTRY.probe(dir.resolve("missing.raw"))).isEmpty();
        assertThat(REGISTRY.probe(text)).isEmpty();
        assertThat(REGISTRY.best(text, FormatKind.GRID)).isEmpty();
    }
}
