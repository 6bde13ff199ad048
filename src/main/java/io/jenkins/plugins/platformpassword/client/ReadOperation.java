package io.jenkins.plugins.platformpassword.client;

import kong.unirest.core.HttpRequest;
import kong.unirest.core.UnirestInstance;

/** A {@code GET} with the bearer token whose only success is 200: every read the client makes. */
abstract class ReadOperation<T> extends Operation<T> {

    @Override
    final HttpRequest<?> request(UnirestInstance unirest, AccessToken token) {
        return unirest.get(target().toString())
                .header("Authorization", token.authorizationHeader())
                .header("Accept", "application/json");
    }

    @Override
    final int successStatus() {
        return 200;
    }
}
