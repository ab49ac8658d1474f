package pe.cardumen.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JacksonException;

/** Jackson's syntax errors in words a user reads: the problem and its line and column, no parser internals. */
public final class JsonSyntax {
    private JsonSyntax() {
    }

    /**
     * The problem without Jackson's internals (the "[Source: REDACTED …]" location of an enclosing
     * array or object, which the error's own line and column already give).
     */
    public static String problem(JacksonException e) {
        String m = String.valueOf(e.getOriginalMessage());
        int cut = m.indexOf(" (");
        if (cut > 0 && m.indexOf("[Source", cut) > 0) {
            m = m.substring(0, cut);
        }
        m = m.replaceAll("\\s*\\[Source:[^\\]]*\\]", "").replaceAll("(?s)\\s*\\n.*", "");
        if (m.startsWith("Unexpected end-of-input")) {
            return "the file ends in the middle of the data";
        }
        return m;
    }

    /** "line L, column C" of the error, or "" when Jackson gives none. */
    public static String where(JacksonException e) {
        JsonLocation loc = e.getLocation();
        return loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }
}
