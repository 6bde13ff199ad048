package io.jenkins.plugins.platformpassword.client;

/**
 * Finds a lone UTF-16 surrogate: half of a character outside the Basic Multilingual Plane without
 * its other half, as a badly cut or pasted value may hold. It is not a character, so no UTF
 * (the JSON body, a URL, the Basic header) can carry it, and the JDK sends {@code ?} in its
 * place: a password would change in transit and a login would be searched as something else.
 */
public final class UnpairedSurrogates {

    private UnpairedSurrogates() {}

    /** The index of the first unpaired surrogate, or -1 when every surrogate has its partner. */
    public static int firstIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
