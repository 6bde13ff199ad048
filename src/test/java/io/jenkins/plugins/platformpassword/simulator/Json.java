package io.jenkins.plugins.platformpassword.simulator;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;

/** How the simulator writes JSON. */
final class Json {

    // Nulls are written because the spec requires some nullable members (deleted_at, for one);
    // HTML escaping is off so that texts read in a terminal as they were written.
    private static final Gson GSON =
            new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private Json() {}

    static byte[] toBytes(JsonElement json) {
        return GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
    }
}
