package io.jenkins.plugins.platformpassword.simulator;

import com.google.gson.JsonObject;
import java.util.regex.Pattern;

/** {@code POST /api/2/users/check_password}: is a password (sent as its SHA-1 hex) known to be compromised? No token needed. */
final class CheckPasswordEndpoint implements Endpoint {

    private static final Pattern SHA1_HEX = Pattern.compile("[0-9a-fA-F]{40}");

    private final CompromisedPasswords compromised;

    CheckPasswordEndpoint(CompromisedPasswords compromised) {
        this.compromised = compromised;
    }

    @Override
    public Answer answer(IncomingRequest request) throws Rejection {
        PasswordEndpoint.requireJson(request);
        String hash = PasswordBody.password(request.body());
        if (!SHA1_HEX.matcher(hash).matches()) {
            throw PlatformError.badRequest(
                            "The request body is invalid.", "'password' must be the SHA-1 hash of the password in hex")
                    .reject();
        }
        JsonObject json = new JsonObject();
        json.addProperty("compromised", compromised.contains(hash));
        return Answer.json(200, json);
    }
}
