package io.jenkins.plugins.platformpassword.client;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.jenkins.plugins.platformpassword.client.secrets.JsonEscapes;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;

/**
 * The client's JSON: reading answers with Gson, and writing the one shape of request body it
 * sends, {@code {"name": "value"}}. That body is written with {@link JsonEscapes#escapeString},
 * which escapes exactly as Gson does (quotes, backslashes, control characters; tested against
 * Gson), because serialising a one-member object through Gson's writer was a tenth of a build's
 * own CPU time. HTML escaping is off: it is valid JSON either way, but {@code \u003c} in place of
 * {@code <} only confuses people comparing bodies.
 */
public final class Json {

    private Json() {}

    /** The body {@code {"name": "value"}}, as both password requests send it. */
    public static String oneMember(String name, String value) {
        return "{\"" + JsonEscapes.escapeString(name) + "\":\"" + JsonEscapes.escapeString(value) + "\"}";
    }

    /** What a protocol failure says of a body {@link #parseObject} refused. */
    public static final String NOT_AN_OBJECT = "not a JSON object (strict JSON, no member name twice)";

    /**
     * How deep the client keeps what an answer holds. The contract's deepest answer the client
     * reads (a tenant with its path) is three levels. Deeper values are checked and left out (see
     * {@link #read}), so that a hostile body costs no more than that shape needs, and the
     * recursion here stays shallow.
     */
    static final int MAX_DEPTH = 32;

    /**
     * How deep a body may nest at all: Gson's own default, which bounds the reader's stack when it
     * skips what lies below {@link #MAX_DEPTH}. Deeper, a body is unreadable.
     */
    static final int MAX_NESTING = 255;

    /**
     * Parses a body as a JSON object; empty when it is not one (HTML, truncated JSON, an array).
     * Parsing is strict (RFC 8259: no comments, single quotes, unquoted names or NaN), and a
     * member name repeated within one object makes the body invalid. Gson's own parser is
     * lenient and keeps the last of two equal names, so {@code {"compromised":true,
     * "compromised":false}} would read as {@code false} here and perhaps as {@code true} to a
     * proxy or a log reader in between; an answer that two readers can read differently is not
     * an answer the client acts on.
     */
    public static Optional<JsonObject> parseObject(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(MAX_NESTING);
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                return Optional.empty();
            }
            JsonElement element = read(reader, 1);
            return reader.peek() == JsonToken.END_DOCUMENT && element != null
                    ? Optional.of(element.getAsJsonObject())
                    : Optional.empty();
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * One value, or null when it repeats a member name. An object or array below {@link #MAX_DEPTH}
     * is read for its syntax only and kept as JSON null. The contract leaves an error's
     * {@code context} and {@code data} free, so a platform may nest them deeper than anything the
     * client reads; refusing the whole body for that lost the error's own message. Names repeated
     * in the part left out are not looked for: nothing there is kept, so no reading of it is acted
     * on.
     */
    private static JsonElement read(JsonReader reader, int depth) throws IOException {
        JsonToken next = reader.peek();
        if (depth > MAX_DEPTH && (next == JsonToken.BEGIN_OBJECT || next == JsonToken.BEGIN_ARRAY)) {
            reader.skipValue();
            return JsonNull.INSTANCE;
        }
        switch (next) {
            case BEGIN_OBJECT:
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    JsonElement value = read(reader, depth + 1);
                    if (value == null || object.has(name)) {
                        return null;
                    }
                    object.add(name, value);
                }
                reader.endObject();
                return object;
            case BEGIN_ARRAY:
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    JsonElement value = read(reader, depth + 1);
                    if (value == null) {
                        return null;
                    }
                    array.add(value);
                }
                reader.endArray();
                return array;
            case STRING:
                return new JsonPrimitive(reader.nextString());
            case NUMBER:
                // The literal, already checked by the strict reader, kept as Gson keeps numbers (exact text).
                return JsonParser.parseString(reader.nextString());
            case BOOLEAN:
                return new JsonPrimitive(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return JsonNull.INSTANCE;
            default:
                throw new IllegalStateException("unexpected " + next);
        }
    }

    /** Whether the element is a JSON string, not a number, boolean, object or array that {@link #text} would turn into one. */
    static boolean isString(JsonElement element) {
        return element != null
                && element.isJsonPrimitive()
                && element.getAsJsonPrimitive().isString();
    }

    /** What a JSON value is, for messages that must not quote it: "a number", "an object", ... */
    static String kind(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        return primitive.isBoolean() ? "a boolean" : primitive.isNumber() ? "a number" : "a string";
    }

    /** A member as text, whatever its JSON type (the platform's error code is a string or a number). */
    public static String text(JsonObject object, String member) {
        JsonElement value = object == null ? null : object.get(member);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }
}
