package pe.cardumen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.report.ZoneLayerExporter;

/** The command line as a user runs it: output, files, exit codes and one-line errors. */
class CliTest {
    private static Path demo;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = CardumenCommand.run(TestData::services, new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    @BeforeAll
    static void buildDemo() throws Exception {
        TestData.fullGrid(); // warm the shared services
        demo = TestData.tempDir("cli").resolve("demo.cardumen.gpkg");
        Run r = run("workspace", "demo", "--out", demo.toString(), "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("930 zones");
    }

    @Test
    void workspaceInfoSummarisesTheDemo() throws Exception {
        Run r = run("workspace", "info", demo.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("930 from generated AIP grid").contains("ne_10m_coastline_peru_bbox.geojson").contains("audit log")
                // the bundled simulated history: 56 surveys, each with its stored biomass
                .contains("surveys       56 (1998-1 … 2025-2), 56 SIMULATED").contains("result_biomass=52080");
        Run json = run("workspace", "info", demo.toString(), "--json");
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertThat(node.get("zones").asInt()).isEqualTo(930);
        assertThat(node.get("imports").get(0).get("sha256").asText())
                // the Natural Earth file's SHA-256 as recorded when it was copied (src/main/resources/pe/cardumen/geo/README.md)
                .isEqualTo("63fe7c1cc072ab33989d0558125814a7f15321e983f898ce1c2de2a0a7a0c976");
    }

    @Test
    void zonesInfoPrintsAZone() throws Exception {
        Run r = run("zones", "info", "30073", "--workspace", demo.toString(), "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode z = new ObjectMapper().readTree(r.out());
        assertThat(z.get("code").asText()).isEqualTo("30073");
        assertThat(z.get("lat_max").asDouble()).isEqualTo(-7.5);
        assertThat(z.get("lat_min").asDouble()).isEqualTo(-8.0);
        assertThat(z.get("dist_min_nmi").asDouble()).isEqualTo(290.0);
        assertThat(z.get("stock").asText()).isEqualTo("north-centre");
        Run text = run("zones", "info", "30073", "--workspace", demo.toString());
        assertThat(text.out()).contains("7°30.00′S to 8°00.00′S").contains("290–300 nmi from the coast").contains("nmi²");
    }

    @Test
    void zonesExportWritesEachFormat() throws Exception {
        Path dir = TestData.tempDir("cli-export");
        for (String name : new String[] {"z.geojson", "z.gpkg", "z.shp"}) {
            Run r = run("zones", "export", "--workspace", demo.toString(), "--out", dir.resolve(name).toString());
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains("wrote 930 zones");
            assertThat(dir.resolve(name)).exists();
        }
        JsonNode fc = new ObjectMapper().readTree(dir.resolve("z.geojson").toFile());
        JsonNode props = fc.get("features").get(0).get("properties");
        for (String p : new String[] {"code", "lat_min", "lat_max", "dist_min_nmi", "dist_max_nmi", "area_nmi2", "stock"}) {
            assertThat(props.has(p)).as(p).isTrue();
        }
    }

    @Test
    void zonesImportReplacesTheWorkspaceZonesAndRecordsTheImport() throws Exception {
        Path dir = TestData.tempDir("cli-import");
        Path ws = dir.resolve("w.cardumen.gpkg");
        Files.copy(demo, ws);
        Path layer = dir.resolve("official.shp");
        new ZoneLayerExporter().export(TestData.fullGrid().zones().subList(0, 90), layer);
        Run r = run("zones", "import", layer.toString(), "--code-field", "CODE", "--workspace", ws.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("imported 90 zones from official.shp");
        Run info = run("workspace", "info", ws.toString());
        assertThat(info.out()).contains("zones         90 from official.shp").contains("zones      official.shp");
    }

    @Test
    void errorsAreOneLineWithANonZeroStatus() throws Exception {
        Run missing = run("workspace", "info", "no-such-file.cardumen.gpkg");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("cardumen: no-such-file.cardumen.gpkg: does not exist").doesNotContain("\tat ");
        assertThat(missing.err().strip().lines().count()).isEqualTo(1);

        Run badZone = run("zones", "info", "12345", "--workspace", demo.toString());
        assertThat(badZone.status()).isEqualTo(1);
        assertThat(badZone.err()).contains("no zone 12345");

        Run badFormat = run("zones", "export", "--workspace", demo.toString(), "--out", TestData.tempDir("x").resolve("z.kml").toString());
        assertThat(badFormat.status()).isEqualTo(1);
        assertThat(badFormat.err()).contains("unsupported export format; use .geojson, .gpkg or .shp");

        Run group = run("zones");
        assertThat(group.status()).isEqualTo(2);
        assertThat(group.err()).contains("a subcommand is required: export, info, import");

        Run usage = run("zones", "import", "x.geojson");
        assertThat(usage.status()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required options");

        Path ws = TestData.tempDir("cli-bad").resolve("w.cardumen.gpkg");
        Files.copy(demo, ws);
        String before = pe.cardumen.io.FileDigest.sha256(ws);
        Path broken = ws.resolveSibling("broken.geojson");
        Files.writeString(broken, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"1\"},");
        Run badImport = run("zones", "import", broken.toString(), "--code-field", "code", "--workspace", ws.toString());
        assertThat(badImport.status()).isEqualTo(1);
        assertThat(badImport.err()).contains("broken.geojson, line 1");
        assertThat(pe.cardumen.io.FileDigest.sha256(ws)).as("workspace untouched").isEqualTo(before);
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{"--help"}, {"zones", "--help"}, {"zones", "export", "--help"}, {"zones", "info", "--help"},
            {"zones", "import", "--help"}, {"workspace", "--help"}, {"workspace", "demo", "--help"}, {"workspace", "info", "--help"}}) {
            Run r = run(cmd);
            assertThat(r.status()).isZero();
            assertThat(r.out()).contains("Usage: cardumen");
        }
    }

    @Test
    void ensoCommandsPrintCsv() {
        Run icen = run("enso", "icen", "--csv");
        assertThat(icen.status()).as(icen.err()).isZero();
        assertThat(icen.out().lines().findFirst()).contains("year_month,nino12_anom_c,icen_c,category,event");
        assertThat(icen.out()).contains("1997-11,4.47,4.130,warm-extraordinary,el-nino-costero");
        Run oni = run("enso", "oni", "--csv");
        assertThat(oni.status()).isZero();
        assertThat(oni.out()).contains("NDJ,1997,1997-12,28.97,2.39,el-nino");
    }

    @Test
    void satelliteInfoAndZonalStatistics() throws Exception {
        Path nc = TestData.referenceData().resolve("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc");
        Run info = run("satellite", "info", nc.toString(), "--json");
        assertThat(info.status()).as(info.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(info.out());
        assertThat(n.get("variable").asText()).isEqualTo("sst");
        assertThat(n.get("unit").asText()).isEqualTo("°C");
        assertThat(n.get("time_start_utc").asText()).isEqualTo("2026-01-01T12:00:00Z");
        assertThat(n.get("steps")).hasSize(46);
        long count = 0;
        for (JsonNode s : n.get("steps")) {
            count += s.get("count").asLong();
        }
        assertThat(count).isEqualTo(34316);
        assertThat(n.get("bbox").get("lon_min").asDouble()).isEqualTo(-81.875);
        Run zonal = run("satellite", "zonal", nc.toString(), "--workspace", demo.toString(), "--csv");
        assertThat(zonal.status()).as(zonal.err()).isZero();
        assertThat(zonal.out().lines().findFirst()).contains("time_utc,zone,mean,min,max,std,n_valid,valid_fraction,unit");
        assertThat(zonal.out().lines().count()).isEqualTo(1 + 46L * 930);
        Run bad = run("satellite", "info", demo.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("no 'CDF' magic");
    }
}
