package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers are read as strict JSON, and a member name given twice in one object makes the answer
 * unreadable: two readers of {@code {"compromised":true,"compromised":false}} can disagree, so
 * the client acts on neither reading.
 */
class JsonTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"compromised\":true,\"compromised\":false}",
                "{\"access_token\":\"abc\",\"access_token\":\"def\"}",
                "{\"a\":{\"id\":\"x\",\"id\":\"y\"}}",
                "{\"items\":[{\"id\":\"x\",\"name\":\"a\",\"name\":\"b\"}]}",
            })
    void aMemberNameGivenTwiceMakesTheBodyUnreadable(String body) {
        assertThat(Json.parseObject(body)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'access_token':'abc'}",
                "{access_token:\"abc\"}",
                "{\"access_token\":abc}",
                "{\"n\":NaN}",
                "{\"a\":1} // comment",
                "/* c */ {\"a\":1}",
                "{\"a\":1,}",
                "{\"a\":1};",
                "{\"a\":1} {\"b\":2}",
                "{\"a\":1} trailing",
                "{\"a\" = 1}",
                ")]}'\n{\"a\":1}",
                "[{\"a\":1}]",
                "\"text\"",
                "{\"a\":1",
            })
    void onlyStrictJsonObjectsAreRead(String body) {
        assertThat(Json.parseObject(body)).isEmpty();
    }

    @Test
    void valuesBelowTheDepthKeptAreLeftOutAndTheRestIsRead() {
        assertThat(innermost(Json.parseObject(nested(Json.MAX_DEPTH)).orElseThrow()))
                .isEqualTo(new JsonObject());
        JsonElement leftOut =
                innermost(Json.parseObject(nested(Json.MAX_DEPTH + 1)).orElseThrow());
        assertThat(leftOut.isJsonNull()).isTrue();

        String deepContext = "{\"error\":{\"message\":\"Bad\",\"context\":" + nested(Json.MAX_DEPTH + 8) + "}}";
        JsonObject error = Json.parseObject(deepContext).orElseThrow().getAsJsonObject("error");
        assertThat(Json.text(error, "message")).isEqualTo("Bad");
    }

    @Test
    void whatIsLeftOutMustStillBeStrictJson() {
        String deep = nested(Json.MAX_DEPTH + 2);
        int innermost = deep.indexOf("{}");
        for (String broken : new String[] {"{'a':1}", "{\"a\":1,}", "{\"a\" 1}", "[1 2]", "{\"a\":tru}"}) {
            String body = deep.substring(0, innermost) + broken + deep.substring(innermost + 2);
            assertThat(Json.parseObject(body)).as(body).isEmpty();
        }
        // A repeated name where the client reads is refused as before.
        assertThat(Json.parseObject("{\"a\":1,\"deep\":" + deep + ",\"a\":2}")).isEmpty();
    }

    @Test
    void nestingBeyondGsonsLimitIsUnreadableAndNeverAStackOverflow() {
        assertThat(Json.parseObject(nested(Json.MAX_NESTING))).isPresent();
        assertThat(Json.parseObject(nested(Json.MAX_NESTING + 1))).isEmpty();
        // A body of the transport's full size that is nothing but brackets is refused, not a stack overflow.
        assertThat(Json.parseObject("{\"a\":" + "[".repeat(60_000))).isEmpty();
        assertThat(Json.parseObject("{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}"))
                .isPresent();
    }

    /** The value at the bottom of {@link #nested}'s chain of "a" members. */
    private static JsonElement innermost(JsonObject top) {
        JsonElement value = top;
        while (value.isJsonObject() && value.getAsJsonObject().has("a")) {
            value = value.getAsJsonObject().get("a");
        }
        return value;
    }

    @Test
    void theContractsShapesReadAsGsonReadsThem() {
        String[] bodies = {
            "{\"access_token\":\"eyJ.a-b_c\",\"token_type\":\"bearer\",\"expires_in\":7200,\"expires_on\":1.7e9,\"id_token\":\"x\"}",
            "{\"id\":\"de300000-0000-4000-8000-000000000001\",\"tenant_id\":\"t\",\"enabled\":true,\"personal_info\":null}",
            "{\"id\":\"x\",\"path\":[{\"id\":\"a\",\"name\":\"R\\u00e9seau \\\"1\\\"\"},{\"id\":\"b\"}],\"n\":-0.0,\"big\":123456789012345678901234567890}",
            "{\"error\":{\"code\":400,\"domain\":null,\"message\":\"Bad\\nrequest\",\"details\":{\"info\":\"x\"}}}",
            " \n\t{\"items\":[],\"paging\":{\"cursors\":{}}} \n",
        };
        for (String body : bodies) {
            assertThat(Json.parseObject(body))
                    .as(body)
                    .contains(JsonParser.parseString(body).getAsJsonObject());
        }
    }

    @Test
    void randomValidObjectsReadAsGsonReadsThem() {
        Random random = new Random(12);
        for (int i = 0; i < 2_000; i++) {
            String body = randomObject(random, 0);
            JsonElement gson = JsonParser.parseString(body);
            assertThat(Json.parseObject(body)).as(body).contains(gson.getAsJsonObject());
        }
    }

    private static String nested(int depth) {
        // depth 1 is the top-level object itself
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    private static String randomObject(Random random, int depth) {
        StringBuilder body = new StringBuilder("{");
        int members = random.nextInt(depth > 3 ? 2 : 5);
        for (int m = 0; m < members; m++) {
            body.append(m == 0 ? "" : ",").append("\"k").append(m).append("\":").append(randomValue(random, depth));
        }
        return body.append('}').toString();
    }

    private static String randomValue(Random random, int depth) {
        switch (random.nextInt(depth > 3 ? 5 : 7)) {
            case 0:
                return "\"s" + random.nextInt() + "\\u00e9\\\"\"";
            case 1:
                return Integer.toString(random.nextInt());
            case 2:
                return random.nextBoolean() + "";
            case 3:
                return "null";
            case 4:
                return random.nextDouble() * 1e6 + "";
            case 5:
                return randomObject(random, depth + 1);
            default:
                return "[" + randomValue(random, depth + 1) + "," + randomValue(random, depth + 1) + "]";
        }
    }
}
