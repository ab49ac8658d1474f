package pe.cardumen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import pe.cardumen.TestData;
import pe.cardumen.domain.CancellationToken;
import pe.cardumen.workspace.Workspace;

/**
 * {@code cardumen biomass}: NASC imported from an Echoview export with two intervals in zone 10120 (12°S,
 * 90–100 nmi) and one outside the grid, one haul of 20 fish at 10 cm and 20 at 14 cm. The zone's
 * biomass density is the hand-computed one of ZoneBiomassTest (worked in Python): 192.79054573 t nmi⁻²,
 * 50 % juveniles by number and 26.22 % by weight.
 */
class BiomassCliTest {
    private static Path workspace() throws Exception {
        Path dir = TestData.tempDir("biomass-cli");
        Path ws = dir.resolve("w.cardumen.gpkg");
        try (Workspace w = Workspace.create(ws)) {
            w.replaceZones("generated AIP grid", TestData.fullGrid().zones(), CancellationToken.NONE);
        }
        var p = TestData.fullGrid().byCode("10120").orElseThrow().geometry().getInteriorPoint();
        String lat = String.format(Locale.ROOT, "%.5f", p.getY());
        String lon = String.format(Locale.ROOT, "%.5f", p.getX());
        Path ev = dir.resolve("cells.csv");
        Files.writeString(ev, "Interval,Layer,NASC,Lat_M,Lon_M\n"
                + "1,1,600," + lat + "," + lon + "\n1,2,400," + lat + "," + lon + "\n"
                + "2,1,3000," + lat + "," + lon + "\n2,2,0," + lat + "," + lon + "\n"
                + "3,1,5000,-12.0,-95.0\n");
        CliTest.Run r = CliTest.run("import", ev.toString(), "--workspace", ws.toString());
        assertThat(r.status()).as(r.err()).isZero();
        Files.writeString(dir.resolve("hauls.csv"), "haul_id,time,lat,lon,length_cm,count\n"
                + "H1,2026-03-01T10:00:00Z," + lat + "," + lon + ",10,20\nH1,2026-03-01T10:00:00Z," + lat + "," + lon + ",14,20\n");
        return ws;
    }

    @Test
    void perZoneWithTheHandComputedDensity() throws Exception {
        Path ws = workspace();
        double area = TestData.fullGrid().byCode("10120").orElseThrow().areaNmi2();
        CliTest.Run r = CliTest.run("biomass", "--workspace", ws.toString(), "--hauls", ws.resolveSibling("hauls.csv").toString(), "--csv");
        assertThat(r.status()).as(r.err()).isZero();
        var lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("code,stock,area_nmi2,n_intervals,nasc_mean,density_t_per_nmi2,biomass_t,cv,juvenile_pct_number,juvenile_pct_weight");
        assertThat(lines).hasSize(2);
        String[] f = lines.get(1).split(",");
        assertThat(f[0]).isEqualTo("10120");
        assertThat(f[1]).isEqualTo("north-centre");
        assertThat(Integer.parseInt(f[3])).isEqualTo(2);
        assertThat(Double.parseDouble(f[4])).isEqualTo(2000.0);
        assertThat(Double.parseDouble(f[5])).isCloseTo(192.790546, within(1e-6));
        assertThat(Double.parseDouble(f[6])).isCloseTo(192.79054573 * area, within(1e-3));
        assertThat(Double.parseDouble(f[8])).isEqualTo(50.0);
        assertThat(Double.parseDouble(f[9])).isEqualTo(26.22);
        assertThat(r.err()).contains("2 intervals in 1 zones, 1 outside the zones").contains("2 nearest haul within 30 nmi")
                .contains("b20 UNCONFIRMED");
    }

    @Test
    void byDegreeAndTheB20Property() throws Exception {
        Path ws = workspace();
        String hauls = ws.resolveSibling("hauls.csv").toString();
        CliTest.Run base = CliTest.run("biomass", "--workspace", ws.toString(), "--hauls", hauls, "--by", "degree");
        CliTest.Run lower = CliTest.run("biomass", "--workspace", ws.toString(), "--hauls", hauls, "--by", "degree", "--b20", "-72.9");
        assertThat(base.status()).as(base.err()).isZero();
        assertThat(base.out().lines().findFirst().orElseThrow()).startsWith("group,zones,area_nmi2,abundance_millions,biomass_t,cv,lower90_t,upper90_t,");
        double b = Double.parseDouble(base.out().lines().skip(1).findFirst().orElseThrow().split(",")[4]);
        double l = Double.parseDouble(lower.out().lines().skip(1).findFirst().orElseThrow().split(",")[4]);
        assertThat(base.out().lines().skip(1).findFirst().orElseThrow()).startsWith("12°S,1,");
        // 1 dB lower b20: σbs ÷ 10^0.1, biomass × 1.2589
        assertThat(l / b).isCloseTo(Math.pow(10, 0.1), within(1e-6));
        CliTest.Run bad = CliTest.run("biomass", "--workspace", ws.toString(), "--hauls", hauls, "--by", "month");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--by must be degree, band or stock");
    }

