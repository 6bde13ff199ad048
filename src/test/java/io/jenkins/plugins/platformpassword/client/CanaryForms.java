package io.jenkins.plugins.platformpassword.client;

import com.google.gson.Gson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ways a server, proxy or error page may write back a secret it received, written here
 * independently of the client's own decoding, so that a test does not merely agree with the code
 * under test. Each form comes whole, split across a line break, and cut short.
 */
public final class CanaryForms {

    /** A secret as echoed: which form, which variant, and the text the server sends. */
    public record Echo(String form, String variant, String text) {

        /** The pieces the server sent, without the line break of a split: none of them may show in a message. */
        public List<String> pieces() {
            return List.of(text.split("\r\n"));
        }

        @Override
        public String toString() {
            return form + "/" + variant;
        }
    }

    private static final Gson HTML_SAFE_JSON =
            new Gson(); // Gson escapes = < > & and the apostrophe by default (HTML-safe)

    private CanaryForms() {}

    /** Every form of one secret; {@code extra} adds forms only some secrets have (Base64 of a header or a body). */
    public static Map<String, String> forms(String secret, Map<String, String> extra) {
        Map<String, String> forms = new LinkedHashMap<>();
        String json = jsonContents(
                new Gson().newBuilder().disableHtmlEscaping().create().toJson(secret));
        forms.put("raw", secret);
        forms.put("json", json);
        forms.put("json-html-safe", jsonContents(HTML_SAFE_JSON.toJson(secret)));
        forms.put("json-ascii-upper", asciiEscapes(json, true));
        forms.put("json-solidus", json.replace("/", "\\/"));
        forms.put("json-double-escaped", jsonContents(new Gson().toJson(jsonContents(HTML_SAFE_JSON.toJson(secret)))));
        forms.put("html-hex-entities", entities(secret, true));
        forms.put("html-decimal-entities", entities(secret, false));
        forms.put(
                "html-named",
                secret.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"));
        forms.put("form-urlencoded", URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.put("encodeURIComponent", encodeUriComponent(secret));
        forms.put("percent-lower", encodeUriComponent(secret).toLowerCase(Locale.ROOT));
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        forms.put("base64", Base64.getEncoder().encodeToString(utf8));
        forms.put("base64-unpadded", Base64.getEncoder().withoutPadding().encodeToString(utf8));
        forms.put("base64-url", Base64.getUrlEncoder().encodeToString(utf8));
        forms.put(
                "base64-mime",
                Base64.getMimeEncoder(20, "\r\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(utf8));
        forms.put("hex", HexFormat.of().formatHex(utf8));
        forms.put("utf8-read-as-latin1", new String(utf8, StandardCharsets.ISO_8859_1));
        forms.putAll(extra);
        return forms;
    }

    /** Base64 of a text that contains the secret (a header, a request body), in the forms servers use. */
    public static Map<String, String> base64Of(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("base64-of-" + name, Base64.getEncoder().encodeToString(bytes));
        forms.put(
                "base64-url-unpadded-of-" + name,
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        return forms;
    }

    /** Each form whole, split across a line break near its middle, and cut to its first 60 %. */
    public static List<Echo> echoes(Map<String, String> forms, boolean lineBreaksPossible) {
        List<Echo> echoes = new ArrayList<>();
        forms.forEach((form, text) -> {
            echoes.add(new Echo(form, "whole", text));
            if (lineBreaksPossible) {
                int middle = text.length() / 2;
                echoes.add(new Echo(form, "split", text.substring(0, middle) + "\r\n" + text.substring(middle)));
            }
            echoes.add(new Echo(form, "cut", text.substring(0, text.length() * 3 / 5)));
        });
        return echoes;
    }

    private static String jsonContents(String literal) {
        return literal.substring(1, literal.length() - 1);
    }

    private static String asciiEscapes(String text, boolean upper) {
        StringBuilder out = new StringBuilder();
        text.chars()
                .forEach(c -> out.append(
                        c < 0x80 ? String.valueOf((char) c) : String.format(upper ? "\\u%04X" : "\\u%04x", c)));
        return out.toString();
    }

    private static String entities(String text, boolean hex) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) && cp < 0x80 && hex) {
                out.appendCodePoint(cp);
            } else {
                out.append(hex ? "&#x" + Integer.toHexString(cp).toUpperCase(Locale.ROOT) + ";" : "&#" + cp + ";");
            }
        });
        return out.toString();
    }

    /** JavaScript's encodeURIComponent: leaves A-Z a-z 0-9 - _ . ! ~ * ' ( ) alone. */
    private static String encodeUriComponent(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-_.!~*'()".indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
