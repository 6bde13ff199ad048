package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.client.secrets.UntrustedText;

/**
 * What the platform said about a failure, read from its error body. Two shapes exist: the
 * platform's own ({@code {"error":{"code","domain","message","details":{"info"}}}}) and, on the
 * token endpoint only, the OAuth one ({@code {"error":"...","error_description":"..."}}).
 * Texts in here have passed the {@link UntrustedText} rule: on one line, and replaced by a marker
 * where they repeated part of a secret.
 *
 * @param code        the platform's error code or the OAuth {@code error}; may be null
 * @param domain      the platform's error domain, e.g. {@code PlatformAccountServer}; may be null
 * @param message     the platform's message or the OAuth {@code error_description}; may be null
 * @param detailsInfo the platform's {@code details.info}; may be null
 */
public record PlatformError(String code, String domain, String message, String detailsInfo) {

    /** One line for a person: {@code code 1002 (PlatformAccountServer): Access denied. Details: ...}. */
    public String describe() {
        // The contract types each member as a plain string, so an empty one is allowed and says nothing.
        boolean hasCode = code != null && !code.isBlank();
        boolean hasDomain = domain != null && !domain.isBlank();
        StringBuilder text = new StringBuilder();
        if (hasCode) {
            text.append("code ").append(code);
            if (hasDomain) {
                text.append(" (").append(domain).append(')');
            }
        } else if (hasDomain) {
            text.append("domain ").append(domain);
        }
        if (message != null && !message.isBlank()) {
            text.append(text.length() > 0 ? ": " : "").append(message);
        }
        if (detailsInfo != null && !detailsInfo.isBlank() && !detailsInfo.equals(message)) {
            boolean endsSentence = text.length() > 0 && ".!?".indexOf(text.charAt(text.length() - 1)) >= 0;
            text.append(text.length() == 0 ? "Details: " : endsSentence ? " Details: " : ". Details: ")
                    .append(detailsInfo);
        }
        return text.toString();
    }
}
