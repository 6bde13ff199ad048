package io.jenkins.plugins.platformpassword.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of values placed in a URL path or query, so that no value can change the URL's shape. */
public final class PathSegments {

    private PathSegments() {}

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
