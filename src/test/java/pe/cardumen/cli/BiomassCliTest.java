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
}
