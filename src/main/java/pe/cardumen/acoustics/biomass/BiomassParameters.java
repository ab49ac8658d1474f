package pe.cardumen.acoustics.biomass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import pe.cardumen.io.ParameterFile;

/**
 * The parameters that turn NASC into fish and tonnes (DOMAIN.md §1, §3): target strength
 * {@code TS = 20·log10(L) + b20}, length–weight {@code W = a·L^b}, the juvenile length and the
 * haul-assignment radius. Defaults in {@code biomass-parameters.properties}; never literals in code.
 *
 * @param b20Db          TS intercept, dB re 1 m² (at L = 1 cm)
 * @param b20Confirmed   whether b20 is confirmed for the species (the default is not: shown as "unconfirmed")
 * @param lwA            length–weight coefficient, kg cm⁻ᵇ
 * @param lwB            length–weight exponent
 * @param juvenileCm     juveniles are shorter than this, cm
 * @param haulRadiusNmi  a haul serves intervals within this distance, nmi
 * @param tsTable        a user's TS by length used instead of the equation, or {@code null}
 */
public record BiomassParameters(double b20Db, boolean b20Confirmed, double lwA, double lwB, double juvenileCm, double haulRadiusNmi,
                                TsTable tsTable) {
    public BiomassParameters {
        if (!Double.isFinite(b20Db) || !(lwA > 0) || !(lwB > 0) || !(juvenileCm > 0) || !(haulRadiusNmi > 0)) {
            throw new IllegalArgumentException("biomass parameters must be finite, with a, b, juvenile length and radius > 0");
        }
    }

    /** The parameters with the TS equation (no table). */
    public BiomassParameters(double b20Db, boolean b20Confirmed, double lwA, double lwB, double juvenileCm, double haulRadiusNmi) {
        this(b20Db, b20Confirmed, lwA, lwB, juvenileCm, haulRadiusNmi, null);
    }

    /**
     * A user's target strength by length, used instead of {@code 20·log10(L) + b20}: TS is interpolated
     * linearly in length between the table's rows; a length outside the table is an error (no
     * extrapolation).
     *
     * @param lengthsCm increasing lengths, cm
     * @param tsDb      TS at each length, dB re 1 m²
     */
    public record TsTable(double[] lengthsCm, double[] tsDb) {
        public TsTable {
            if (lengthsCm.length < 2 || lengthsCm.length != tsDb.length) {
                throw new IllegalArgumentException("a TS table needs at least two rows of length and TS");
            }
            lengthsCm = lengthsCm.clone();
            tsDb = tsDb.clone();
            for (int i = 1; i < lengthsCm.length; i++) {
                if (!(lengthsCm[i] > lengthsCm[i - 1])) {
                    throw new IllegalArgumentException("TS table lengths must increase: " + lengthsCm[i - 1] + " then " + lengthsCm[i]);
                }
            }
        }

        /** TS at a length, dB. */
        public double tsDb(double lengthCm) {
            if (lengthCm < lengthsCm[0] || lengthCm > lengthsCm[lengthsCm.length - 1]) {
                throw new IllegalArgumentException("length " + lengthCm + " cm is outside the TS table (" + lengthsCm[0] + "–"
                        + lengthsCm[lengthsCm.length - 1] + " cm); extend the table");
            }
            int i = 1;
            while (lengthsCm[i] < lengthCm) {
                i++;
            }
            double f = (lengthCm - lengthsCm[i - 1]) / (lengthsCm[i] - lengthsCm[i - 1]);
            return tsDb[i - 1] + f * (tsDb[i] - tsDb[i - 1]);
        }

        /**
         * Reads a CSV of {@code length_cm,ts_db} rows (a header line is skipped).
         *
         * @throws IllegalArgumentException naming the file and line of a bad row
         */
        public static TsTable read(Path file) throws IOException {
            List<double[]> rows = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n).strip();
                if (line.isEmpty() || (n == 0 && !Character.isDigit(line.charAt(0)))) {
                    continue;
                }
                String[] f = line.split("[,;\\t]");
                try {
                    rows.add(new double[] {Double.parseDouble(f[0].trim()), Double.parseDouble(f[1].trim())});
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(file.getFileName() + ", line " + (n + 1) + ": expected length_cm,ts_db, found '" + line + "'");
                }
            }
            return new TsTable(rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray());
        }
    }

    /** The bundled defaults. */
    public static BiomassParameters defaults() {
        return of(ParameterFile.defaults(BiomassParameters.class, "biomass-parameters.properties"));
    }

    /**
     * The bundled defaults with a user's file's keys replacing theirs.
     *
     * @throws IllegalArgumentException naming the file and line of an unknown key, or the key whose value is not a number
     */
    public static BiomassParameters load(Path file) throws IOException {
        return of(ParameterFile.load(BiomassParameters.class, "biomass-parameters.properties", file));
    }

    /** The set's canonical text: its keys, sorted, as {@code key=value} lines (what the workspace versions). */
    public String definition() {
        StringBuilder table = new StringBuilder();
        if (tsTable != null) {
            for (int i = 0; i < tsTable.lengthsCm().length; i++) {
                table.append(i == 0 ? "" : ";").append(tsTable.lengthsCm()[i]).append(':').append(tsTable.tsDb()[i]);
            }
        }
        return "haul.radius.nmi=" + haulRadiusNmi + "\njuvenile.length.cm=" + juvenileCm + "\nlw.a=" + lwA + "\nlw.b=" + lwB + "\nts.b20.confirmed="
                + b20Confirmed + "\nts.b20.db=" + b20Db + "\n" + (tsTable == null ? "" : "ts.table=" + table + "\n");
    }

    /** The same parameters with a TS-by-length table instead of the TS equation. */
    public BiomassParameters withTsTable(TsTable table) {
        return new BiomassParameters(b20Db, b20Confirmed, lwA, lwB, juvenileCm, haulRadiusNmi, table);
    }

    /** The same parameters with another b20. */
    public BiomassParameters withB20(double db) {
        return new BiomassParameters(db, false, lwA, lwB, juvenileCm, haulRadiusNmi, tsTable);
    }

    /** Target strength of a fish of length L, dB re 1 m²: from the TS table when there is one, else the equation. */
    public double targetStrengthDb(double lengthCm) {
        return tsTable != null ? tsTable.tsDb(lengthCm) : 20 * Math.log10(lengthCm) + b20Db;
    }

    /** Backscattering cross-section σbs = 10^(TS/10), m². */
    public double sigmaBs(double lengthCm) {
        return Math.pow(10, targetStrengthDb(lengthCm) / 10);
    }

    /** Weight of a fish of length L, kg. */
    public double weightKg(double lengthCm) {
        return lwA * Math.pow(lengthCm, lwB);
    }

    /**
     * The parameters written by {@link #definition()} (as stored with every result).
     *
     * @throws IllegalArgumentException when a key is missing or a value is not a number
     */
    public static BiomassParameters fromDefinition(String definition) {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(definition));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable parameter set: " + e.getMessage(), e);
        }
        BiomassParameters base = of(p);
        String table = p.getProperty("ts.table");
        if (table == null || table.isBlank()) {
            return base;
        }
        String[] rows = table.trim().split(";");
        double[] l = new double[rows.length];
        double[] ts = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            String[] kv = rows[i].split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("ts.table row '" + rows[i] + "' is not length:ts");
            }
            l[i] = Double.parseDouble(kv[0].trim());
            ts[i] = Double.parseDouble(kv[1].trim());
        }
        return base.withTsTable(new TsTable(l, ts));
    }

    private static BiomassParameters of(Properties p) {
        return new BiomassParameters(d(p, "ts.b20.db"), Boolean.parseBoolean(p.getProperty("ts.b20.confirmed", "false").trim()), d(p, "lw.a"),
                d(p, "lw.b"), d(p, "juvenile.length.cm"), d(p, "haul.radius.nmi"));
    }

    private static double d(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException("biomass parameter '" + key + "' is missing");
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("biomass parameter '" + key + "' is not a number: " + v);
        }
    }
}
