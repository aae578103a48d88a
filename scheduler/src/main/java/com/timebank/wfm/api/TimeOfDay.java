package com.timebank.wfm.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times of day as minutes of the center's local day, written {@code HH:mm}; {@code 24:00} is the end of the day. */
public final class TimeOfDay {

    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-4]):([0-5]\\d)");

    private TimeOfDay() {
    }

    /** Minutes of the day of {@code HH:mm} (00:00–24:00), or null when the text is not such a time. */
    public static Integer parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = HH_MM.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        int minute = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        return minute <= 1440 ? minute : null;
    }

    /**
     * From and to of a part of a day ({@code HH:mm}, to after from, up to 24:00), both left out for the whole day,
     * as the fields {@code fromField} and {@code toField}. Returns {start minute, end minute}, both null for the whole
     * day; errors are {@code range.*} codes (422).
     */
    public static Integer[] partOfDay(String fromText, String toText, String fromField, String toField,
            Validation v) {
        boolean noFrom = fromText == null || fromText.isBlank();
        boolean noTo = toText == null || toText.isBlank();
        if (noFrom && noTo) {
            return new Integer[] {null, null};
        }
        Integer from = noFrom ? null : parse(fromText);
        Integer to = noTo ? null : parse(toText);
        v.require(!noFrom || noTo, fromField, "range.availability.from-and-to-together");
        v.require(!noTo || noFrom, toField, "range.availability.from-and-to-together");
        v.require(noFrom || (from != null && from < 1440), fromField, "range.availability.time");
        v.require(noTo || to != null, toField, "range.availability.time");
        if (from != null && to != null) {
            v.require(to > from, toField, "range.availability.to-after-from");
        }
        return new Integer[] {from, to};
    }

    public static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
