package dev.baton.console.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * CSV for spreadsheets (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma,
 * quote or line break). Names come from config files and rosters that many people edit, and the file is
 * opened in spreadsheets: a text cell starting with {@code = + - @}, a tab or a carriage return is prefixed
 * with {@code '} so it can never run as a formula. Pure, but for {@link #send}.
 */
public final class Csv {

    public static final String TYPE = "text/csv; charset=utf-8";
    /** Spreadsheet programs read a CSV as UTF-8 only when it starts with a byte order mark. */
    private static final String BOM = "\uFEFF";
    private static final String EOL = "\r\n";

    private Csv() {
    }

    /**
     * One line. Header cells and numbers are written as they are; text from outside goes through
     * {@link #text}.
     */
    public static void line(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells[i];
            out.append(cell == null ? "" : cell instanceof Text t ? escape(t.value()) : cell.toString());
        }
        out.append(EOL);
    }

    /** A share as a fraction with four decimals ({@code 0.6667}); empty for none. */
    public static String share(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.4f", value);
    }

    public static Text text(String value) {
        return new Text(value);
    }

    /** A text cell: formula-safe, then quoted if needed. */
    public record Text(String value) {
    }

    /** One text cell as it goes in the file. */
    public static String escape(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                || (!safe.isEmpty() && (Character.isWhitespace(safe.charAt(0))
                || Character.isWhitespace(safe.charAt(safe.length() - 1))));
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** Sends {@code body} as a download named {@code <prefix>-<first day>-to-<last day>.csv} (UTC days). */
    public static void send(Context ctx, String prefix, Period period, String body) {
        String name = prefix + "-" + day(period, false) + "-to-" + day(period, true) + ".csv";
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(TYPE).result((BOM + body).getBytes(StandardCharsets.UTF_8));
    }

    private static LocalDate day(Period period, boolean last) {
        return (last ? period.to().minusNanos(1) : period.from()).atZone(ZoneOffset.UTC).toLocalDate();
    }
}