    @Test
    void haulsImportedIntoTheWorkspaceAreUsedWhenNoneAreGiven() throws Exception {
        Path ws = workspace();
        Path hauls = ws.resolveSibling("hauls.csv");
        CliTest.Run none = CliTest.run("biomass", "--workspace", ws.toString());
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).contains("the workspace has no hauls");
        CliTest.Run imp = CliTest.run("import", hauls.toString(), "--workspace", ws.toString());
        assertThat(imp.status()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("hauls.csv: hauls, 1 hauls imported, 0 rejected");
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.hauls()).singleElement().satisfies(h -> {
                assertThat(h.id()).isEqualTo("H1");
                assertThat(h.lengthsCm()).containsExactly(10.0, 14.0);
                assertThat(h.counts()).containsExactly(20.0, 20.0);
            });
        }
        CliTest.Run stored = CliTest.run("biomass", "--workspace", ws.toString());
        CliTest.Run given = CliTest.run("biomass", "--workspace", ws.toString(), "--hauls", hauls.toString());
        assertThat(stored.status()).as(stored.err()).isZero();
        assertThat(stored.out()).isEqualTo(given.out());
    }

    /** Results are stored with the version of their parameter set: the same set keeps its version, another b20 makes v2. */
    @Test
    void storedResultsNameTheirParameterSetVersion() throws Exception {
        Path ws = workspace();
        String hauls = ws.resolveSibling("hauls.csv").toString();
        CliTest.Run first = CliTest.run("biomass", "--workspace", ws.toString(), "--hauls", hauls, "--store");
        CliTest.Run again = CliTest.run("biomass", "--workspace", ws.toString(), "--hauls", hauls, "--store", "--seed", "7");
        CliTest.Run other = CliTest.run("biomass", "--workspace", ws.toString(), "--hauls", hauls, "--store", "--b20", "-70.9");
        assertThat(first.err()).contains("stored as biomass run 1 with parameter set v1");
        assertThat(again.err()).contains("stored as biomass run 2 with parameter set v1");
        assertThat(other.err()).contains("stored as biomass run 3 with parameter set v2");
        try (Workspace w = Workspace.open(ws)) {
            var runs = w.biomassRuns();
            assertThat(runs).extracting(pe.cardumen.workspace.BiomassRun::parameterSetVersion).containsExactly(1L, 1L, 2L);
            assertThat(runs.get(1).seed()).isEqualTo(7);
            assertThat(w.parameterSet(1)).contains("ts.b20.db=-71.9").contains("ts.b20.confirmed=false").contains("lw.b=3.074");
            assertThat(w.parameterSet(2)).contains("ts.b20.db=-70.9");
            var zone = w.biomass(1).get(0);
            assertThat(zone.zone()).isEqualTo("10120");
            assertThat(zone.densityTPerNmi2()).isCloseTo(192.79054573, within(1e-6));
            // b20 1 dB higher: biomass ÷ 10^0.1
            assertThat(w.biomass(3).get(0).biomassT() / zone.biomassT()).isCloseTo(Math.pow(10, -0.1), within(1e-9));
            assertThat(runs.get(0).totalT()).isCloseTo(zone.biomassT(), within(1e-6));
        }
    }

    /**
     * Two surveys in one workspace: each computes from its own NASC and hauls. Survey B's NASC is twice
     * A's in the same zone with the same haul, so its density is twice the hand-computed one.
     */
    @Test
    void surveysAreComputedApart() throws Exception {
        Path dir = TestData.tempDir("biomass-surveys");
        Path ws = dir.resolve("w.cardumen.gpkg");
        try (Workspace w = Workspace.create(ws)) {
            w.replaceZones("generated AIP grid", TestData.fullGrid().zones(), CancellationToken.NONE);
        }
        var p = TestData.fullGrid().byCode("10120").orElseThrow().geometry().getInteriorPoint();
        String at = String.format(Locale.ROOT, "%.5f,%.5f", p.getY(), p.getX());
        Files.writeString(dir.resolve("a.csv"), "Interval,Layer,NASC,Lat_M,Lon_M\n1,1,1000," + at + "\n2,1,3000," + at + "\n");
        Files.writeString(dir.resolve("b.csv"), "Interval,Layer,NASC,Lat_M,Lon_M\n1,1,2000," + at + "\n2,1,6000," + at + "\n");
        String haul = "haul_id,time,lat,lon,length_cm,count\nH1,,%s,10,20\nH1,,%s,14,20\n".formatted(at, at);
        Files.writeString(dir.resolve("ha.csv"), haul);
        Files.writeString(dir.resolve("hb.csv"), haul.replace("H1", "H9"));
        assertThat(CliTest.run("import", dir.resolve("a.csv").toString(), dir.resolve("ha.csv").toString(), "--workspace", ws.toString(),
                "--survey", "2026-1").status()).isZero();
        assertThat(CliTest.run("import", dir.resolve("b.csv").toString(), dir.resolve("hb.csv").toString(), "--workspace", ws.toString(),
                "--survey", "2026-2").status()).isZero();

        CliTest.Run none = CliTest.run("biomass", "--workspace", ws.toString());
        assertThat(none.status()).isNotZero();
        assertThat(none.err()).contains("2 surveys [2026-1, 2026-2]; choose one with --survey");
        CliTest.Run missing = CliTest.run("biomass", "--workspace", ws.toString(), "--survey", "2025-2");
        assertThat(missing.err()).contains("no survey '2025-2'");

        CliTest.Run a = CliTest.run("biomass", "--workspace", ws.toString(), "--survey", "2026-1", "--store");
        CliTest.Run b = CliTest.run("biomass", "--workspace", ws.toString(), "--survey", "2026-2", "--store");
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(a.err()).contains("survey 2026-1").contains("2 nearest haul").contains("survey mean of 1 hauls");
        double da = Double.parseDouble(a.out().lines().skip(1).findFirst().orElseThrow().split(",")[5]);
        double db = Double.parseDouble(b.out().lines().skip(1).findFirst().orElseThrow().split(",")[5]);
        assertThat(da).isCloseTo(192.790546, within(1e-6));
        assertThat(db).isCloseTo(2 * 192.790546, within(2e-6));
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.surveys()).extracting(pe.cardumen.workspace.SurveyInfo::id).containsExactly("2026-1", "2026-2");
            assertThat(w.surveys().get(0).nascImports()).isEqualTo(1);
            assertThat(w.surveys().get(0).haulImports()).isEqualTo(1);
            assertThat(w.biomassRuns()).extracting(pe.cardumen.workspace.BiomassRun::survey).containsExactly("2026-1", "2026-2");
            assertThat(w.hauls("2026-2")).extracting(pe.cardumen.domain.biotic.Haul::id).containsExactly("H9");
        }
    }

    /** A workspace written before surveys existed (no survey column) opens and gains it, empty. */
    @Test
    void anOlderWorkspaceGainsTheSurveyColumns() throws Exception {
        Path ws = workspace();
        String hauls = ws.resolveSibling("hauls.csv").toString();
        assertThat(CliTest.run("biomass", "--workspace", ws.toString(), "--hauls", hauls, "--store").status()).isZero();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ws); var s = c.createStatement()) {
            s.execute("ALTER TABLE imports DROP COLUMN survey");
            s.execute("ALTER TABLE biomass_run DROP COLUMN survey");
            // as every workspace of that time recorded it
            s.execute("UPDATE workspace_meta SET value = '1' WHERE key = 'schema_version'");
        }
        CliTest.Run r = CliTest.run("biomass", "--workspace", ws.toString(), "--hauls", hauls, "--store");
        assertThat(r.status()).as(r.err()).isZero();
        try (Workspace w = Workspace.open(ws)) {
            assertThat(w.surveys()).isEmpty();
            assertThat(w.biomassRuns()).hasSize(2).allSatisfy(run -> assertThat(run.survey()).isNull());
        }
    }

    /** The hand case with its haul given as an ICES biotic CSV (10 and 14 cm class mid-points, 20 fish each). */
    @Test
    void anIcesBioticFileGivesTheHandComputedDensity() throws Exception {
        Path ws = workspace();
        var p = TestData.fullGrid().byCode("10120").orElseThrow().geometry().getInteriorPoint();
        Path biotic = ws.resolveSibling("ices-biotic.csv");
        Files.writeString(biotic, pe.cardumen.io.biotic.IcesBioticCsvReaderTest.FILE.replace("%LAT%", String.format(Locale.ROOT, "%.5f", p.getY()))
                .replace("%LON%", String.format(Locale.ROOT, "%.5f", p.getX())));
        CliTest.Run bad = CliTest.run("import", biotic.toString(), "--workspace", ws.toString());
        assertThat(bad.status()).isNotZero();
        assertThat(bad.err()).contains("ices-biotic.csv").contains("--species");
        CliTest.Run imp = CliTest.run("import", biotic.toString(), "--workspace", ws.toString(), "--species", "272299");
        assertThat(imp.status()).as(imp.err()).isZero();
        assertThat(imp.out()).contains("hauls, 2 hauls imported, 2 rejected");
        CliTest.Run r = CliTest.run("biomass", "--workspace", ws.toString(), "--csv");
        assertThat(r.status()).as(r.err()).isZero();
        // both intervals are nearest to haul 1 (in the zone); haul 2 at 14.5°S is > 30 nmi away
        assertThat(Double.parseDouble(r.out().lines().skip(1).findFirst().orElseThrow().split(",")[5])).isCloseTo(192.790546, within(1e-6));
    }
}
