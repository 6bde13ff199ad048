package io.jenkins.plugins.platformpassword.client.platforms;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The platforms defined at one level: a folder's, or the global configuration's.
 *
 * @param owner           where they are defined, as messages name it ({@code folder customers/acme}, {@code the global configuration})
 * @param platforms       the platforms defined there
 * @param defaultPlatform the name of the platform that steps without {@code platform} use, or null
 */
public record PlatformScope(String owner, List<NamedPlatform> platforms, String defaultPlatform) {

    public PlatformScope {
        Objects.requireNonNull(owner, "owner");
        platforms = List.copyOf(platforms);
    }

    Optional<NamedPlatform> named(String name) {
        return platforms.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
