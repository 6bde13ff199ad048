package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.client.tokens.AccessToken;
import kong.unirest.core.HttpRequest;
import kong.unirest.core.UnirestInstance;

/** A {@code GET} with the bearer token whose only success is 200: every read the client makes. */
public abstract class ReadOperation<T> extends Operation<T> {

    @Override
    protected final HttpRequest<?> request(UnirestInstance unirest, AccessToken token) {
        return unirest.get(url())
                .header("Authorization", token.authorizationHeader())
                .header("Accept", "application/json");
    }

    @Override
    protected final int successStatus() {
        return 200;
    }
}
