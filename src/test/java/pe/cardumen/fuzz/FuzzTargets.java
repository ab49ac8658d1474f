package pe.cardumen.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pe.cardumen.TestData;
import pe.cardumen.io.biotic.HaulCsvReader;
import pe.cardumen.io.biotic.IcesBioticCsvReader;
import pe.cardumen.io.indices.EnsoIndexReader;
import pe.cardumen.io.sonar.EcsCalibrationReader;
import pe.cardumen.io.sonar.EchoviewCsvReader;
import pe.cardumen.io.sonar.IcesAcousticReader;
import pe.cardumen.io.vector.VectorLayerReader;
import pe.cardumen.model.ModelRegistry;
import pe.cardumen.report.ZoneLayerExporter;

/** One fuzz target per reader, each over a real sample file (or one the project writes in the format). */
final class FuzzTargets {
    private FuzzTargets() {
    }

    static List<FuzzTarget> all() throws Exception {
        Path sample = TestData.sampleData();
        Path fixtures = Path.of("src/test/resources/fixtures").toAbsolutePath();
        Path seeds = TestData.tempDir("fuzz-seeds");
        List<FuzzTarget> targets = new ArrayList<>();

        Path dy1201 = sample.resolve("echosounder/DY1201_EK60-D20120214-T231011.raw");
        targets.add(FuzzTarget.of("ek60-raw", dy1201, false, f -> ReaderFuzzTest.integrateRaw(f, 38)));
        targets.add(FuzzTarget.of("ek80-raw-complex", sample.resolve("echosounder/EK80_-D20221108-T151353.raw"), false,
                f -> ReaderFuzzTest.integrateRaw(f, 38)));
        targets.add(FuzzTarget.of("ek80-raw-reduced", sample.resolve("echosounder/EK80-WBTTube-CW-reduced.raw"), false,
                f -> ReaderFuzzTest.integrateRaw(f, 38)));
        targets.add(FuzzTarget.of("ek80-raw-gpt", sample.resolve("echosounder/EK80-GPT-WBT-mixed-5ch.raw"), false, ReaderFuzzTest::readRaw));
        // FM: every channel pulse-compressed, calibrated and written as netCDF-4
        targets.add(FuzzTarget.of("ek80-raw-fm-netcdf", sample.resolve("echosounder/EK80-WBTMini-FM.raw"), false,
                f -> new pe.cardumen.acoustics.SvNetcdfExport(c -> pe.cardumen.acoustics.CalibrationOverrides.NONE).export(f,
                        f.resolveSibling("sv.nc"), c -> true, pe.cardumen.domain.ProgressListener.NONE, pe.cardumen.domain.CancellationToken.NONE)));
        // the live survey following a damaged file: polled twice, problems become warnings naming the file
        targets.add(FuzzTarget.of("ek60-raw-live", dy1201, false, f -> {
            var live = new pe.cardumen.acoustics.LiveSurvey(f.getParent(), 38, pe.cardumen.acoustics.IntegrationSettings.DEFAULT,
                    c -> pe.cardumen.acoustics.CalibrationOverrides.NONE, null);
            live.poll(pe.cardumen.domain.CancellationToken.NONE);
            live.poll(pe.cardumen.domain.CancellationToken.NONE);
        }));
        targets.add(new FuzzTarget() {
            @Override
            public String name() {
                return "ek60-bot";
            }

            @Override
            public Path seedFile() {
                return sample.resolve("echosounder/DY1201_EK60-D20120214-T231011.bot");
            }

            @Override
            public boolean text() {
                return false;
            }

            @Override
            public Path prepare(Path dir, byte[] mutant) throws Exception {
                Files.write(dir.resolve(seedFile().getFileName()), mutant);
                return Files.copy(dy1201, dir.resolve(dy1201.getFileName()));
            }

            @Override
            public List<String> companions() {
                return List.of(seedFile().getFileName().toString());
            }

            @Override
            public void read(Path input) throws Exception {
                ReaderFuzzTest.integrateRaw(input, 38);
            }
        });

        targets.add(FuzzTarget.of("netcdf3", sample.resolve("satellite/oisst_v21_peru_2026-01-01_2026-02-15.nc"), false, ReaderFuzzTest::readGrid));
        targets.add(FuzzTarget.of("netcdf3-erddap-chla", sample.resolve("satellite/erddap_viirs_chla_monthly.nc"), false, ReaderFuzzTest::readGrid));
        targets.add(FuzzTarget.of("netcdf4", sample.resolve("satellite/oisst_v21_peru_packed_netcdf4.nc"), false, ReaderFuzzTest::readGrid));
        targets.add(FuzzTarget.of("geotiff", sample.resolve("satellite/oisst_peru_2026-01-15_sst_float32_lzw_pred2.tif"), false, ReaderFuzzTest::readGrid));
        targets.add(FuzzTarget.of("erddap-csv", fixtures.resolve("satellite-erddap.csvp"), true, ReaderFuzzTest::readGrid));

        targets.add(FuzzTarget.of("echoview-csv", fixtures.resolve("acoustic/Celdas 38 kHz Olaya-Flores 1508-10.csv"), true,
                f -> new EchoviewCsvReader().read(f)));
        targets.add(FuzzTarget.of("ices-acoustic-csv", fixtures.resolve("acoustic/ices-acoustic.csv"), true, f -> new IcesAcousticReader().read(f)));
        targets.add(FuzzTarget.of("ices-acoustic-xml", fixtures.resolve("acoustic/ices-acoustic.xml"), true, f -> new IcesAcousticReader().read(f)));
        targets.add(FuzzTarget.of("echoview-ecs", fixtures.resolve("acoustic/dy1201-recal.ecs"), true, f -> new EcsCalibrationReader().read(f)));

        targets.add(FuzzTarget.of("haul-csv", sample.resolve("simulated-history/hauls/SIMULATED-2020-1-hauls.csv"), true, f -> new HaulCsvReader().read(f)));
        Path biotic = seeds.resolve("ices-biotic.csv");
        Files.writeString(biotic, pe.cardumen.io.biotic.IcesBioticCsvReaderTest.FILE.replace("%LAT%", "-12.1").replace("%LON%", "-77.3"));
        targets.add(FuzzTarget.of("ices-biotic-csv", biotic, true, f -> new IcesBioticCsvReader().read(f, "272299")));

        targets.add(FuzzTarget.of("oni", sample.resolve("indices/oni.ascii.txt"), true, f -> new EnsoIndexReader().readOni(f)));
        targets.add(FuzzTarget.of("ersst-nino", sample.resolve("indices/ersst5.nino.mth.91-20.ascii"), true,
                f -> new EnsoIndexReader().readNinoRegions(f)));

        // zone layers: GeoJSON (the bundled coast), and a shapefile and GeoPackage Cardumen writes from 40 AIP zones
        Path coast = seeds.resolve(pe.cardumen.geo.Coastline.BUNDLED_COASTLINE);
        Files.write(coast, pe.cardumen.geo.Coastline.bundledBytes(pe.cardumen.geo.Coastline.BUNDLED_COASTLINE));
        targets.add(FuzzTarget.of("geojson", coast, true, f -> new VectorLayerReader().read(f, null)));
        var zones = TestData.fullGrid().zones().subList(0, 40);
        Path shpDir = Files.createDirectories(seeds.resolve("shp"));
        new ZoneLayerExporter().export(zones, shpDir.resolve("zones.shp"));
        for (String part : List.of("shp", "dbf", "shx")) {
            targets.add(new ShapefilePart(shpDir, part));
        }
        Path gpkg = seeds.resolve("zones.gpkg");
        new ZoneLayerExporter().export(zones, gpkg);
        targets.add(FuzzTarget.of("geopackage", gpkg, false, f -> new VectorLayerReader().read(f, null)));

        Path model = sample.getParent().resolve("models/anchoveta-biomass/1.0.0");
        targets.add(new FuzzTarget() {
            @Override
            public String name() {
                return "model-card";
            }

            @Override
            public Path seedFile() {
                return model.resolve("model.json");
            }

            @Override
            public boolean text() {
                return true;
            }

            @Override
            public Path prepare(Path dir, byte[] mutant) throws Exception {
                Path copy = dir.resolve("1.0.0");
                copyTree(model, copy);
                Files.write(copy.resolve("model.json"), mutant);
                return copy.resolve("model.json");
            }

            @Override
            public void read(Path input) throws Exception {
                var v = ModelRegistry.verify(input.getParent());
                boolean changed = !java.util.Arrays.equals(Files.readAllBytes(input), Files.readAllBytes(seedFile()));
                if (v.ok() && changed && ModelRegistry.versionSha256(input.getParent()).equals(ModelRegistry.versionSha256(model))) {
                    throw new AssertionError("a changed model card verified with the shipped version's hash");
                }
            }
        });
        return targets;
    }

    /** One file of a shapefile set mutated, the set read through its {@code .shp}. */
    private static final class ShapefilePart implements FuzzTarget {
        private final Path dir;
        private final String part;

        ShapefilePart(Path dir, String part) {
            this.dir = dir;
            this.part = part;
        }

        @Override
        public String name() {
            return "shapefile-" + part;
        }

        @Override
        public Path seedFile() {
            return dir.resolve("zones." + part);
        }

        @Override
        public boolean text() {
            return false;
        }

        @Override
        public Path prepare(Path target, byte[] mutant) throws Exception {
            try (var s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.copy(p, target.resolve(p.getFileName()));
                }
            }
            Files.write(target.resolve("zones." + part), mutant);
            return target.resolve("zones.shp");
        }

        @Override
        public List<String> companions() {
            return List.of("zones." + part, "zones.dbf", "zones.shx", "zones.prj");
        }

        @Override
        public void read(Path input) throws Exception {
            new VectorLayerReader().read(input, null);
        }
    }

    static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
