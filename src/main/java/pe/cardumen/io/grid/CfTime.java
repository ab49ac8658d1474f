package pe.cardumen.io.grid;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * CF time coordinates (CF Conventions §4.4): {@code <unit> since <reference>} with units of seconds,
 * minutes, hours or days and the calendars standard/gregorian/proleptic_gregorian (treated as
 * proleptic Gregorian: the data Cardumen reads are recent), julian, and noleap/365_day.
 *
 * @param secondsPerUnit length of the unit, s
 * @param reference      the reference time, read in the calendar
 * @param calendar       the calendar's name, lower case
 */
public record CfTime(double secondsPerUnit, LocalDateTime reference, String calendar) {

    /**
     * Parses a units and calendar attribute pair.
     *
     * @throws IllegalArgumentException naming what is not understood
     */
    public static CfTime parse(String units, String calendar) {
        String u = units.trim();
        int since = u.toLowerCase(Locale.ROOT).indexOf(" since ");
        if (since < 0) {
            throw new IllegalArgumentException("time units '" + units + "' are not '<unit> since <date>'");
        }
        double seconds;
        switch (u.substring(0, since).trim().toLowerCase(Locale.ROOT)) {
            case "seconds": case "second": case "secs": case "sec": case "s":
                seconds = 1;
                break;
            case "minutes": case "minute": case "mins": case "min":
                seconds = 60;
                break;
            case "hours": case "hour": case "hrs": case "hr": case "h":
                seconds = 3600;
                break;
            case "days": case "day": case "d":
                seconds = 86400;
                break;
            default:
                throw new IllegalArgumentException("time unit '" + u.substring(0, since) + "' is not seconds, minutes, hours or days");
        }
        String cal = calendar == null || calendar.isBlank() ? "standard" : calendar.trim().toLowerCase(Locale.ROOT);
        if (!(cal.equals("standard") || cal.equals("gregorian") || cal.equals("proleptic_gregorian") || cal.equals("julian")
                || cal.equals("noleap") || cal.equals("365_day"))) {
            throw new IllegalArgumentException("calendar '" + calendar + "' is not supported (standard, gregorian, proleptic_gregorian, julian, noleap)");
        }
        return new CfTime(seconds, reference(u.substring(since + 7).trim()), cal);
    }

    /** "1970-01-01", "1970-01-01T00:00:00Z", "1978-01-01 12:00:00", "1-1-1 00:00:0.0" … */
    private static LocalDateTime reference(String text) {
        String t = text.replace('T', ' ').replaceAll("(?i)\\s*(Z|UTC|GMT)$", "").trim();
        String[] parts = t.split("\\s+");
        String[] ymd = parts[0].split("-");
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(ymd[0]), Integer.parseInt(ymd[1]), Integer.parseInt(ymd[2]));
            LocalTime time = LocalTime.MIDNIGHT;
            if (parts.length > 1 && !parts[1].matches("[+-]\\d.*")) {
                String[] hms = parts[1].split(":");
                double sec = hms.length > 2 ? Double.parseDouble(hms[2]) : 0;
                time = LocalTime.of(Integer.parseInt(hms[0]), hms.length > 1 ? Integer.parseInt(hms[1]) : 0).plusNanos(Math.round(sec * 1e9));
            }
            return LocalDateTime.of(date, time);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("time reference '" + text + "' is not a date", e);
        }
    }

    /** The instant of a time value. */
    public Instant toInstant(double value) {
        double seconds = value * secondsPerUnit;
        long whole = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1e9);
        switch (calendar) {
            case "noleap":
            case "365_day":
                return noLeap(whole, nanos);
            case "julian":
                return julianToInstant(whole, nanos);
            default:
                return reference.toInstant(ZoneOffset.UTC).plusSeconds(whole).plusNanos(nanos);
        }
    }

    /** Adds seconds in a calendar whose years all have 365 days. */
    private Instant noLeap(long seconds, long nanos) {
        long days = Math.floorDiv(seconds, 86400);
        long rest = Math.floorMod(seconds, 86400);
        int year = reference.getYear();
        int dayOfYear = noLeapDayOfYear(reference.getMonthValue(), reference.getDayOfMonth()) + (int) Math.floorMod(days, 365);
        year += (int) Math.floorDiv(days, 365) + dayOfYear / 365;
        dayOfYear %= 365;
        int[] lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int month = 0;
        while (dayOfYear >= lengths[month]) {
            dayOfYear -= lengths[month++];
        }
        return LocalDateTime.of(year, month + 1, dayOfYear + 1, 0, 0).plusSeconds(reference.toLocalTime().toSecondOfDay() + rest).plusNanos(nanos)
                .toInstant(ZoneOffset.UTC);
    }

    private static int noLeapDayOfYear(int month, int day) {
        int[] lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int d = day - 1;
        for (int m = 0; m < month - 1; m++) {
            d += lengths[m];
        }
        return d;
    }

    /** The reference is a Julian-calendar date: convert through the Julian day number. */
    private Instant julianToInstant(long seconds, long nanos) {
        int y = reference.getYear();
        int m = reference.getMonthValue();
        int d = reference.getDayOfMonth();
        int a = (14 - m) / 12;
        long yy = y + 4800 - a;
        long mm = m + 12L * a - 3;
        long jdn = d + (153 * mm + 2) / 5 + 365 * yy + yy / 4 - 32083; // Julian calendar → JDN
        long epochDay = jdn - 2440588; // JDN of 1970-01-01
        return LocalDate.ofEpochDay(epochDay).atTime(reference.toLocalTime()).toInstant(ZoneOffset.UTC).plusSeconds(seconds).plusNanos(nanos);
    }

    static boolean isTimeUnits(String units) {
        return units != null && units.toLowerCase(Locale.ROOT).contains(" since ");
    }

    /** For messages. */
    @Override
    public String toString() {
        return secondsPerUnit + " s since " + reference + " (" + calendar + ")";
    }
}
