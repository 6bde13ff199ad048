package io.jenkins.plugins.platformpassword.client.platforms;

import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which named platform a step uses. The scopes come nearest first: the job's folder, its parent
 * folders, then the global configuration. A name is looked up from the nearest scope outwards,
 * so a customer's folder can define its own {@code eu2} that its jobs get instead of the global
 * one, while a job in another folder never sees it (it is not among that job's scopes). Without a
 * name, the nearest scope that names a default wins.
 */
public final class PlatformChoice {

    private PlatformChoice() {}

    /**
     * @param nearestFirst the job's scopes, nearest first
     * @param requested    the step's {@code platform}, or null/blank for the default
     * @return the platform, or empty when no name was asked for and no scope names a default
     * @throws InvalidInputException naming {@value NamedPlatform#FIELD}: an unknown name (listing the known ones), or a
     *                               default that names no platform
     */
    public static Optional<NamedPlatform> choose(List<PlatformScope> nearestFirst, String requested) {
        if (requested != null && !requested.isBlank()) {
            String name = requested.strip();
            return Optional.of(find(nearestFirst, name)
                    .orElseThrow(() -> new InvalidInputException(
                            NamedPlatform.FIELD,
                            "no platform named '" + printable(name) + "' is defined for this job; "
                                    + known(nearestFirst))));
        }
        for (int i = 0; i < nearestFirst.size(); i++) {
            PlatformScope scope = nearestFirst.get(i);
            String name = scope.defaultPlatform();
            if (name != null && !name.isBlank()) {
                // A default may name a platform of its own scope or of one further out.
                return Optional.of(find(nearestFirst.subList(i, nearestFirst.size()), name.strip())
                        .orElseThrow(() -> new InvalidInputException(
                                NamedPlatform.FIELD,
                                "the default platform '" + printable(name) + "' of " + scope.owner()
                                        + " is not defined there or further out; " + known(nearestFirst))));
            }
        }
        return Optional.empty();
    }

    private static Optional<NamedPlatform> find(List<PlatformScope> scopes, String name) {
        for (PlatformScope scope : scopes) {
            Optional<NamedPlatform> found = scope.named(name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A name as a message may quote it: no line break or control character can forge a log line. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints()
                .forEach(c -> out.appendCodePoint(
                        Character.isISOControl(c)
                                        || Character.getType(c) == Character.LINE_SEPARATOR
                                        || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                                        || Character.getType(c) == Character.FORMAT
                                ? '?'
                                : c));
        return out.toString();
    }

    private static String known(List<PlatformScope> scopes) {
        List<String> names = new ArrayList<>();
        for (PlatformScope scope : scopes) {
            for (NamedPlatform platform : scope.platforms()) {
                names.add(printable(platform.name()) + " (" + scope.owner() + ")");
            }
        }
        return names.isEmpty()
                ? "no platforms are defined (Manage Jenkins \u00bb System \u00bb Platform password, or a folder's properties)"
                : "known: " + String.join(", ", names);
    }
}
