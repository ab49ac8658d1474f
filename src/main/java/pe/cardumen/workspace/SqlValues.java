package pe.cardumen.workspace;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Doubles to and from SQL with NaN stored as NULL, the GeoPackage way of saying "no value". */
final class SqlValues {
    private SqlValues() {
    }

    static void setDouble(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            p.setNull(i, Types.DOUBLE);
        } else {
            p.setDouble(i, v);
        }
    }

    static double getDouble(ResultSet r, int i) throws SQLException {
        double v = r.getDouble(i);
        return r.wasNull() ? Double.NaN : v;
    }
}
