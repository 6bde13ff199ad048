package io.jenkins.plugins.platformpassword.client;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data center a client talks to, reduced to {@code scheme://host[:port][/prefix]}.
 *
 * <p>Users paste the URL from their browser or from the vendor's docs, with or without
 * {@code /api/2}, with a trailing slash or surrounding spaces; all of those mean the same data
 * center. What cannot be right is refused with the rule it breaks: a URL with user info (a
 * password in a URL ends up in logs), a query or fragment (the API has none at this level), or a
 * scheme other than http(s).
 *
 * <p>Plain http carries the client secret and the new password in clear text, so it is refused
 * unless the administrator has explicitly allowed it, loopback addresses included: on a shared
 * controller anyone who may configure a job could otherwise point the step at any local port
 * and hand the API client's secret to whatever listens there.
 */
public final class PlatformEndpoint {

    /** The field name used in the step, the form and error messages. */
    public static final String FIELD = "baseUrl";

    private static final String API_PATH = "/api/2";
    private static final Pattern SCHEME_AND_AUTHORITY =
            Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*)$", Pattern.DOTALL);

    /**
     * URLs parsed before, one map per plain-http choice. Every build of a job parses the same URL,
     * and a controller knows a handful of data centers; the same instance each time also makes the
     * token cache's and the connections' lookups cheap. Only valid URLs are kept, and a valid URL
     * holds no secret (user info is refused). Bounded: inputs of at most 512 characters, cleared when full.
     */
    private static final int PARSED_LIMIT = 256;

    private static final int PARSED_MAX_INPUT_CHARS = 512;

    private static final ConcurrentMap<String, PlatformEndpoint> PARSED_HTTPS_ONLY = new ConcurrentHashMap<>();
    private static final ConcurrentMap<String, PlatformEndpoint> PARSED_PLAIN_HTTP_ALLOWED = new ConcurrentHashMap<>();

    private final URI dataCenter;
    /** {@code dataCenter + "/api/2"}, the prefix of every API URL. */
    private final String apiBase;

    private PlatformEndpoint(URI dataCenter) {
        this.dataCenter = dataCenter;
        this.apiBase = dataCenter + API_PATH;
    }

    /**
     * Parses a data center URL as a user typed it.
     *
     * @param input          the URL, e.g. {@code https://eu2-cloud.example.com} or {@code https://eu2-cloud.example.com/api/2/}
     * @param allowPlainHttp whether plain http is allowed (an explicit administrator choice, also for loopback hosts)
     * @throws InvalidInputException naming {@value #FIELD} and the rule the input breaks
     */
    public static PlatformEndpoint parse(String input, boolean allowPlainHttp) {
        ConcurrentMap<String, PlatformEndpoint> parsed = allowPlainHttp ? PARSED_PLAIN_HTTP_ALLOWED : PARSED_HTTPS_ONLY;
        PlatformEndpoint known = input == null ? null : parsed.get(input);
        if (known != null) {
            return known;
        }
        PlatformEndpoint endpoint = parseAnew(input, allowPlainHttp);
        // Bounded in size too: anyone who may configure a job could otherwise park 512 huge URLs here.
        if (input.length() <= PARSED_MAX_INPUT_CHARS) {
            if (parsed.size() >= PARSED_LIMIT) {
                parsed.clear();
            }
            parsed.put(input, endpoint);
        }
        return endpoint;
    }

    private static PlatformEndpoint parseAnew(String input, boolean allowPlainHttp) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(
                    FIELD, "is empty; enter the data center URL, e.g. https://eu2-cloud.example.com");
        }
        String trimmed = input.strip();
        if (trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new InvalidInputException(FIELD, "contains spaces or control characters inside the URL");
        }
        Matcher parts = SCHEME_AND_AUTHORITY.matcher(trimmed);
        if (!parts.matches()) {
            throw new InvalidInputException(
                    FIELD, "is not an absolute URL; it must start with https://, e.g. https://eu2-cloud.example.com");
        }
        String scheme = parts.group(1).toLowerCase(Locale.ROOT);
        String authority = parts.group(2);
        String rest = parts.group(3);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidInputException(
                    FIELD, "uses the scheme '" + scheme + "'; only https (or http where allowed) is supported");
        }
        if (authority.contains("@")) {
            // Deliberately not echoing the input: the user info may hold a password.
            throw new InvalidInputException(
                    FIELD,
                    "must not contain user info (name:password@); "
                            + "the API client's id and secret belong in a Jenkins credential");
        }
        if (authority.isEmpty()) {
            throw new InvalidInputException(FIELD, "has no host name");
        }
        URI uri = toUri(scheme, asciiAuthority(authority), rest);
        if (uri.getRawQuery() != null || trimmed.contains("?")) {
            throw new InvalidInputException(
                    FIELD, "must not contain a query (?...); enter only the data center's address");
        }
        if (uri.getRawFragment() != null || trimmed.contains("#")) {
            throw new InvalidInputException(
                    FIELD, "must not contain a fragment (#...); enter only the data center's address");
        }
        if (uri.getHost() == null) {
            throw new InvalidInputException(FIELD, "has no valid host name");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidInputException(
                    FIELD, "has port " + uri.getPort() + "; a port is a number from 1 to 65535");
        }
        if (scheme.equals("http") && !allowPlainHttp) {
            throw new InvalidInputException(
                    FIELD,
                    "uses plain http to " + uri.getHost()
                            + ", which would send the client secret and the new password unencrypted; use https "
                            + "(plain http, to loopback addresses too, needs an administrator's opt-in: "
                            + "Manage Jenkins \u00bb System \u00bb Platform password \u00bb Allow plain http)");
        }
        String path = stripApiSuffix(uri.getRawPath());
        String lowerPath = path.toLowerCase(Locale.ROOT);
        if (lowerPath.contains(API_PATH + "/") || lowerPath.endsWith(API_PATH)) {
            throw new InvalidInputException(
                    FIELD,
                    "contains /api/2 more than once, or an API path after it; enter the data center URL without the API path");
        }
        return new PlatformEndpoint(toUri(scheme, uri.getRawAuthority(), path));
    }

    /** The data center URL without {@code /api/2} and without a trailing slash. */
    public URI dataCenterUrl() {
        return dataCenter;
    }

    public boolean isHttps() {
        return "https".equals(dataCenter.getScheme());
    }

    /**
     * The absolute URL of an API path. Path segments that come from users (ids) must already be
     * validated (UUIDs) or encoded ({@link PathSegments}), so no escaping is needed here.
     *
     * @param apiPath a path below {@code /api/2}, starting with a slash, e.g. {@code /idp/token}
     */
    public String apiUrl(String apiPath) {
        if (!apiPath.startsWith("/")) {
            throw new IllegalArgumentException("API paths start with a slash: " + apiPath);
        }
        return apiBase + apiPath;
    }

    private static String asciiAuthority(String authority) {
        // Internationalised host names are sent in their ASCII (punycode) form; java.net.URI
        // would otherwise treat them as a registry-based authority without a host.
        if (authority.chars().allMatch(c -> c < 0x80)) {
            return authority;
        }
        int colon = authority.lastIndexOf(':');
        String host = colon > 0 ? authority.substring(0, colon) : authority;
        String port = colon > 0 ? authority.substring(colon) : "";
        try {
            return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES) + port;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FIELD, "has a host name that is not a valid internationalised domain name");
        }
    }

    private static URI toUri(String scheme, String authority, String rest) {
        try {
            URI uri = new URI(scheme + "://" + authority + rest);
            uri.parseServerAuthority();
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException(FIELD, "is not a valid URL (" + e.getReason() + ")");
        }
    }

    private static String stripApiSuffix(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.toLowerCase(Locale.ROOT).endsWith(API_PATH)) {
            path = path.substring(0, path.length() - API_PATH.length());
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlatformEndpoint that && dataCenter.equals(that.dataCenter);
    }

    @Override
    public int hashCode() {
        return dataCenter.hashCode();
    }

    @Override
    public String toString() {
        return dataCenter.toString();
    }
}
