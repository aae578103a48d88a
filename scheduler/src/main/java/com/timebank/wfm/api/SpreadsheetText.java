package com.timebank.wfm.api;

/**
 * Text written into a CSV file that people open in a spreadsheet: a cell starting with a formula sign would run as a
 * formula there (an agent's or team's name typed as {@code =HYPERLINK(…)}), so such text gets a leading apostrophe,
 * which the spreadsheet shows as text (OWASP "CSV injection"). Numbers are written as numbers and are not touched.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    public static String neutralised(String text) {
        return text == null || text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 ? text : "'" + text;
    }
}
