package io.jenkins.plugins.platformpassword.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code --log} request log: one line per request with the time, method, path, status and
 * duration, e.g. {@code 14:02:11.532 POST /api/2/idp/token 200 3 ms}.
 *
 * <p>Nothing secret may reach it, and what a client sends is not trusted to be where it belongs.
 * So it never shows headers (Basic credentials, tokens) or bodies (client secrets in a form, new
 * passwords, password hashes), and of the query only the names: {@code ?tenant=...&text=...}. A
 * query item without '=' or with an odd name shows as {@code ...}, as a value would. The path is
 * shown as sent: the API puts only ids there.
 */
final class RequestLogPrinter implements AnswerListener {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final int MAX_PATH = 200;
    private static final String HIDDEN = "...";

    private final PrintStream out;

    RequestLogPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void answered(RecordedRequest request, int status, Duration took) {
        out.println(LocalTime.now().format(TIME) + " " + line(request, status, took));
    }

    /** The line without its time. */
    static String line(RecordedRequest request, int status, Duration took) {
        String answer = status == NO_ANSWER ? "no answer (connection dropped)" : String.valueOf(status);
        return printable(request.method(), 16) + " " + printable(request.path(), MAX_PATH)
                + queryNames(request.rawQuery()) + " " + answer + " " + took.toMillis() + " ms";
    }

    private static String queryNames(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder("?");
        for (String item : rawQuery.split("&", -1)) {
            if (shown.length() > 1) {
                shown.append('&');
            }
            int equals = item.indexOf('=');
            String name = equals < 0 ? "" : item.substring(0, equals);
            shown.append(PLAIN_NAME.matcher(name).matches() ? name + "=" + HIDDEN : HIDDEN);
        }
        return shown.toString();
    }

    /** Control characters could forge or hide log lines on a terminal; a long path is cut. */
    private static String printable(String text, int max) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(max).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return text.codePointCount(0, text.length()) > max ? shown + HIDDEN : shown.toString();
    }
}
