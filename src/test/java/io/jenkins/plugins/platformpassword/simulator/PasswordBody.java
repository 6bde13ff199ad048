package io.jenkins.plugins.platformpassword.simulator;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * Reads {@code {"password": "<string>"}} as strictly as the spec's {@code passwordPost} schema
 * says: a JSON object, the one required member {@code password}, a string, no other members
 * ({@code additionalProperties: false}). Each violation is a 400 whose {@code details.info}
 * names it, so that a test can tell which rule a client broke.
 *
 * <p>A streaming reader, not a tree, so that a repeated member is noticed rather than silently
 * overwritten, and a number is not coerced into a string.
 */
final class PasswordBody {

    private PasswordBody() {}

    /** The password exactly as the JSON string decodes (escapes resolved, nothing trimmed). */
    static String password(byte[] body) throws Rejection {
        if (body.length == 0) {
            throw invalid("the request body is empty; expected {\"password\": \"...\"}");
        }
        String text;
        try {
            text = PercentDecoding.strictUtf8(body);
        } catch (IllegalArgumentException e) {
            throw invalid("the request body is not valid UTF-8");
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            return readObject(reader);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw invalid("the request body is not valid JSON: " + e.getMessage());
        }
    }

    private static String readObject(JsonReader reader) throws IOException, Rejection {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            throw invalid("the request body must be a JSON object, not " + describe(reader.peek()));
        }
        reader.beginObject();
        String password = null;
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (!name.equals("password")) {
                throw invalid("unexpected property '" + name + "'; only 'password' is allowed");
            }
            if (password != null) {
                throw invalid("the property 'password' is given more than once");
            }
            if (reader.peek() != JsonToken.STRING) {
                throw invalid("the property 'password' must be a string, not " + describe(reader.peek()));
            }
            password = reader.nextString();
        }
        reader.endObject();
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw invalid("unexpected content after the JSON object");
        }
        if (password == null) {
            throw invalid("the required property 'password' is missing");
        }
        return password;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case BEGIN_ARRAY -> "an array";
            case BEGIN_OBJECT -> "an object";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case STRING -> "a string";
            default -> "nothing";
        };
    }

    private static Rejection invalid(String info) {
        return PlatformError.badRequest("The request body is invalid.", info).reject();
    }
}
